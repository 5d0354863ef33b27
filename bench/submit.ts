// Figure 1: survey submissions at 200 concurrent clients, through HTTP (the app), against the same rows
// written straight through SQL in one transaction per response (the raw limit), in the same run.
// Throughput is measured closed loop (every client resubmits the moment it is answered). Latency is
// measured paced: 200 keep-alive clients with submissions arriving at a steady rate, stepped up as a
// fraction of the raw limit, since in a closed loop the wait is clients ÷ throughput by construction.
import { cityDay, DEFAULT_CITY_TZ } from '#shared/city-day.ts';
import { submissionSchema } from '#shared/survey.ts';
import { createHash, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { count, eq } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { serviceContext } from '#server/context.ts';
import type { Database } from '#server/db/client.ts';
import { ballotBox, jobs } from '#server/db/schema.ts';
import { riderRows } from '#server/http/rate-limits.ts';
import { counterFor, keyHasher } from '#server/http/shared-limits.ts';
import { appJobs } from '#server/jobs/jobs.ts';
import { runIfDue } from '#server/jobs/runner.ts';
import { surveyLimits } from '#server/survey/survey-limits.ts';
import { submitSurvey } from '#server/survey/survey.service.ts';
import { testConfig } from '../test/support/config.ts';
import type { Target } from './db.ts';
import { JWT_SECRET, openRoundWithTokens, seedRegistry, startApp, SURVEY_RATE_LIMIT, type OpenRound } from './fixtures.ts';
import { runLoad, type LoadFigures, type LoadRequest } from './load.ts';
import { log, now, percentile } from './util.ts';

const LEVELS = ['satisfied', 'fairly_satisfied', 'basically_satisfied', 'dissatisfied', 'not_applicable'] as const;
type Level = (typeof LEVELS)[number];

/** A deterministic mix: mostly 满意, some 比较/基本满意, a few 不满意, ~15% 不了解. */
function levelFor(i: number, j: number): Level {
  const x = (i * 31 + j * 17 + ((i * j) % 7)) % 20;
  return x < 10 ? 'satisfied' : x < 14 ? 'fairly_satisfied' : x < 16 ? 'basically_satisfied' : x < 17 ? 'dissatisfied' : 'not_applicable';
}

interface Answer {
  ratings: { departmentId: number; level: Level }[];
  leastSatisfied: number[];
  comment?: string;
}

/** Submission `i`: every department rated, 0–3 least-satisfied votes, a comment on every fifth. */
function answerFor(i: number, departmentIds: number[]): Answer {
  const ratings = departmentIds.map((departmentId, j) => ({ departmentId, level: levelFor(i, j) }));
  const votable = ratings.filter((r) => r.level !== 'not_applicable').sort((a, b) => LEVELS.indexOf(b.level) - LEVELS.indexOf(a.level));
  const leastSatisfied = votable.slice(0, i % 4).map((r) => r.departmentId);
  return { ratings, leastSatisfied, ...(i % 5 === 0 ? { comment: `基准测试意见 ${i}：办事效率有待提高。` } : {}) };
}

/** One POST /survey/:token/submit per invitation of `round`, each with its own answer. */
export function submitRequests(round: OpenRound): LoadRequest[] {
  return round.invitations.map((inv, i) => ({
    method: 'POST',
    path: `/api/v1/survey/${inv.token}/submit`,
    // As the survey page does: the hash of a receipt code it made (the code itself stays on the phone).
    body: JSON.stringify({
      submissionId: randomUUID(),
      receiptHash: createHash('sha256').update(randomUUID()).digest('hex'),
      ...answerFor(i, round.departmentIds),
    }),
  }));
}

export interface PacedStep {
  fraction: number;
  rate: number;
  figures: LoadFigures;
}

export interface SubmitFigures {
  submissions: number;
  concurrency: number;
  departments: number;
  http: LoadFigures;
  raw: { perSecond: number; p50: number; p99: number; wallMs: number; failures: number };
  /**
   * CPU time of this process per submission: the app, the raw pg caller, the load generator (its own
   * process); plain node:http with the same bodies, and the route's own work called without HTTP; the app
   * over the warm-up's last `warmupTail.submissions` (where it is as low as measured, the JIT had settled).
   */
  cpuMs: {
    http: number;
    raw: number;
    loadGenerator: number;
    httpFloor: number;
    routeWork: number;
    warmupTail: { submissions: number; http: number };
  };
  routeWorkFailures: number;
  /** The ballot-box job's run before the warm-up (emptyBallotBox): the raw and route-work rounds' answers moved out of the box. */
  mover: MoverRun;
  /** The same, between the closed loop and the paced steps: the warm-up's and the closed loop's answers. */
  moverBeforePaced: MoverRun;
  /** Paced steps at rising fractions of the raw rate, until p99 passed the limit (or tokens ran out). */
  paced: PacedStep[];
  pacedNote: string | null;
  stored: number;
}

const cpuMs = (since: NodeJS.CpuUsage) => {
  const c = process.cpuUsage(since);
  return (c.user + c.system) / 1000;
};

export interface MoverRun {
  /** Answers that left the box. */
  moved: number;
  wallMs: number;
  /** This process's CPU for the run (the rest is the database's). */
  nodeMs: number;
}

/**
 * The ballot-box job's run, taken before a measured window through the job's own claim (as the app's runner
 * takes it): the answers already in the box move now, and the job's next
 * run is due an interval (30 s) after this one ends, after the window. Otherwise its runs fall in the window
 * or not by the clock, and moving answers costs the database 1–4 ms of CPU each (by host), on the cores the
 * submissions share: the ratio moved with the phase. Moving is the job's work, off the request path, for the
 * raw rows as for the app's; what this run cost is reported with the figures.
 */
export async function emptyBallotBox(database: Database): Promise<MoverRun> {
  const { db } = database;
  const config = testConfig();
  const job = appJobs({
    ballotMoveEveryMs: config.ballotMoveEveryMs,
    release: { timeZone: DEFAULT_CITY_TZ, replyWorkingDays: config.requestReplyWorkingDays },
  }).find((j) => j.name === 'ballot-box')!;
  const boxed = async () => Number((await db.select({ n: count() }).from(ballotBox))[0]?.n ?? 0);
  const before = await boxed();
  const due = (at: Date) => db.update(jobs).set({ dueAt: at }).where(eq(jobs.name, job.name));
  await due(new Date());
  const t = now();
  const c = process.cpuUsage();
  if ((await runIfDue(db, job, 'bench', () => new Date())) === 'skipped') {
    // The app's runner holds it: its run ends the same way.
    for (;;) {
      const [row] = await db.select({ lockedBy: jobs.lockedBy }).from(jobs).where(eq(jobs.name, job.name));
      if (!row?.lockedBy) break;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  const run = { wallMs: now() - t, nodeMs: cpuMs(c) };
  // A run longer than the interval leaves the job due at once (the runner dates the next run from this one's
  // start), and on a host where moving is slow its next run then fell in the window: due an interval from now.
  await due(new Date(Date.now() + config.ballotMoveEveryMs));
  return { moved: before - (await boxed()), ...run };
}

/** Writes what submitSurvey writes (the invitation marked, the answer boxed), in one transaction, with no HTTP, ORM or lookups. */
export async function rawSubmissions(
  target: Target,
  round: OpenRound,
  from: number,
  to: number,
  concurrency: number,
  attrs: (uscc: string) => { industry: string; sizeClass: string; township: string },
) {
  const latencies: number[] = [];
  let failures = 0;
  let next = from;
  const day = cityDay(new Date(), DEFAULT_CITY_TZ);
  const one = async (i: number) => {
    const inv = round.invitations[i]!;
    const a = answerFor(i, round.departmentIds);
    const e = attrs(inv.uscc);
    const answer = {
      ratings: a.ratings.map((r) => ({ d: r.departmentId, l: r.level, c: null })),
      votes: a.leastSatisfied,
      comment: a.comment ?? null,
      strata: { township: e.township, industry: e.industry, size: e.sizeClass },
    };
    await target.raw.transaction(async (query) => {
      await query(
        "update invitations set status = 'submitted', submitted_at = $1, submission_id = $2, draft = null, draft_saved_at = null where id = $3",
        [day, randomUUID(), inv.id],
      );
      await query('insert into ballot_box (id, round_id, answer, receipt_hash) values ($1, $2, $3, $4)', [
        randomUUID(),
        round.id,
        JSON.stringify(answer),
        createHash('sha256').update(randomUUID()).digest('hex'),
      ]);
    });
  };
  const client = async () => {
    for (let i = next++; i < to; i = next++) {
      const t = now();
      try {
        await one(i);
        latencies.push(now() - t);
      } catch (err) {
        if (failures++ === 0) log(`raw submission failed: ${String(err)}`);
      }
    }
  };
  const t0 = now();
  await Promise.all(Array.from({ length: concurrency }, client));
  const wallMs = now() - t0;
  return {
    perSecond: (latencies.length / wallMs) * 1000,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    wallMs,
    failures,
  };
}

/**
 * The floor of HTTP on this machine: the same bodies through plain node:http, parsed and answered with a
 * small JSON, nothing else. CPU of this process per request.
 */
async function httpFloor(requests: LoadRequest[], warmup: number, concurrency: number): Promise<number> {
  const day = cityDay(new Date(), DEFAULT_CITY_TZ);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { receiptHash?: string };
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ receipt: body.receiptHash ? null : 'none', submittedAt: day }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    await runLoad({ base, concurrency, warmup: [], measured: requests.slice(0, warmup) });
    const load = await runLoad({ base, concurrency, warmup: [], measured: requests.slice(warmup) });
    return load.hostCpuMs / load.requests;
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

/**
 * The submit route's own work without HTTP: the survey's limits counted with the link lookup riding in
 * their statement (the route's preHandler, the same code), then submitSurvey on the validated body.
 * CPU of this process per submission; bodies are parsed and validated before the clock starts.
 */
async function routeWork(database: Database, round: OpenRound, warmup: number, submissions: number, concurrency: number) {
  const { limitsAndLink } = surveyLimits(counterFor(database, keyHasher(JWT_SECRET)), SURVEY_RATE_LIMIT);
  const reply = { header: () => reply } as unknown as FastifyReply;
  const bodies = submitRequests(round).map((r) => submissionSchema.parse(JSON.parse(r.body!)));
  let failures = 0;
  const one = async (i: number) => {
    const token = round.invitations[i]!.token;
    const request = { ip: '127.0.0.1', params: { token } } as unknown as FastifyRequest;
    await limitsAndLink(request, reply);
    // As the route's context: no user, the public's actor, the clock read per request.
    const ctx = serviceContext(database.db, { actor: { id: null, name: 'anonymous' }, now: new Date(), zone: DEFAULT_CITY_TZ });
    await submitSurvey(ctx, { token, submission: bodies[i]!, found: riderRows(request) });
  };
  const run = async (from: number, to: number) => {
    let next = from;
    const client = async () => {
      for (let i = next++; i < to; i = next++)
        await one(i).catch((err: unknown) => {
          if (failures++ === 0) log(`route work failed: ${String(err)}`);
        });
    };
    await Promise.all(Array.from({ length: concurrency }, client));
  };
  await run(0, warmup);
  const c0 = process.cpuUsage();
  await run(warmup, warmup + submissions);
  return { cpuMs: cpuMs(c0) / submissions, failures };
}

export interface SubmitOptions {
  submissions: number;
  warmup: number;
  concurrency: number;
  /** Each step lasts `seconds`; steps stop once p99 exceeds `p99LimitMs` at or above half the raw rate. */
  paced: { seconds: number; fractions: readonly number[]; budget: number; p99LimitMs: number };
}

export async function benchSubmissions(target: Target, opts: SubmitOptions): Promise<SubmitFigures> {
  const { database } = target;
  const closed = opts.warmup + opts.submissions;
  const total = closed + opts.paced.budget;
  const at = new Date();
  log(`${target.label}: seeding ${total} enterprises, 53 departments, rounds of ${closed} (raw) and ${total} (HTTP) invitations`);
  const registry = await seedRegistry(database.db, total);
  const rawRound = await openRoundWithTokens(database.db, '2026Q2', closed, at);
  const httpRound = await openRoundWithTokens(database.db, '2026Q1', total, at);
  const workRound = await openRoundWithTokens(database.db, '2026Q3', closed, at);
  const attrs = (uscc: string) => {
    const e = registry.enterprises.get(uscc)!;
    return { industry: e.industryZh, sizeClass: e.sizeClass, township: e.township };
  };

  // The raw limit first: the paced steps are fractions of it.
  log(`${target.label}: raw SQL — ${opts.warmup} warm-up + ${opts.submissions} transactions, ${opts.concurrency} concurrent callers`);
  await rawSubmissions(target, rawRound, 0, opts.warmup, opts.concurrency, attrs);
  const c1 = process.cpuUsage();
  const raw = await rawSubmissions(target, rawRound, opts.warmup, closed, opts.concurrency, attrs);
  const rawCpu = cpuMs(c1) / opts.submissions;

  // Where the app's CPU goes: HTTP alone, and the route's own work without HTTP (its rest is Fastify's).
  log(`${target.label}: the route's work without HTTP, then plain node:http with the same bodies`);
  const work = await routeWork(database, workRound, opts.warmup, opts.submissions, opts.concurrency);
  const requests = submitRequests(httpRound);
  const floor = await httpFloor(requests.slice(0, closed), opts.warmup, opts.concurrency);

  const { app, base } = await startApp(database);
  // The outbox queues both rounds' invitation messages (15,000 firms here) on its first run, as it does when a
  // round opens; run now, not in the middle of the measured submissions (its later runs stay in them). The
  // ballot box is emptied the same way (emptyBallotBox): here, of the raw and route-work rounds' answers, so
  // the warm-up, its measured tail and the window follow each other with no pause (after a 40 s pause for
  // moving, the window read 0.79 ms where the tail before it read 0.54), and again before the paced steps.
  await app.outbound.tick(new Date());
  let http: LoadFigures;
  let httpCpu: number;
  let warmupTailCpu: SubmitFigures['cpuMs']['warmupTail'];
  let mover: MoverRun;
  let moverBeforePaced: MoverRun;
  const paced: PacedStep[] = [];
  let pacedNote: string | null = null;
  try {
    mover = await emptyBallotBox(database);
    log(`${target.label}: HTTP — ${opts.warmup} warm-up + ${opts.submissions} submissions, ${opts.concurrency} concurrent clients`);
    // The warm-up's last part is measured too: the app's CPU per submission still falls for a few thousand
    // submissions as V8 optimises the path (0.45 ms after 1000, 0.34 ms after 3000 on one host).
    const tail = Math.min(1000, Math.floor(opts.warmup / 3));
    await runLoad({ base, concurrency: opts.concurrency, warmup: [], measured: requests.slice(0, opts.warmup - tail) });
    const warmupTail = await runLoad({
      base,
      concurrency: opts.concurrency,
      warmup: [],
      measured: requests.slice(opts.warmup - tail, opts.warmup),
    });
    warmupTailCpu = { submissions: tail, http: warmupTail.hostCpuMs / tail };
    http = await runLoad({ base, concurrency: opts.concurrency, warmup: [], measured: requests.slice(opts.warmup, closed) });
    httpCpu = http.hostCpuMs / opts.submissions;
    if (http.errors.length) log(`${target.label}: HTTP errors: ${http.errors.join(' | ')}`);

    moverBeforePaced = await emptyBallotBox(database);
    let next = closed;
    for (const fraction of opts.paced.fractions) {
      const rate = Math.max(1, Math.round(fraction * raw.perSecond));
      const count = Math.max(200, Math.round(rate * opts.paced.seconds));
      if (next + count > requests.length) {
        pacedNote = `stopped before ${fraction}× raw: the run's ${opts.paced.budget} paced invitations were used up`;
        break;
      }
      log(`${target.label}: HTTP — ${count} submissions paced at ${rate}/s (${fraction}× raw) over ${opts.concurrency} clients`);
      const figures = await runLoad({
        base,
        concurrency: opts.concurrency,
        warmup: [],
        measured: requests.slice(next, next + count),
        ratePerSecond: rate,
      });
      next += count;
      paced.push({ fraction, rate, figures });
      if (fraction >= 0.5 && !(figures.p99 <= opts.paced.p99LimitMs)) break;
    }
  } finally {
    await app.close();
  }

  // Stored = in the ballot box or already moved out of it by the timer.
  const [row] = await target.raw.query<{ n: string }>(
    'select ((select count(*) from responses where round_id = $1) + (select count(*) from ballot_box where round_id = $1))::text as n',
    [httpRound.id],
  );
  return {
    submissions: opts.submissions,
    concurrency: opts.concurrency,
    departments: httpRound.departmentIds.length,
    http,
    raw,
    cpuMs: {
      http: httpCpu,
      raw: rawCpu,
      loadGenerator: http.clientCpuMs / opts.submissions,
      httpFloor: floor,
      routeWork: work.cpuMs,
      warmupTail: warmupTailCpu,
    },
    routeWorkFailures: work.failures,
    mover,
    moverBeforePaced,
    paced,
    pacedNote,
    stored: Number(row?.n ?? 0),
  };
}
