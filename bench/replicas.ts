// Replicas: submissions per second through one real app process, then through two, on one scratch
// PostgreSQL database (PostgreSQL only: PGlite is embedded in its one process by design). Each phase runs
// the same load shape, two autocannon generators in their own processes with half the clients each,
// lined up to start together: in the first phase both aim at the one replica, in the second each at its
// own, so the only difference is the number of app processes. On a machine whose cores are already
// busy with the database and the load, a second replica has little to gain; the row is for larger machines.
import { spawn, type ChildProcess } from 'node:child_process';
import pg from 'pg';
import { openDatabase } from '#server/db/client.ts';
import { createScratchDatabase } from './db.ts';
import { JWT_SECRET, openRoundWithTokens, PUBLIC_BASE_URL, seedRegistry } from './fixtures.ts';
import { runLoad, type LoadFigures, type LoadRequest } from './load.ts';
import { freePort } from '../test/support/ports.ts';
import { ROOT } from './startup.ts';
import { submitRequests } from './submit.ts';
import { textTable } from './report.ts';
import { log, ms, rate, ratio, tempDir, type Row } from './util.ts';

export interface ReplicaPhase {
  replicas: number;
  requests: number;
  ok: number;
  perSecond: number;
  wallMs: number;
  /** The larger of the two generators' p99 (each sees its half of the clients). */
  p99: number;
  statuses: Record<string, number>;
  errors: string[];
}
export interface ReplicaFigures {
  concurrency: number;
  submissions: number;
  warmup: number;
  phases: ReplicaPhase[];
  stored: number;
  expected: number;
}
export interface ReplicaOptions {
  submissions: number;
  warmup: number;
  concurrency: number;
}

export const REPLICA_SCALE: ReplicaOptions = { submissions: 1200, warmup: 150, concurrency: 200 };

interface Replica {
  child: ChildProcess;
  base: string;
  output: () => string;
}

async function startReplica(env: Record<string, string>, timeoutMs = 60_000): Promise<Replica> {
  const port = await freePort();
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...inherited, NODE_ENV: 'production', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: String(port), DEMO: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  child.stderr!.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  const replica = { child, base: `http://127.0.0.1:${port}`, output: () => output };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      const res = await fetch(`${replica.base}/api/v1/health`, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.ok) return replica;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  await stopReplica(replica);
  throw new Error(`replica did not become healthy: ${output.slice(-500)}`);
}

async function stopReplica(r: Replica) {
  if (r.child.exitCode !== null || r.child.signalCode !== null) return;
  const exited = new Promise((resolve) => r.child.once('exit', resolve));
  r.child.kill('SIGTERM');
  const killer = setTimeout(() => r.child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(killer);
}

/** Both generators at once, one per base, half the clients and half the requests each. */
async function measure(bases: [string, string], requests: LoadRequest[], concurrency: number, replicas: number): Promise<ReplicaPhase> {
  const half = Math.ceil(requests.length / 2);
  // Time for both forked generators to load before the common start.
  const startAt = Date.now() + 2_000;
  const parts: LoadFigures[] = await Promise.all(
    [requests.slice(0, half), requests.slice(half)].map((measured, i) =>
      runLoad({ base: bases[i]!, concurrency: concurrency / 2, warmup: [], measured, startAt }),
    ),
  );
  const begin = Math.min(...parts.map((p) => p.startedAt));
  const wallMs = Math.max(...parts.map((p) => p.startedAt + p.wallMs)) - begin;
  const ok = parts.reduce((n, p) => n + p.ok, 0);
  const statuses: Record<string, number> = {};
  for (const p of parts) for (const [k, v] of Object.entries(p.statuses)) statuses[k] = (statuses[k] ?? 0) + v;
  return {
    replicas,
    requests: requests.length,
    ok,
    perSecond: (ok / wallMs) * 1000,
    wallMs,
    p99: Math.max(...parts.map((p) => p.p99)),
    statuses,
    errors: [...new Set(parts.flatMap((p) => p.errors))],
  };
}

export async function benchReplicas(
  adminUrl: string,
  name: string,
  opts: ReplicaOptions = REPLICA_SCALE,
  track: (cleanup: () => Promise<void>) => () => void = () => () => {},
): Promise<ReplicaFigures> {
  const scratch = await createScratchDatabase(adminUrl, name);
  const dir = tempDir('pingyi-bench-replicas-');
  const replicas: Replica[] = [];
  const cleanup = async () => {
    for (const r of replicas) await stopReplica(r).catch(() => {});
    dir.remove();
    await scratch.drop();
  };
  const untrack = track(cleanup);
  const t0 = Date.now();
  const say = (line: string) => log(`replicas (${((Date.now() - t0) / 1000).toFixed(1)} s): ${line}`);
  try {
    const database = await openDatabase({ kind: 'postgres', url: scratch.url });
    const total = 2 * (opts.warmup + opts.submissions);
    let round;
    try {
      say(`seeding ${total} enterprises, 53 departments, one round of ${total} invitations`);
      await seedRegistry(database.db, total);
      round = await openRoundWithTokens(database.db, '2026Q1', total, new Date());
    } finally {
      await database.close();
    }
    const requests = submitRequests(round);
    const slice = (k: number, n: number) => requests.slice(k, k + n);
    const env = {
      DATABASE_URL: scratch.url,
      DATA_DIR: dir.path,
      JWT_SECRET,
      PUBLIC_BASE_URL,
      SURVEY_RATE_LIMIT: '1000000',
      // The ballot-box job would move answers during one phase and not the other: kept out of the measurement.
      BALLOT_MOVE_EVERY_MS: '3600000',
    };
    const phases: ReplicaPhase[] = [];
    let next = 0;
    const take = (n: number) => slice((next += n) - n, n);

    say('starting replica 1');
    replicas.push(await startReplica(env));
    say('warming replica 1');
    await runLoad({ base: replicas[0]!.base, concurrency: opts.concurrency, warmup: [], measured: take(opts.warmup) });
    say(`${opts.submissions} submissions through 1 replica, ${opts.concurrency} clients`);
    phases.push(await measure([replicas[0]!.base, replicas[0]!.base], take(opts.submissions), opts.concurrency, 1));

    say('starting replica 2');
    replicas.push(await startReplica(env));
    say('warming replica 2');
    await runLoad({ base: replicas[1]!.base, concurrency: opts.concurrency, warmup: [], measured: take(opts.warmup) });
    say(`${opts.submissions} submissions through 2 replicas, ${opts.concurrency / 2} clients each`);
    phases.push(await measure([replicas[0]!.base, replicas[1]!.base], take(opts.submissions), opts.concurrency, 2));
    for (const p of phases) if (p.errors.length) say(`${p.replicas} replica(s) errors: ${p.errors.join(' | ')}`);

    // Every answer acknowledged is stored once (in the box, or moved out by a job run at start-up).
    const check = new pg.Client({ connectionString: scratch.url });
    await check.connect();
    let stored: number;
    try {
      const { rows } = await check.query<{ n: number }>(
        `select ((select count(*) from ballot_box where round_id = $1)
        + (select count(*) from responses where round_id = $1))::int as n`,
        [round.id],
      );
      stored = rows[0]!.n;
    } finally {
      await check.end();
    }
    return { concurrency: opts.concurrency, submissions: opts.submissions, warmup: opts.warmup, phases, stored, expected: next };
  } finally {
    untrack();
    await cleanup();
  }
}

export const replicaGain = (f: ReplicaFigures) => f.phases[1]!.perSecond / f.phases[0]!.perSecond;

/** The table's row; `missing` when the step did not run or failed. */
export function replicaRow(f: ReplicaFigures | undefined, missing: string): Row {
  return {
    metric: 'Submit via HTTP, 1 vs 2 app replicas on one PostgreSQL',
    pg: f ? `${rate(f.phases[0]!.perSecond)} vs ${rate(f.phases[1]!.perSecond)} (${ratio(replicaGain(f))})` : missing,
    pglite: '— (single-process by design)',
    target: '—',
    ok: '—',
  };
}

export function replicaDetail(f: ReplicaFigures): string {
  const phase = (p: ReplicaPhase) =>
    `${p.replicas} replica${p.replicas > 1 ? 's' : ''}: ${p.ok}/${p.requests} HTTP 200 in ${(p.wallMs / 1000).toFixed(1)} s, p99 ${ms(p.p99)}`;
  const errors = [...new Set(f.phases.flatMap((p) => p.errors))];
  return (
    `Replicas: real server processes (\`node --import tsx server/main.ts\`, NODE_ENV=production) on one scratch database, ${f.concurrency} clients in both phases ` +
    `from two autocannon processes started together (first both at the one replica, then one at each), ${f.submissions} measured submissions per phase after ` +
    `${f.warmup} warm-up ones per replica; the ballot-box job is kept out of the window (BALLOT_MOVE_EVERY_MS=3600000). ${f.phases.map(phase).join('; ')}; ` +
    `answers stored: ${f.stored} of ${f.expected} sent (warm-ups included). Replicas, database and load share the machine's cores: where they are few, a second replica has little to gain; ` +
    'the row is for machines with cores to spare (a single figure per phase, so other work on the machine moves it). PGlite has no row figure: it is embedded in its one process by design.' +
    `${errors.length ? ` Errors seen: ${errors.join(' | ')}.` : ''}`
  );
}

/** `DATABASE_URL=postgres://… npx tsx bench/replicas.ts`: this step alone, on its own scratch database. */
async function main() {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl)
    throw new Error('set DATABASE_URL (PostgreSQL): replicas share one PostgreSQL database; PGlite is single-process by design');
  const t0 = Date.now();
  const f = await benchReplicas(adminUrl, `pingyi_bench_replicas_${process.pid}`);
  console.log(`\n${textTable([replicaRow(f, 'error')])}\n\n  · ${replicaDetail(f)}\n`);
  console.log(`Step took ${((Date.now() - t0) / 1000).toFixed(1)} s.`);
}
if (process.argv[1] && (await import('node:url')).fileURLToPath(import.meta.url) === process.argv[1]) await main();
