// A round closed with every answer still in the ballot box (no batch left it while open: a small round, or the
// mover never ran). The close's own move is then the only write of the answers: it must store them all, in one
// transaction, in an order and under ids that say nothing of when each came in. test/api/anonymity.test.ts
// covers the round whose batches left the box earlier, which the close rewrites.
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { makeTestContext } from '../support/app.ts';
import { seedRegistry } from '../support/fixtures.ts';
import { spearman } from '../support/ranks.ts';
import { completeSubmission, openRoundWithTokens } from '../support/survey.ts';

const ROUND = '2026Q1';
const N = 40;
const ctx = await makeTestContext({ ballotMoveEveryMs: 0 });
await seedRegistry(ctx.database.db, { enterprises: 200, departments: 6 });
const { db } = ctx.database;
const rows = async <T>(query: ReturnType<typeof sql>) => ((await db.execute(query)) as unknown as { rows: T[] }).rows;

it('stores every answer at close in one write, in no order of submission', async () => {
  const tokens = [...(await openRoundWithTokens(ctx, ROUND, { sampleSize: N })).values()];
  const view = await ctx.app.inject({ method: 'GET', url: `/api/v1/survey/${tokens[0]}` });
  const departmentIds: number[] = view.json().departments.map((d: { id: number }) => d.id);
  // The k-th submission says k in its comment: the ground truth of the order they came in.
  for (const [k, token] of tokens.entries()) {
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/survey/${token}/submit`,
      payload: completeSubmission(departmentIds, () => 'satisfied', { comment: `第${k}份` }),
    });
    expect(res.statusCode, res.body).toBe(200);
  }
  const [boxed] = await rows<{ n: number }>(sql`select count(*)::int as n from ballot_box where round_id = ${ROUND}`);
  expect(boxed!.n).toBe(N);

  const close = await ctx.app.inject({ method: 'POST', url: `/api/v1/rounds/${ROUND}/close`, headers: { cookie: await ctx.as('admin') } });
  expect(close.statusCode, close.body).toBe(200);

  const answers = await rows<{ id: string; comment: string; xmin: string }>(
    sql`select id::text, comment, xmin::text from responses where round_id = ${ROUND} order by ctid`,
  );
  expect(answers).toHaveLength(N);
  expect(new Set(answers.map((a) => a.comment)).size).toBe(N);
  const ratings = await rows<{ response_id: string; xmin: string }>(
    sql`select response_id::text, xmin::text from ratings where round_id = ${ROUND} order by ctid`,
  );
  expect(ratings).toHaveLength(N * departmentIds.length);
  expect(new Set([...answers, ...ratings].map((r) => r.xmin)).size).toBe(1);
  const [left] = await rows<{ n: number }>(sql`select count(*)::int as n from ballot_box where round_id = ${ROUND}`);
  expect(left!.n).toBe(0);

  const cameIn = (id: string) => Number(/\d+/.exec(answers.find((a) => a.id === id)!.comment)![0]);
  const orders = {
    'physical order': answers.map((a) => a.id),
    'id order': answers.map((a) => a.id).sort(),
    "ratings' physical order": [...new Set(ratings.map((r) => r.response_id))],
  };
  for (const [name, ids] of Object.entries(orders)) {
    // Under chance rho has SD 1/sqrt(39) = 0.16 at n = 40: 0.7 is a 4.4-SD event, while storing in the order of
    // submission gives rho near 1.
    const rho = spearman(
      ids.map((_, k) => k),
      ids.map(cameIn),
    );
    expect(Math.abs(rho), name).toBeLessThan(0.7);
  }
});
