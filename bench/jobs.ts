// Job latency: from a round's deadline to its close by the ballot-box job, with two app instances on
// the database (as two replicas; the job runs in one of them) polling at a 1 s interval. The wait is
// the time to the next run (at most the interval, BALLOT_MOVE_EVERY_MS, 30 s by default) plus the close.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { buildApp } from '#server/app.ts';
import { testConfig } from '../test/support/config.ts';
import { serviceContext } from '#server/context.ts';
import { submitSurvey } from '#server/survey/survey.service.ts';
import type { Target } from './db.ts';
import { JWT_SECRET, openRoundWithTokens, PUBLIC_BASE_URL, seedRegistry } from './fixtures.ts';

export interface JobFigures {
  everyMs: number;
  answers: number;
  latenciesMs: number[];
  closes: number;
}

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

export async function benchJobLatency(target: Target, opts = { everyMs: 1_000, rounds: 5, answers: 100 }): Promise<JobFigures> {
  const { db } = target.database;
  await seedRegistry(db, opts.answers * 2);
  const apps = await Promise.all(
    [0, 1].map(() =>
      buildApp({
        database: target.database,
        config: testConfig({ jwtSecret: JWT_SECRET, publicBaseUrl: PUBLIC_BASE_URL, ballotMoveEveryMs: opts.everyMs }),
      }),
    ),
  );
  const latenciesMs: number[] = [];
  try {
    for (let k = 0; k < opts.rounds; k++) {
      const round = await openRoundWithTokens(db, `${2031 + k}Q1`, opts.answers, new Date());
      for (const inv of round.invitations) {
        await submitSurvey(serviceContext(db, { now: new Date(), zone: 'Asia/Shanghai' }), {
          token: inv.token,
          submission: {
            submissionId: randomUUID(),
            leastSatisfied: [],
            ratings: round.departmentIds.map((departmentId) => ({ departmentId, level: 'satisfied' as const })),
          },
        });
      }
      const deadline = Date.now() + opts.everyMs / 2;
      await db.execute(sql`update rounds set closes_at = ${new Date(deadline).toISOString()}::timestamptz where id = ${round.id}`);
      for (;;) {
        const [row] = rowsOf<{ status: string }>(await db.execute(sql`select status from rounds where id = ${round.id}`));
        if (row?.status === 'closed') break;
        await new Promise((r) => setTimeout(r, 10));
      }
      latenciesMs.push(Math.max(0, Date.now() - deadline));
    }
  } finally {
    for (const app of apps) await app.close();
  }
  const [closes] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from audit_log where action = 'round.close'`));
  return { everyMs: opts.everyMs, answers: opts.answers, latenciesMs, closes: closes!.n };
}

/** `npx tsx bench/jobs.ts`: the figures on PGlite, and on PostgreSQL too when DATABASE_URL is set. */
async function main() {
  const { openPgliteTarget, openPostgresTarget } = await import('./db.ts');
  const targets = [
    ...(process.env.DATABASE_URL ? [() => openPostgresTarget(process.env.DATABASE_URL!, `pingyi_bench_jobs_${process.pid}`)] : []),
    () => openPgliteTarget('pingyi-bench-jobs-'),
  ];
  for (const open of targets) {
    const target = await open();
    try {
      const f = await benchJobLatency(target);
      const sorted = [...f.latenciesMs].sort((a, b) => a - b);
      console.log(
        `${target.label}: deadline to closed, ${f.answers} answers, job every ${f.everyMs} ms on 2 instances: ` +
          `p50 ${sorted[Math.floor(sorted.length / 2)]} ms, max ${sorted.at(-1)} ms over ${sorted.length} rounds; closes in the audit log: ${f.closes}`,
      );
    } finally {
      await target.cleanup();
    }
  }
}
if (process.argv[1] && (await import('node:url')).fileURLToPath(import.meta.url) === process.argv[1]) await main();
