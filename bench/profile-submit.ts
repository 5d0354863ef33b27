// Where a submission's Node CPU goes: the app on a scratch database (PostgreSQL when DATABASE_URL is set,
// else PGlite), 200 keep-alive clients submitting in a closed loop. Prints the process CPU per submission
// of the raw SQL path and of the app (without the profiler), then runs as many again with the V8 sampling
// profiler on and prints self time by area and the top functions; writes the .cpuprofile when asked
// (open it in Chrome DevTools). The profiler samples on the wall clock: on a loaded machine a system call
// that wakes the database (a socket write) collects samples while the database runs, so the process CPU
// (user and system) is the figure to trust and the profile the map of where the JavaScript time goes.
//   npx tsx bench/profile-submit.ts [submissions] [out.cpuprofile]
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { openPgliteTarget, openPostgresTarget } from './db.ts';
import { openRoundWithTokens, seedRegistry, startApp } from './fixtures.ts';
import { runLoad } from './load.ts';
import { emptyBallotBox, rawSubmissions, submitRequests } from './submit.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

// Areas by where the code lives; the first match wins.
const AREAS: [string, RegExp][] = [
  ['app: survey', /\/server\/survey\//],
  ['app: rate limits', /\/server\/http\/(shared-limits|rate-limits)/],
  ['app: edges, access, errors', /\/server\/(http\/edges|auth\/|errors)/],
  ['app: other', /\/(server|shared)\//],
  ['zod', /node_modules\/zod\//],
  ['fastify-type-provider-zod', /fastify-type-provider-zod/],
  ['drizzle', /node_modules\/drizzle-orm\//],
  ['pg driver', /node_modules\/(pg|pg-protocol|pg-pool|pg-types|postgres-[a-z]+)\//],
  ['pglite', /@electric-sql\/pglite/],
  ['pino (logging)', /node_modules\/(pino|pino-std-serializers|sonic-boom|thread-stream)/],
  ['helmet', /node_modules\/helmet\//],
  ['fastify', /node_modules\/(fastify|@fastify|find-my-way|avvio|fast-json-stringify|secure-json-parse)/],
  ['other node_modules', /node_modules\//],
  ['node internals', /^node:/],
];
const areaOf = (node: ProfileNode) => {
  const { url, functionName } = node.callFrame;
  if (!url) return functionName === '(garbage collector)' ? 'GC' : `V8 ${functionName || '(native)'}`;
  return AREAS.find(([, re]) => re.test(url))?.[0] ?? 'other';
};
// Not the app's work: idle time, the profiler's own stop, and this script handing the load generator its requests.
const NOT_THE_APP = new Set(['(idle)', '(program)', 'post', 'writeChannelMessage']);

function summarise(profile: Profile, submissions: number) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const areas = new Map<string, number>();
  const fns = new Map<string, number>();
  let busy = 0;
  for (const [id, us] of self) {
    const node = byId.get(id)!;
    if (NOT_THE_APP.has(node.callFrame.functionName)) continue;
    const area = areaOf(node);
    busy += us;
    areas.set(area, (areas.get(area) ?? 0) + us);
    const where = node.callFrame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(server|shared|bench)\//, '$1/');
    const key = `${node.callFrame.functionName || '(anonymous)'} ${where}:${node.callFrame.lineNumber + 1}`;
    fns.set(key, (fns.get(key) ?? 0) + us);
  }
  const per = (us: number) => `${(us / 1000 / submissions).toFixed(3)} ms`;
  const line = ([name, us]: [string, number]) => `  ${per(us).padStart(10)}  ${((100 * us) / busy).toFixed(1).padStart(5)}%  ${name}`;
  console.log(`\nSampled time (idle and the profiler excluded): ${per(busy)} per submission`);
  console.log('\nSelf time by area, per submission:');
  for (const a of [...areas].sort((x, y) => y[1] - x[1]).slice(0, 20)) console.log(line(a));
  console.log('\nTop functions by self time, per submission:');
  for (const f of [...fns].sort((x, y) => y[1] - x[1]).slice(0, 30)) console.log(line(f));
}

const cpuLine = (c: NodeJS.CpuUsage, n: number) =>
  `${((c.user + c.system) / 1000 / n).toFixed(3)} ms per submission (user ${(c.user / 1000 / n).toFixed(3)}, system ${(c.system / 1000 / n).toFixed(3)})`;

async function main() {
  const submissions = Number(process.argv[2] ?? 2000);
  const out = process.argv[3];
  const warmup = 3000; // as the bench's: the app's CPU per submission falls for a few thousand
  const adminUrl = process.env.DATABASE_URL;
  const target = adminUrl ? await openPostgresTarget(adminUrl, `pingyi_profile_${process.pid}`) : await openPgliteTarget('pingyi-profile-');
  try {
    const total = warmup + 2 * submissions;
    await seedRegistry(target.database.db, total);
    const round = await openRoundWithTokens(target.database.db, '2026Q1', total, new Date());
    // The raw limit in the same conditions: the same rows written by plain SQL, one transaction each.
    const rawRound = await openRoundWithTokens(target.database.db, '2026Q2', submissions, new Date());
    const attrs = () => ({ industry: '制造业', sizeClass: 'small', township: '城区' });
    const c0 = process.cpuUsage();
    const raw = await rawSubmissions(target, rawRound, 0, submissions, 200, attrs);
    console.log(
      `raw SQL: ${submissions - raw.failures}/${submissions} OK, ${raw.perSecond.toFixed(0)}/s; process CPU ${cpuLine(process.cpuUsage(c0), submissions)}`,
    );
    const { app, base } = await startApp(target.database);
    try {
      // The invitation messages are queued when the outbox first runs, as at a round's open: not while measuring.
      await app.outbound.tick(new Date());
      const requests = submitRequests(round);
      // As the bench: the raw round's answers leave the ballot box before the warm-up, the warm-up's and the
      // first run's before the profiled one, so that moving them falls in neither measured run.
      await emptyBallotBox(target.database);
      await runLoad({ base, concurrency: 200, warmup: [], measured: requests.slice(0, warmup) });
      // First without the profiler (its sampling costs CPU too), then as many again with it.
      const c1 = process.cpuUsage();
      const plain = await runLoad({ base, concurrency: 200, warmup: [], measured: requests.slice(warmup, warmup + submissions) });
      console.log(
        `${target.label}: ${plain.ok}/${plain.requests} OK, ${plain.perSecond.toFixed(0)}/s; process CPU ${cpuLine(process.cpuUsage(c1), submissions)} (no profiler)`,
      );
      await emptyBallotBox(target.database);
      const session = new Session();
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: 200 });
      await session.post('Profiler.start');
      const c2 = process.cpuUsage();
      const load = await runLoad({ base, concurrency: 200, warmup: [], measured: requests.slice(warmup + submissions) });
      const cpu = process.cpuUsage(c2);
      const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: Profile };
      session.disconnect();
      console.log(
        `${target.label}: ${load.ok}/${load.requests} OK, ${load.perSecond.toFixed(0)}/s; process CPU ${cpuLine(cpu, submissions)} (profiler on)`,
      );
      if (load.errors.length) console.log(`errors: ${load.errors.join(' | ')}`);
      summarise(profile, submissions);
      if (out) writeFileSync(out, JSON.stringify(profile));
    } finally {
      await app.close();
    }
  } finally {
    await target.cleanup();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
