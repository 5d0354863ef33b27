// Background work as jobs claimed in the database: however many processes poll, each due run happens
// in one of them; a run that dies holding its claim is retried once the lease lapses, and the work's
// effect (here: closing a round at its deadline) happens once.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { claimJob, ensureJobs, leaseFor, runIfDue, type Job } from '#server/jobs/runner.ts';
import { appJobs } from '#server/jobs/jobs.ts';
import { makeTestContext } from '../support/app.ts';
import { seedRegistry } from '../support/fixtures.ts';
import { openRoundWithTokens } from '../support/survey.ts';

const ctx = await makeTestContext({ ballotMoveEveryMs: 0 });
const { db } = ctx.database;
const rows = async <T>(query: ReturnType<typeof sql>) => ((await db.execute(query)) as unknown as { rows: T[] }).rows;

describe('jobs', () => {
  it('two processes polling the same job: each due run happens in exactly one of them', async () => {
    let runs = 0;
    const job: Job = {
      name: 'count',
      everyMs: 1_000,
      run: async () => {
        runs++;
      },
    };
    let now = new Date('2026-03-01T08:00:00Z');
    await ensureJobs(db, [job], now);
    for (let i = 0; i < 5; i++) {
      const outcomes = await Promise.all(['a', 'b', 'c'].map((owner) => runIfDue(db, job, owner, () => now)));
      expect(outcomes.filter((o) => o === 'ran')).toHaveLength(1);
      // Not due again until (nearly) its interval has passed.
      expect(await runIfDue(db, job, 'a', () => new Date(now.getTime() + 899))).toBe('skipped');
      now = new Date(now.getTime() + 1_000);
    }
    expect(runs).toBe(5);
  });

  it('a failed run is due again soon, with its error code kept and not its message', async () => {
    let fail = true;
    const job: Job = {
      name: 'flaky',
      everyMs: 60_000,
      run: async () => {
        if (fail) throw Object.assign(new Error('insert … values (secret)'), { code: '40001' });
      },
    };
    const t0 = new Date('2026-03-01T08:00:00Z');
    await ensureJobs(db, [job], t0);
    await expect(runIfDue(db, job, 'a', () => t0)).rejects.toThrow();
    expect(await rows(sql`select last_error, locked_by from jobs where name = 'flaky'`)).toEqual([
      { last_error: '40001', locked_by: null },
    ]);
    fail = false;
    expect(await runIfDue(db, job, 'b', () => new Date(t0.getTime() + 5_000))).toBe('ran');
  });

  it('a process killed holding the deadline job: the next claim after the lease closes the round, once', async () => {
    await seedRegistry(db, { enterprises: 60, departments: 4 });
    ctx.clock.now = new Date('2026-03-31T08:00:00Z');
    await openRoundWithTokens(ctx, '2026Q2', { sampleSize: 6, opensAt: '2026-04-01T00:00:00Z', closesAt: '2026-04-30T00:00:00Z' });
    const [job] = appJobs({ ballotMoveEveryMs: 30_000, release: { timeZone: 'Asia/Shanghai', replyWorkingDays: 1 } });
    const after = new Date('2026-04-30T00:00:10Z');
    await ensureJobs(db, [job!], after);
    // Process A claims and dies before running (SIGKILL): its lease holds the job for a while.
    expect(await claimJob(db, job!, 'a', after)).not.toBeNull();
    expect(await runIfDue(db, job!, 'b', () => new Date(after.getTime() + 1_000))).toBe('skipped');
    const lapsed = new Date(after.getTime() + leaseFor(job!.everyMs));
    expect(await runIfDue(db, job!, 'b', () => lapsed)).toBe('ran');
    // Every later run, by anyone, finds nothing left to close.
    for (const owner of ['a', 'b', 'c']) await runIfDue(db, job!, owner, () => new Date(lapsed.getTime() + 3_600_000));
    expect(await rows(sql`select count(*)::int as n from audit_log where action = 'round.close' and entity_id = '2026Q2'`)).toEqual([
      { n: 1 },
    ]);
    expect(await rows(sql`select status from rounds where id = '2026Q2'`)).toEqual([{ status: 'closed' }]);
  });
});
