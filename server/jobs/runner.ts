// Background work as jobs claimed in the database. Each job has one row in `jobs`; a process runs it
// only after its claim (one UPDATE on a row picked FOR UPDATE SKIP LOCKED) has taken the row's lease,
// so with any number of replicas each due run happens in exactly one of them, and a busy row is
// skipped, never waited on. A process that dies mid-run keeps the lease until it lapses; then the next
// claim runs the job again. Every job's work is safe to repeat (each step is guarded by the state it
// changes), so a retried run has its effect once.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/client.ts';
import { databaseErrorOf } from '../database-errors.ts';

export interface Job {
  name: string;
  /** How often it runs (the next run is due a little under this after one begins). */
  everyMs: number;
  /** previousRunAt: when the last successful run began (null before the first), for work that looks back. */
  run(db: Db, now: Date, previousRunAt: Date | null): Promise<unknown>;
}

/** Long enough for any run of the job to finish; short enough that a crashed run is retried soon. */
export const leaseFor = (everyMs: number) => Math.max(5_000, 20 * everyMs);
/** After a failure the job is due again after this long (or its own interval, if shorter). */
const RETRY_MS = 5_000;

const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;
const rowsOf = (result: unknown) => (result as { rows: Record<string, unknown>[] }).rows;

export const newOwner = () => `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

/** Creates the jobs' rows (due at once) if they are not there yet. */
export async function ensureJobs(db: Db, jobs: readonly Job[], now: Date) {
  for (const job of jobs)
    await db.execute(sql`insert into jobs (name, due_at) values (${job.name}, ${ts(now)}) on conflict (name) do nothing`);
}

/** Takes the job's lease if it is due and no live lease holds it; what the claim found, or null if not taken. */
export async function claimJob(db: Db, job: Job, owner: string, now: Date): Promise<{ previousRunAt: Date | null } | null> {
  const until = new Date(now.getTime() + leaseFor(job.everyMs));
  const claimed = await db.execute(sql`
    update jobs set locked_by = ${owner}, locked_until = ${ts(until)}, attempts = attempts + 1
    where name = (select name from jobs where name = ${job.name} and due_at <= ${ts(now)}
                    and (locked_until is null or locked_until <= ${ts(now)})
                  for update skip locked)
    returning last_done_at`);
  const row = rowsOf(claimed)[0];
  if (!row) return null;
  return { previousRunAt: row.last_done_at ? new Date(row.last_done_at as string | Date) : null };
}

/**
 * Ends this owner's claim. Due again a little under one interval after the run began (so that a poll
 * arriving a few milliseconds early never skips a run and waits a second interval), or soon after a failure.
 */
async function release(db: Db, job: Job, owner: string, startedAt: Date, now: Date, error?: unknown) {
  const next =
    error === undefined
      ? new Date(Math.max(now.getTime(), startedAt.getTime() + job.everyMs * 0.9))
      : new Date(now.getTime() + Math.min(job.everyMs, RETRY_MS));
  // Only the SQLSTATE or the error's name: a database error's message can carry the statement's values.
  const code = error === undefined ? null : String(databaseErrorOf(error)?.code ?? (error as Error)?.name ?? 'error');
  await db.execute(sql`
    update jobs set locked_by = null, locked_until = null, due_at = ${ts(next)},
      attempts = ${error === undefined ? sql`0` : sql`attempts`}, last_error = ${code},
      last_done_at = ${error === undefined ? ts(startedAt) : sql`last_done_at`}
    where name = ${job.name} and locked_by = ${owner}`);
}

/** Runs the job if this owner can claim it; 'skipped' when it is not due or another process holds it. */
export async function runIfDue(db: Db, job: Job, owner: string, now: () => Date): Promise<'ran' | 'skipped'> {
  const at = now();
  const claim = await claimJob(db, job, owner, at);
  if (!claim) return 'skipped';
  try {
    await job.run(db, at, claim.previousRunAt);
  } catch (err) {
    await release(db, job, owner, at, now(), err).catch(() => undefined);
    throw err;
  }
  await release(db, job, owner, at, now());
  return 'ran';
}

/**
 * Polls every job at the shortest job interval, one pass at a time. Started once by the app (buildApp);
 * stop() waits for a pass under way, so a graceful shutdown never leaves a lease behind.
 */
export function startJobs(db: Db, jobs: readonly Job[], opts: { now: () => Date; log: FastifyBaseLogger; owner?: string }) {
  const owner = opts.owner ?? newOwner();
  const pollMs = Math.min(...jobs.map((j) => j.everyMs));
  let running: Promise<unknown> | null = null;
  const ready = ensureJobs(db, jobs, opts.now()).catch((err: unknown) => opts.log.error({ err }, 'jobs: could not register'));
  const pass = async () => {
    await ready;
    for (const job of jobs) {
      await runIfDue(db, job, owner, opts.now).catch((err: unknown) => opts.log.error({ err }, `job ${job.name} failed; will retry`));
    }
  };
  const tick = () => {
    if (running) return;
    running = pass().finally(() => {
      running = null;
    });
  };
  const timer = jobs.length && pollMs > 0 ? setInterval(tick, pollMs) : null;
  timer?.unref();
  return {
    owner,
    stop: async () => {
      if (timer) clearInterval(timer);
      await ready;
      await running;
    },
  };
}
