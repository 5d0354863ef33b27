// 2,000 submissions from 200 concurrent clients over real HTTP: no 5xx, each acknowledged one stored once.
// The rate is printed, not asserted (a shared CI machine is no stopwatch): `npm run bench` measures it.
import { count, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { invitations, ratings, responses } from '#server/db/schema.ts';
import { freshDatabase } from '../support/database.ts';
import { listeningApp, openLoadRound, pool, submissionFor } from '../support/load.ts';
import { moveBallots } from '#server/survey/ballot-box.ts';

const SECRET = 'load-secret-load-secret-load-secret-1234';
const database = await freshDatabase();
const { roundId, departmentIds, tokens } = await openLoadRound(database.db, SECRET, { enterprises: 2000, departments: 48 });
const { app, base } = await listeningApp(database, SECRET);
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('load', () => {
  it('takes 2,000 submissions from 200 concurrent clients: each acknowledged, none lost or doubled', { timeout: 180_000 }, async () => {
    const statuses = new Map<number, number>();
    const acked: string[] = [];
    const started = Date.now();
    await pool(tokens, 200, async (token, i) => {
      const body = submissionFor(departmentIds, i);
      const res = await fetch(`${base}/api/v1/survey/${token}/submit`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (res.ok) acked.push(body.submissionId);
      await res.arrayBuffer();
    });
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `load: ${tokens.length} submissions in ${seconds.toFixed(1)} s (${(tokens.length / seconds).toFixed(0)}/s) on ${database.kind}`,
    );
    expect(Object.fromEntries(statuses)).toEqual({ 200: 2000 });
    const { db } = database;
    await moveBallots(db, roundId, 0); // what the timer (or the close) does with the ballot box
    const [[r], [k], [s]] = await Promise.all([
      db.select({ n: count() }).from(responses),
      db.select({ n: count() }).from(ratings),
      db.select({ n: count() }).from(invitations).where(eq(invitations.status, 'submitted')),
    ]);
    expect(Number(r!.n)).toBe(2000);
    expect(Number(k!.n)).toBe(2000 * departmentIds.length);
    expect(Number(s!.n)).toBe(2000);
    const stored = await db.select({ id: invitations.submissionId }).from(invitations);
    expect(new Set(stored.map((x) => x.id))).toEqual(new Set(acked));
  });
});
