// `npm run bench`: prints figures (no assertions) for PostgreSQL (DATABASE_URL) and PGlite side by side,
// then writes BENCHMARKS.md. Every database it uses is its own scratch database or temporary folder.
// `npm run bench -- submit results` runs only the named parts and prints their rows, leaving BENCHMARKS.md as it is.
import os from 'node:os';
import { benchBundle, type BundleFigures } from './bundle.ts';
import { benchDashboard, readyP50, readyP90, type DashboardFigures } from './dashboard.ts';
import { benchDelivery, type DeliveryFigures } from './delivery.ts';
import { WEB_DIST } from '#server/app.ts';
import { createScratchDatabase, openPgliteTarget, openPostgresTarget, type Target } from './db.ts';
import { textTable, writeBenchmarks } from './report.ts';
import { benchResults, computeRatio, type ResultsFigures } from './results.ts';
import { benchPoints, summarise as summarisePoints, type PointsFigures } from './points.ts';
import { benchImport, IMPORT_ROWS, rowsPerSecond, summarise as summariseImport, type ImportFigures } from './import.ts';
import { forgetWebBuild } from '../scripts/build-web.ts';
import { measureStart, NPM_START, type StartupRun } from './startup.ts';
import { benchSubmissions, type SubmitFigures } from './submit.ts';
import { benchJobLatency, type JobFigures } from './jobs.ts';
import { benchOutbox, OUTBOX_MESSAGES, outboxLine, type OutboxFigures } from './outbox.ts';
import { benchReplicas, replicaDetail, replicaRow, type ReplicaFigures } from './replicas.ts';
import {
  errorText,
  kb,
  log,
  machineSpeedMs,
  median,
  ms,
  msFine,
  now,
  percentile as percentileOf,
  rate,
  ratio,
  tempDir,
  verdict,
  type Row,
} from './util.ts';

// Paced steps as fractions of the raw rate; 0.5 is the step the latency target is judged at. The low steps
// find a rate each database holds with p99 ≤ 100 ms even where 0.5× is past its bound (PGlite's one thread).
const PACED = { seconds: 2, fractions: [0.05, 0.1, 0.25, 0.5, 0.625, 0.75, 0.875, 1], p99LimitMs: 100 } as const;
const JUDGED_FRACTION = 0.5;

const SCALE = {
  postgres: {
    submit: { submissions: 2000, warmup: 3000, concurrency: 200, paced: { ...PACED, budget: 12_000 } },
    results: { responses: 10_000, departments: 100, reads: 200 },
  },
  pglite: {
    submit: { submissions: 1000, warmup: 300, concurrency: 200, paced: { ...PACED, budget: 4_000 } },
    results: { responses: 10_000, departments: 100, reads: 200 },
  },
} as const;

const PARTS = ['submit', 'results', 'points', 'import', 'jobs', 'outbox', 'replicas', 'startup', 'bundle'] as const;
type Part = (typeof PARTS)[number];
const only = process.argv.slice(2).filter((a) => a !== '--');
for (const a of only) if (!(PARTS as readonly string[]).includes(a)) throw new Error(`unknown bench part ${a}: one of ${PARTS.join(', ')}`);
const want = (part: Part) => only.length === 0 || only.includes(part);

interface PerDb {
  submit?: SubmitFigures;
  results?: ResultsFigures;
  points?: PointsFigures;
  imports?: ImportFigures;
  jobs?: JobFigures;
  outbox?: OutboxFigures;
  replicas?: ReplicaFigures;
  startup: StartupRun[];
  errors: string[];
}

const cleanups = new Set<() => Promise<void>>();
async function cleanupAll() {
  for (const c of [...cleanups].reverse()) await c().catch((err) => log(`cleanup failed: ${errorText(err)}`));
  cleanups.clear();
}
process.once('SIGINT', () => void cleanupAll().finally(() => process.exit(130)));

async function step<T>(errors: string[], what: string, fn: () => Promise<T> | T): Promise<T | undefined> {
  try {
    return await fn();
  } catch (err) {
    log(`${what} failed: ${err instanceof Error ? err.stack : String(err)}`);
    errors.push(`${what}: ${errorText(err)}`);
    return undefined;
  }
}

async function withTarget(open: () => Promise<Target>, run: (t: Target) => Promise<void>) {
  const target = await open();
  cleanups.add(target.cleanup);
  try {
    await run(target);
  } finally {
    cleanups.delete(target.cleanup);
    await target.cleanup();
  }
}

async function main() {
  const startedAt = new Date();
  const t0 = now();
  const loadStart = os.loadavg()[0]!;
  log(`1-minute load average at the start: ${loadStart.toFixed(1)} on ${os.cpus().length} cores`);
  const speedStart = machineSpeedMs();
  log(`machine speed at the start: ${speedStart.toFixed(0)} ms for the fixed workload (util.ts, machineSpeedMs)`);
  const adminUrl = process.env.DATABASE_URL;
  const base = `pingyi_bench_${process.pid}`;
  const pg: PerDb = { startup: [], errors: [] };
  const lite: PerDb = { startup: [], errors: [] };
  let postgresVersion: string | null = null;
  const pgSettings: string[] = [];

  // ---- figures 1 and 2
  if (adminUrl) {
    if (want('submit') || want('results'))
      await step(pg.errors, 'PostgreSQL set-up', () =>
        withTarget(
          () => openPostgresTarget(adminUrl, base),
          async (t) => {
            const [v] = await t.raw.query<{ v: string }>("select current_setting('server_version') as v");
            postgresVersion = `PostgreSQL ${v?.v ?? '?'} at ${new URL(adminUrl).host} (scratch databases pingyi_bench_<pid>, pingyi_bench_<pid>_boot, dropped after)`;
            for (const s of ['synchronous_commit', 'shared_buffers', 'max_connections', 'autovacuum']) {
              const [r] = await t.raw.query<Record<string, string>>(`show ${s}`);
              pgSettings.push(`${s}=${r?.[s] ?? '?'}`);
            }
            if (want('submit'))
              pg.submit = await step(pg.errors, 'PostgreSQL submissions', () => benchSubmissions(t, SCALE.postgres.submit));
            if (want('results')) pg.results = await step(pg.errors, 'PostgreSQL results', () => benchResults(t, SCALE.postgres.results));
          },
        ),
      );
    if (want('points'))
      await step(pg.errors, 'PostgreSQL standings', () =>
        withTarget(
          () => openPostgresTarget(adminUrl, `${base}_points`),
          async (t) => {
            pg.points = await step(pg.errors, 'PostgreSQL standings', () => benchPoints(t));
          },
        ),
      );
    if (want('import'))
      pg.imports = await step(pg.errors, 'PostgreSQL import', () => benchImport({ kind: 'postgres', adminUrl, name: `${base}_import` }));
    if (want('jobs'))
      await step(pg.errors, 'PostgreSQL job latency', () =>
        withTarget(
          () => openPostgresTarget(adminUrl, `${base}_jobs`),
          async (t) => {
            pg.jobs = await step(pg.errors, 'PostgreSQL job latency', () => benchJobLatency(t));
          },
        ),
      );
    if (want('outbox'))
      await step(pg.errors, 'PostgreSQL outbox', () =>
        withTarget(
          () => openPostgresTarget(adminUrl, `${base}_outbox`),
          async (t) => {
            pg.outbox = await step(pg.errors, 'PostgreSQL outbox', () => benchOutbox(t));
            if (pg.outbox) log(outboxLine('PostgreSQL', pg.outbox));
          },
        ),
      );
    // Real server processes on their own scratch database; PGlite has no such row (one process by design).
    if (want('replicas'))
      pg.replicas = await step(pg.errors, 'PostgreSQL replicas', () =>
        benchReplicas(adminUrl, `${base}_replicas`, undefined, (c) => {
          cleanups.add(c);
          return () => cleanups.delete(c);
        }),
      );
  } else {
    log('DATABASE_URL is not set: PostgreSQL figures skipped (e.g. DATABASE_URL=postgres://root@127.0.0.1:5432/test npm run bench)');
  }
  if (want('submit') || want('results'))
    await step(lite.errors, 'PGlite set-up', () =>
      withTarget(
        () => openPgliteTarget('pingyi-bench-pglite-'),
        async (t) => {
          if (want('submit')) lite.submit = await step(lite.errors, 'PGlite submissions', () => benchSubmissions(t, SCALE.pglite.submit));
          if (want('results')) lite.results = await step(lite.errors, 'PGlite results', () => benchResults(t, SCALE.pglite.results));
        },
      ),
    );
  if (want('points'))
    await step(lite.errors, 'PGlite standings', () =>
      withTarget(
        () => openPgliteTarget('pingyi-bench-points-'),
        async (t) => {
          lite.points = await step(lite.errors, 'PGlite standings', () => benchPoints(t));
        },
      ),
    );
  if (want('import')) lite.imports = await step(lite.errors, 'PGlite import', () => benchImport({ kind: 'pglite' }));
  if (want('jobs'))
    await step(lite.errors, 'PGlite job latency', () =>
      withTarget(
        () => openPgliteTarget('pingyi-bench-jobs-'),
        async (t) => {
          lite.jobs = await step(lite.errors, 'PGlite job latency', () => benchJobLatency(t));
        },
      ),
    );
  // The outbox: 10,000 SMS through a real SMPP server (alone: npm run bench -- outbox).
  if (want('outbox'))
    await step(lite.errors, 'PGlite outbox', () =>
      withTarget(
        () => openPgliteTarget('pingyi-bench-outbox-'),
        async (t) => {
          lite.outbox = await step(lite.errors, 'PGlite outbox', () => benchOutbox(t));
          if (lite.outbox) log(outboxLine('PGlite', lite.outbox));
        },
      ),
    );

  // ---- figure 3: start-up of the real shell
  if (adminUrl && want('startup')) {
    await step(pg.errors, 'PostgreSQL start-up', async () => {
      const scratch = await createScratchDatabase(adminUrl, `${base}_boot`);
      cleanups.add(scratch.drop);
      const dir = tempDir('pingyi-bench-boot-pg-');
      try {
        const env = { DATABASE_URL: scratch.url, DATA_DIR: dir.path };
        pg.startup.push(await measureStart('PostgreSQL, empty database', env));
        pg.startup.push(await measureStart('PostgreSQL, existing database', env));
      } finally {
        dir.remove();
        cleanups.delete(scratch.drop);
        await scratch.drop();
      }
    });
  }
  if (want('startup'))
    await step(lite.errors, 'PGlite start-up', async () => {
      const dir = tempDir('pingyi-bench-boot-');
      const demo = tempDir('pingyi-bench-boot-demo-');
      const compileCache = tempDir('pingyi-bench-compile-cache-');
      try {
        lite.startup.push(await measureStart('PGlite, empty folder', { DATA_DIR: dir.path }));
        lite.startup.push(await measureStart('PGlite, existing folder', { DATA_DIR: dir.path }));
        // As on a fresh clone: no build stamp (so the web app is built), an empty compile cache and data folder.
        forgetWebBuild();
        const npmEnv = { DATA_DIR: demo.path, NODE_COMPILE_CACHE: compileCache.path };
        lite.startup.push(await measureStart('npm start, fresh clone', npmEnv, NPM_START));
        lite.startup.push(await measureStart('npm start, restart', npmEnv, NPM_START));
      } finally {
        dir.remove();
        demo.remove();
        compileCache.remove();
      }
    });

  // ---- figure 4: bundle sizes; figures 6 and 7: the survey page on the wire and the leader's dashboard, served from the same build
  const bundleErrors: string[] = [];
  const bundle = want('bundle') ? await step(bundleErrors, 'bundle sizes', () => benchBundle({ keep: true })) : undefined;
  let delivery: DeliveryFigures | undefined;
  let dashboard: DashboardFigures | undefined;
  if (want('bundle')) {
    try {
      delivery = await step(bundleErrors, 'survey delivery', () => benchDelivery(bundle?.kept?.path ?? WEB_DIST));
      dashboard = await step(bundleErrors, 'dashboard in Chromium', () => benchDashboard(bundle?.kept?.path ?? WEB_DIST));
    } finally {
      bundle?.kept?.remove();
    }
  }

  const totalMs = now() - t0;
  const assembled = assemble(pg, lite, bundle, delivery, dashboard, bundleErrors, Boolean(adminUrl), pgSettings);
  const { details } = assembled;
  // A partial run shows the rows it has figures for.
  // (A cell that starts with '—' was not measured: '— (single-process by design)' included.)
  const unmeasured = (cell: string) => cell === 'error' || cell === 'not run' || cell.startsWith('—');
  const rows = only.length ? assembled.rows.filter((r) => !(unmeasured(r.pg) && unmeasured(r.pglite))) : assembled.rows;
  console.log(`\n${textTable(rows)}\n`);
  for (const d of details) console.log(`  · ${d}`);
  const loadavg = { start: loadStart, end: os.loadavg()[0]! };
  const speedMs = { start: speedStart, end: machineSpeedMs() };
  console.log(`  · 1-minute load average: ${loadavg.start.toFixed(1)} at the start, ${loadavg.end.toFixed(1)} at the end.`);
  console.log(`  · Machine speed (fixed workload): ${speedMs.start.toFixed(0)} ms at the start, ${speedMs.end.toFixed(0)} ms at the end.`);
  if (only.length) {
    console.log(`\nRan ${only.join(', ')} only (${(totalMs / 1000).toFixed(0)} s): BENCHMARKS.md left as it was.`);
    return;
  }
  writeBenchmarks(rows, details, { startedAt, totalMs, postgres: postgresVersion, loadavg, speedMs });
  console.log(`\nWrote BENCHMARKS.md (${(totalMs / 1000).toFixed(0)} s).`);
}

function assemble(
  pg: PerDb,
  lite: PerDb,
  bundle: BundleFigures | undefined,
  delivery: DeliveryFigures | undefined,
  dashboard: DashboardFigures | undefined,
  bundleErrors: string[],
  hasPg: boolean,
  pgSettings: string[],
) {
  const rows: Row[] = [];
  const details: string[] = [];
  const na = hasPg ? 'error' : 'not run';
  const cell = <T>(v: T | undefined, f: (v: T) => string, missing = '—') => (v === undefined ? missing : f(v));
  const ps = pg.submit;
  const ls = lite.submit;
  const ratioOf = (s: SubmitFigures) => s.http.perSecond / s.raw.perSecond;

  // 5. cadre points standings (placed first in the code, listed with the others)
  const p50 = (f: PointsFigures) => median(f.httpMs);
  rows.push({
    metric: 'Cadre points standings, all 3,900 cadres as of a date: HTTP p50 / p95',
    pg: cell(pg.points, (f) => `${ms(p50(f))} / ${ms(percentileOf(f.httpMs, 95))}`, na),
    pglite: cell(lite.points, (f) => `${ms(p50(f))} / ${ms(percentileOf(f.httpMs, 95))}`, 'error'),
    target: 'p50 ≤ 200 ms',
    ok: verdict(pg.points ? p50(pg.points) <= 200 : null, lite.points ? p50(lite.points) <= 200 : null),
  });
  for (const [label, f] of [
    ['PostgreSQL', pg.points],
    ['PGlite', lite.points],
  ] as const)
    if (f) details.push(`${label} standings: ${summarisePoints(f)}.`);
  // 6. the registry import of the largest file (200,000 rows) (CSV new, then .xlsx updates): rows/s and peak memory growth
  const importCell = (f: ImportFigures) => f.steps.map((x) => `${rate(rowsPerSecond(x))}`).join(' / ');
  const peakOf = (f: ImportFigures) => Math.max(...f.steps.map((x) => x.peakMb));
  rows.push({
    metric: `Registry import, ${IMPORT_ROWS.toLocaleString('en')} rows: CSV preview / apply, .xlsx preview / apply (rows/s)`,
    pg: cell(pg.imports, importCell, na),
    pglite: cell(lite.imports, importCell, 'error'),
    target: '—',
    ok: '—',
  });
  rows.push({
    metric: `Registry import, ${IMPORT_ROWS.toLocaleString('en')} rows: peak memory growth of one import`,
    pg: cell(pg.imports, (f) => `${peakOf(f).toFixed(0)} MB`, na),
    pglite: cell(lite.imports, (f) => `${peakOf(f).toFixed(0)} MB`, 'error'),
    target: '≤ 300 MB',
    ok: verdict(pg.imports ? peakOf(pg.imports) <= 300 : null, lite.imports ? peakOf(lite.imports) <= 300 : null),
  });
  for (const [label, f] of [
    ['PostgreSQL', pg.imports],
    ['PGlite', lite.imports],
  ] as const)
    if (f) details.push(`${label} import: ${summariseImport(f)}.`);
  // 7. background jobs: a deadline to the round's close, by the ballot-box job on one of two instances
  const jobCell = (f: JobFigures) => `${ms(median(f.latenciesMs))} / ${ms(Math.max(...f.latenciesMs))}`;
  const jobOk = (f: JobFigures | undefined) =>
    f ? Math.max(...f.latenciesMs) <= f.everyMs + 1_000 && f.closes === f.latenciesMs.length : null;
  rows.push({
    metric: 'Deadline to closed by the ballot-box job (2 app instances, job every 1 s, 100 answers): p50 / max',
    pg: cell(pg.jobs, jobCell, na),
    pglite: cell(lite.jobs, jobCell, 'error'),
    target: 'max ≤ interval + 1 s, one close each',
    ok: verdict(jobOk(pg.jobs), jobOk(lite.jobs)),
  });
  // 7b. the outbox: 10,000 SMS through a real SMPP server by the sending job
  const outboxCell = (f: OutboxFigures) => `${rate(f.perSecond)} · ${ms(f.loopDelayP99Ms)} / ${ms(f.loopDelayMaxMs)}`;
  rows.push({
    metric: `Outbox, ${OUTBOX_MESSAGES.toLocaleString('en')} SMS through an SMPP server: messages/s · event loop delay p99 / max`,
    pg: cell(pg.outbox, outboxCell, na),
    pglite: cell(lite.outbox, outboxCell, 'error'),
    target: '—',
    ok: '—',
  });
  for (const [label, f] of [
    ['PostgreSQL', pg.outbox],
    ['PGlite', lite.outbox],
  ] as const)
    if (f) details.push(`${outboxLine(label, f)}.`);
  // 8. replicas: the same load through one app process, then split over two, on one PostgreSQL database
  rows.push(replicaRow(pg.replicas, na));
  if (pg.replicas) details.push(replicaDetail(pg.replicas));
  // 1. submissions
  rows.push({
    metric: `Submit via HTTP, 200 clients (${ps?.submissions ?? 2000} · ${ls?.submissions ?? 1000} × 53 depts)`,
    pg: cell(ps, (s) => rate(s.http.perSecond), na),
    pglite: cell(ls, (s) => rate(s.http.perSecond), 'error'),
    target: '—',
    ok: '—',
  });
  rows.push({
    metric: 'Submit raw SQL (1 tx each, pool of 20)',
    pg: cell(ps, (s) => rate(s.raw.perSecond), na),
    pglite: cell(ls, (s) => rate(s.raw.perSecond), 'error'),
    target: '—',
    ok: '—',
  });
  rows.push({
    metric: 'HTTP ÷ raw throughput',
    pg: cell(ps, (s) => ratio(ratioOf(s)), na),
    pglite: cell(ls, (s) => ratio(ratioOf(s)), 'error'),
    target: '≥ 0.6',
    ok: verdict(ps ? ratioOf(ps) >= 0.6 : null, ls ? ratioOf(ls) >= 0.6 : null),
  });
  rows.push({
    metric: 'Closed-loop latency p50 / p99 (HTTP)',
    pg: cell(ps, (s) => `${ms(s.http.p50)} / ${ms(s.http.p99)}`, na),
    pglite: cell(ls, (s) => `${ms(s.http.p50)} / ${ms(s.http.p99)}`, 'error'),
    target: '—',
    ok: '—',
  });
  const judged = (s: SubmitFigures) => s.paced.find((p) => p.fraction === JUDGED_FRACTION);
  const judgedOk = (s: SubmitFigures | undefined) => {
    const j = s && judged(s);
    return s ? Boolean(j && j.figures.ok === j.figures.requests && j.figures.p99 <= PACED.p99LimitMs) : null;
  };
  const judgedCell = (s: SubmitFigures) => {
    const j = judged(s);
    return j ? `${ms(j.figures.p99)} at ${rate(j.rate)}` : 'not reached';
  };
  rows.push({
    metric: `Submit latency p99, 200 clients paced at ${JUDGED_FRACTION}× the raw rate`,
    pg: cell(ps, judgedCell, na),
    pglite: cell(ls, judgedCell, 'error'),
    target: `≤ ${PACED.p99LimitMs} ms`,
    ok: verdict(judgedOk(ps), judgedOk(ls)),
  });
  const bestPaced = (s: SubmitFigures) => {
    const met = s.paced.filter((p) => p.figures.ok === p.figures.requests && p.figures.p99 <= PACED.p99LimitMs);
    const best = met.at(-1);
    return best ? `${rate(best.rate)} (${ratio(best.fraction)} raw)` : 'none';
  };
  rows.push({
    metric: `Highest paced rate with p99 ≤ ${PACED.p99LimitMs} ms, 200 clients`,
    pg: cell(ps, bestPaced, na),
    pglite: cell(ls, bestPaced, 'error'),
    target: '—',
    ok: '—',
  });
  rows.push({
    metric: 'Node CPU per submission: app / raw / load generator',
    pg: cell(ps, (s) => `${msFine(s.cpuMs.http)} / ${msFine(s.cpuMs.raw)} / ${msFine(s.cpuMs.loadGenerator)}`, na),
    pglite: cell(ls, (s) => `${msFine(s.cpuMs.http)} / ${msFine(s.cpuMs.raw)} / ${msFine(s.cpuMs.loadGenerator)}`, 'error'),
    target: 'app ≤ 0.6 ms (PostgreSQL)',
    ok: verdict(ps ? ps.cpuMs.http <= 0.6 : null),
  });
  // The app's CPU in three parts, each measured alone in the same run: HTTP, the route's work, the rest.
  const split = (s: SubmitFigures) =>
    `${msFine(s.cpuMs.httpFloor)} / ${msFine(s.cpuMs.routeWork)} / ${msFine(Math.max(0, s.cpuMs.http - s.cpuMs.httpFloor - s.cpuMs.routeWork))}`;
  rows.push({
    metric:
      "App CPU per submission, split: plain node:http with the same bodies / the route's work without HTTP / the rest (Fastify, hooks, validation)",
    pg: cell(ps, split, na),
    pglite: cell(ls, split, 'error'),
    target: '—',
    ok: '—',
  });
  rows.push({
    metric: 'Raw transaction latency p50 / p99',
    pg: cell(ps, (s) => `${ms(s.raw.p50)} / ${ms(s.raw.p99)}`, na),
    pglite: cell(ls, (s) => `${ms(s.raw.p50)} / ${ms(s.raw.p99)}`, 'error'),
    target: '—',
    ok: '—',
  });
  for (const [label, s] of [
    ['PostgreSQL', ps],
    ['PGlite', ls],
  ] as const) {
    if (!s) continue;
    const errors = [...new Set([s.http, ...s.paced.map((p) => p.figures)].flatMap((f) => f.errors))];
    const steps = s.paced.map(
      (p) =>
        `${ratio(p.fraction)} = ${rate(p.rate)}: p50 ${ms(p.figures.p50)}, p99 ${ms(p.figures.p99)} (${p.figures.ok}/${p.figures.requests} OK)`,
    );
    details.push(
      `${label} submissions: closed loop ${s.http.ok}/${s.http.requests} HTTP 200 (statuses ${JSON.stringify(s.http.statuses)}) in ${(s.http.wallMs / 1000).toFixed(1)} s; ` +
        `raw: ${s.submissions - s.raw.failures}/${s.submissions} committed in ${(s.raw.wallMs / 1000).toFixed(1)} s; ` +
        `paced steps (× raw): ${steps.join('; ') || 'none'}${s.pacedNote ? ` (${s.pacedNote})` : ''}; ` +
        `${s.stored} responses stored in the HTTP round (warm-up, closed loop and paced); ` +
        `the ballot-box job ran before the warm-up, through its own claim, and moved the ${s.mover.moved} answers already in the box ` +
        `(the raw and route-work rounds') in ${(s.mover.wallMs / 1000).toFixed(1)} s, ${(s.mover.nodeMs / Math.max(1, s.mover.moved)).toFixed(3)} ms of app CPU an answer ` +
        `(the rest is the database's), and again before the paced steps (the warm-up's and the closed loop's ${s.moverBeforePaced.moved} in ${(s.moverBeforePaced.wallMs / 1000).toFixed(1)} s); ` +
        `each time its next run is due 30 s after it ends, after the window, where it once fell or not by the clock (or at once, after a run longer than that); ` +
        `moving answers is that job's work, off the request path, and the raw rows wait in the box just the same` +
        `${errors.length ? `; errors seen: ${errors.join(' | ')}` : ''}.`,
    );
  }
  if (ps) {
    details.push(
      `Why latency is judged paced: with ${ps.concurrency} clients each submitting again the moment it is answered, mean latency is clients ÷ throughput ` +
        `(Little's law) whatever the code does: even the raw SQL rate of ${rate(ps.raw.perSecond)} means ≈ ${ms((ps.concurrency / ps.raw.perSecond) * 1000)}, ` +
        `and p99 ≤ 100 ms in that loop would need ≥ ${(ps.concurrency / 0.1).toLocaleString('en')} submissions/s on this machine. The paced steps keep ${ps.concurrency} ` +
        `clients connected and send submissions at a steady rate (a fraction of the raw limit measured in the same run); each latency counts from when the ` +
        `submission was due, so a server falling behind shows in it. The judged step, ${JUDGED_FRACTION}× raw, is the throughput the ratio target asks for.`,
    );
  }
  if (ls) {
    // PGlite runs in the app's own thread: its statements and the HTTP, validation and JSON work share one core.
    const bound = 1000 / ls.cpuMs.http;
    const judgedRate = ls.paced.find((p) => p.fraction === JUDGED_FRACTION)?.rate ?? JUDGED_FRACTION * ls.raw.perSecond;
    details.push(
      `PGlite's bound: the embedded database runs on the app's one thread, so every submission's SQL (in WebAssembly) and its HTTP, ` +
        `validation and JSON work take turns on one core: ${ms(ls.cpuMs.http)} of CPU per submission in the app (the raw path's ${ms(ls.cpuMs.raw)} is the SQL alone) ` +
        `caps it near ${rate(bound)} on this machine (closed loop measured ${rate(ls.http.perSecond)}). Paced at ${JUDGED_FRACTION}× raw (${rate(judgedRate)}) ` +
        `${judgedRate > ls.http.perSecond ? 'asks for more than that cap, so the queue and p99 grow for as long as the step lasts' : 'stays under that cap'}; ` +
        `the highest paced step held with p99 ≤ ${PACED.p99LimitMs} ms is in the row above. A city's real peak (200 firms, most within a few evening ` +
        'hours: well under 1 submission a second) is thousands of times below it; PostgreSQL is the choice past one process.',
    );
  }
  // Whether the warm-up was long enough: the app's CPU per submission over its last part against the measured run's.
  const settled = (label: string, s: SubmitFigures | undefined) =>
    s
      ? `${label}: ${msFine(s.cpuMs.warmupTail.http)} over the warm-up's last ${s.cpuMs.warmupTail.submissions}, ${msFine(s.cpuMs.http)} measured` +
        (s.cpuMs.warmupTail.http > s.cpuMs.http * 1.1 ? ', still falling: a longer warm-up would read lower' : '')
      : null;
  details.push(
    'Node CPU per submission: CPU time of the process running the app (HTTP, validation, ORM, pg driver) or, for raw, the plain pg caller, ' +
      'divided by submissions, counted while the load generator sends (not while it is handed its requests) and after a warm-up ' +
      `through the same path (${SCALE.postgres.submit.warmup} submissions on PostgreSQL, ${SCALE.pglite.submit.warmup} on PGlite), so that the JIT has compiled it ` +
      `(the figure falls for a few thousand submissions, as a server that has run a while; the app's CPU per submission, ${[settled('PostgreSQL', ps), settled('PGlite', ls)].filter(Boolean).join('; ')}); ` +
      'the load generator (autocannon in its own process) is shown separately. It is the figure least disturbed by other work on the machine.',
  );
  if (ps) {
    const floor = ps.cpuMs.httpFloor + ps.cpuMs.routeWork;
    details.push(
      `Where the app's CPU goes (PostgreSQL), each part measured alone in the same run: plain node:http answering the same bodies (read, ` +
        `JSON.parse, a small JSON answer; no framework, no database) costs ${msFine(ps.cpuMs.httpFloor)} a request on this machine; the route's own ` +
        `work called without HTTP costs ${msFine(ps.cpuMs.routeWork)} a submission: one statement that counts the survey's three limits in the ` +
        `database (shared by every replica, keys under HMAC; committed without waiting for the disk) with the link lookup riding in it, the answer's checks, and one guarded statement ` +
        `that marks the invitation and boxes the answer (the raw path writes the same rows with ${msFine(ps.cpuMs.raw)}, without the limits or ` +
        `the guard)${ps.routeWorkFailures ? `; ${ps.routeWorkFailures} of those calls failed` : ''}. Those two alone are ${msFine(floor)}` +
        `${floor > 0.6 ? ', past the 0.6 ms target before Fastify does anything' : ''}; the rest, ` +
        `${msFine(Math.max(0, ps.cpuMs.http - floor))}, is Fastify's routing and hooks (security headers, cookies, the session check, the body's ` +
        `edges), zod's validation and the answer's serialisation. ` +
        (ps.cpuMs.http <= 0.6
          ? "On this machine the whole stays within the 0.6 ms target; every part scales with the machine (the header's fixed " +
            `workload), so a host ${((0.6 / ps.cpuMs.http - 1) * 100).toFixed(0)} % slower would be past it. `
          : 'The target is reached only by dropping a part the design needs (the limits every replica shares, the one guarded statement), ' +
            'or on a machine where plain HTTP costs less. ') +
        '`npx tsx bench/profile-submit.ts` prints the sampled profile by area and function.',
    );
  }
  if (pgSettings.length)
    details.push(
      `PostgreSQL settings: ${pgSettings.join(', ')} (the app's submissions commit with synchronous_commit as set; the limits' counts turn it off for their own transaction).`,
    );

  // 2. results
  const pr = pg.results;
  const lr = lite.results;
  const scale = (r: ResultsFigures) => ` (${r.responses.toLocaleString('en')}×${r.departments})`;
  rows.push({
    metric: 'computeRound, incl. 10,000-draw simulation',
    pg: cell(pr, (r) => `${ms(median(r.computeMs))}${scale(r)}`, na),
    pglite: cell(lr, (r) => `${ms(median(r.computeMs))}${scale(r)}`, 'error'),
    target: '—',
    ok: '—',
  });
  rows.push({
    metric: 'Raw GROUP BY avg(score) over the same ratings',
    pg: cell(pr, (r) => ms(median(r.rawMs)), na),
    pglite: cell(lr, (r) => ms(median(r.rawMs)), 'error'),
    target: '—',
    ok: '—',
  });
  rows.push({
    metric: 'computeRound ÷ raw GROUP BY',
    pg: cell(pr, (r) => ratio(computeRatio(r)), na),
    pglite: cell(lr, (r) => ratio(computeRatio(r)), 'error'),
    target: '≤ 3×',
    ok: verdict(pr ? computeRatio(pr) <= 3 : null, lr ? computeRatio(lr) <= 3 : null),
  });
  rows.push({
    metric: 'GET /rounds/:id/results (published, admin) p50',
    pg: cell(pr, (r) => ms(r.read.p50), na),
    pglite: cell(lr, (r) => ms(r.read.p50), 'error'),
    target: '≤ 20 ms',
    ok: verdict(pr ? pr.read.p50 <= 20 : null, lr ? lr.read.p50 <= 20 : null),
  });
  for (const [label, r] of [
    ['PostgreSQL', pr],
    ['PGlite', lr],
  ] as const) {
    if (!r) continue;
    const runs = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(', ');
    details.push(
      `${label} results: ${r.ratings.toLocaleString('en')} ratings generated in SQL in ${(r.generateMs / 1000).toFixed(1)} s; ` +
        `computeRound runs ${runs(r.computeMs)} ms, raw GROUP BY runs ${runs(r.rawMs)} ms; inside computeRound, the aggregate query takes ` +
        `${ms(median(r.aggregateMs))} and the pure computation (incl. simulation) ${ms(median(r.pureMs))}; the integrity check is made once, ` +
        `when the round closes (${ms(r.integrityMs)}), and computeRound copies it; results read p99 ${ms(r.read.p99)}, ` +
        `readResults alone (no HTTP) ${ms(r.serviceReadMs)}, ` +
        `${kb(r.payloadBytes)} per response (${r.read.ok}/${r.read.requests} OK).`,
    );
  }

  // 3. start-up
  const startCell = (runs: StartupRun[], i: number) => {
    const r = runs[i];
    return r ? (r.ms === null ? `failed (${r.error})` : ms(r.ms)) : '—';
  };
  rows.push({
    metric: 'Start-up to healthy, empty DB (DEMO=false)',
    pg: hasPg ? startCell(pg.startup, 0) : 'not run',
    pglite: startCell(lite.startup, 0),
    target: '—',
    ok: '—',
  });
  rows.push({
    metric: 'Start-up to healthy, existing DB',
    pg: hasPg ? startCell(pg.startup, 1) : 'not run',
    pglite: startCell(lite.startup, 1),
    target: '—',
    ok: '—',
  });
  const within = (i: number, limitMs: number) => {
    const r = lite.startup[i];
    return verdict(null, r ? r.ms !== null && r.ms <= limitMs : null);
  };
  rows.push({
    metric: '`npm start` on a fresh clone: web build, demo data, empty data folder and compile cache',
    pg: '—',
    pglite: startCell(lite.startup, 2),
    target: '≤ 30 s',
    ok: within(2, 30_000),
  });
  rows.push({ metric: '`npm start` again (restart)', pg: '—', pglite: startCell(lite.startup, 3), target: '≤ 3 s', ok: within(3, 3_000) });
  details.push(
    'Start-up: `node --import tsx server/main.ts` spawned with NODE_ENV=production, LOG_LEVEL=warn; time from spawn to the first ' +
      'GET /api/v1/health answering 200 (includes Node + tsx start, migrations, demo seeding where on); stopped with SIGTERM. ' +
      'The `npm start` rows run the script itself: one process that builds the web app (when its sources changed; the bench removes the build stamp first, as a fresh clone has none) while it opens the database and seeds the demo with DEMO=true (four published quarters and an open one, on an empty folder), then serves. Both runs share a compile cache folder (NODE_COMPILE_CACHE) that is empty before the first.',
  );

  // 4. bundle
  if (bundle) {
    const w = (p: BundleFigures['survey']) => `${kb(p.gzipBytes)} gz (${kb(p.rawBytes)})`;
    rows.push({
      metric: 'Survey page /s/<token>: JS+CSS size, gzip 9 (on the wire: the transferred rows)',
      pg: w(bundle.survey),
      pglite: 'same',
      target: '—',
      ok: '—',
    });
    rows.push({ metric: 'Dashboard: JS+CSS (no database)', pg: w(bundle.dashboard), pglite: 'same', target: '—', ok: '—' });
    details.push(
      `Bundle: from ${bundle.source}${bundle.buildMs ? ` in ${(bundle.buildMs / 1000).toFixed(1)} s` : ''}; gzip = zlib level 9 per file, summed. ` +
        `Survey page files: ${bundle.survey.files.map((f) => f.replace('assets/', '')).join(', ')}. ` +
        `Dashboard files: ${bundle.dashboard.files.map((f) => f.replace('assets/', '')).join(', ')}. ` +
        `All JS+CSS: ${kb(bundle.all.gzipBytes)} gz (${kb(bundle.all.rawBytes)}).`,
    );
  } else {
    rows.push({ metric: 'Bundle sizes', pg: 'error', pglite: '—', target: '—', ok: '—' });
  }
  // 6. the survey on the wire
  if (delivery) {
    const f = delivery.first;
    const r = delivery.repeat;
    rows.push({
      metric: 'Survey page, first visit: transferred / usable (375×812, 1.6 Mbps, 150 ms)',
      pg: `${kb(f.bytes)} / ${ms(f.usableMs)}`,
      pglite: 'same',
      target: '≤ 100 KB / ≤ 1.5 s',
      ok: verdict(f.bytes <= 100 * 1024 && f.usableMs <= 1500),
    });
    rows.push({
      metric: 'Survey page, repeat visit: transferred',
      pg: kb(r.bytes),
      pglite: 'same',
      target: '≤ 10 KB',
      ok: verdict(r.bytes <= 10 * 1024),
    });
    details.push(
      `Survey delivery: Chromium ${delivery.chromium} with DevTools' network throttling (1.6 Mbps down, 750 kbps up, 150 ms), the app serving the build ` +
        'with brotli and year-long caching of hashed files; bytes are what the browser received (headers and compressed bodies). ' +
        `First visit: ${f.requests.join(', ')}. Repeat visit: ${r.requests.join(', ')}. Usable = the first answer button visible.`,
    );
  }
  // 7. the dashboard in Chromium (PGlite demo history)
  if (dashboard) {
    const d = dashboard;
    const perRound = d.resultsRequests.every((n) => n === d.publishedRounds) && d.duplicateRequests.length === 0;
    rows.push({
      metric: 'Leader dashboard ready (warm server and cache, Chromium) p50 / p90',
      pg: '—',
      pglite: `${ms(readyP50(d))} / ${ms(readyP90(d))}`,
      target: '≤ 1000 ms',
      ok: verdict(null, readyP50(d) <= 1000),
    });
    rows.push({
      metric: 'Dashboard results requests per visit',
      pg: '—',
      pglite: `${[...new Set(d.resultsRequests)].join(' / ')} for ${d.publishedRounds} rounds`,
      target: '1 per round',
      ok: verdict(null, perRound),
    });
    rows.push({
      metric: 'Dashboard JS before the first screen / in all (gzip)',
      pg: `${kb(d.readyJs.gzipBytes)} / ${kb(d.idleJs.gzipBytes)}`,
      pglite: 'same',
      target: '≤ 350 KB',
      ok: verdict(d.readyJs.gzipBytes <= 350 * 1024),
    });
    details.push(
      `Dashboard: a leader in headless Chromium at 1366×768 over the demo history (PGlite, seeded in ${(d.seedMs / 1000).toFixed(1)} s); ` +
        `ready = the bottom three shown with their data, timed on the page's clock from navigation start; ${d.visits} warm visits ` +
        `(runs ${d.readyMs.map((x) => x.toFixed(0)).join(', ')} ms)${d.duplicateRequests.length ? `; read twice: ${d.duplicateRequests.join(', ')}` : '; no API read twice'}. ` +
        `JS = scripts a first visit (empty cache) asks for before the first screen, weighed as gzip level 9: ${d.readyJs.files.length} files; ` +
        `then the ranking, progress and charts: ${d.idleJs.files.length} files in all.`,
    );
  }
  for (const e of [...pg.errors.map((e) => `PostgreSQL — ${e}`), ...lite.errors.map((e) => `PGlite — ${e}`), ...bundleErrors])
    details.push(`Error: ${e}`);
  return { rows, details };
}

main()
  .catch(async (err) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(async () => {
    await cleanupAll();
    // Pools and sockets of the app under test may keep the loop alive a little; the figures are written.
    process.exit(process.exitCode ?? 0);
  });
