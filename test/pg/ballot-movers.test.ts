// Two movers on one ballot box (PostgreSQL only: two processes, as replicas or a test beside the job are).
// A mover that finds its chunk taken by the other must wait and carry on, not stop with answers left in
// the box: a close or a caller that asks for an empty box relies on its call having emptied it.
import { randomUUID } from 'node:crypto';
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '#server/db/client.ts';
import { ballotBox, responses } from '#server/db/schema.ts';
import { emptyBox, MOVE_CHUNK, moveBallots } from '#server/survey/ballot-box.ts';
import { freshDatabase } from '../support/database.ts';
import { openLoadRound } from '../support/load.ts';

const a = await freshDatabase();
if (!a.url) throw new Error('the ballot movers test needs DATABASE_URL (PostgreSQL)');
const b = await openDatabase({ kind: 'postgres', url: a.url }, { migrate: false });
afterAll(async () => {
  await b.close();
  await a.close();
});

const ANSWERS = 2 * MOVE_CHUNK + 100;
const SECRET = 'movers-secret-movers-secret-movers-1234';
const { roundId, departmentIds } = await openLoadRound(a.db, SECRET, { enterprises: 20, departments: 3 });

describe('two movers on one ballot box', () => {
  it('a mover that waited on the other one still empties the box', { timeout: 60_000 }, async () => {
    await a.db.insert(ballotBox).values(
      Array.from({ length: ANSWERS }, () => ({
        id: randomUUID(),
        roundId,
        answer: { ratings: departmentIds.map((d) => ({ d, l: 'satisfied', c: null })), votes: [], comment: null, strata: {} },
      })),
    );
    // The first mover takes a chunk and holds its transaction open.
    let release!: () => void;
    let taken!: (n: number) => void;
    const tookChunk = new Promise<number>((resolve) => (taken = resolve));
    const first = a.db.transaction(async (tx) => {
      taken(await emptyBox(tx, roundId, 1, MOVE_CHUNK));
      await new Promise<void>((resolve) => (release = resolve));
    });
    expect(await tookChunk).toBe(MOVE_CHUNK);
    const second = moveBallots(b.db, roundId, 1);
    // Wait until the second mover is blocked behind the first (a lock wait shows in pg_stat_activity).
    for (;;) {
      const { rows } = (await a.db.execute(
        sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
      )) as unknown as { rows: { n: number }[] };
      if (rows[0]!.n > 0) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
    release();
    await first;
    expect(await second).toBe(ANSWERS - MOVE_CHUNK);
    expect(Number((await a.db.select({ n: count() }).from(ballotBox).where(eq(ballotBox.roundId, roundId)))[0]!.n)).toBe(0);
    expect(Number((await a.db.select({ n: count() }).from(responses))[0]!.n)).toBe(ANSWERS);
  });
});
