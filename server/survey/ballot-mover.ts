// The ballot box's tick, run as the 'ballot-box' job (server/jobs): each open round's box is emptied if
// it holds at least BATCH_MIN answers, rounds past their deadline are closed (which empties and seals
// them), and the answer tables are vacuumed after a close. Runs in its own transactions, apart from any
// request; every step is guarded by the state it changes, so a run retried after a crash is harmless.
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { rounds } from '../db/schema.ts';
import { settleDeadline } from '../rounds/rounds.service.ts';
import { BATCH_MIN, moveBallots, vacuumAnswers } from './ballot-box.ts';

/** How often the box is looked at: an answer waits at most this long once BATCH_MIN - 1 others have joined it. */
export const BALLOT_MOVE_EVERY_MS = 30_000;

export async function ballotMoverTick(db: Db, now: Date): Promise<{ moved: number; closed: number; vacuumed: boolean }> {
  let moved = 0;
  let closed = 0;
  const open = await db.select({ id: rounds.id, closesAt: rounds.closesAt }).from(rounds).where(eq(rounds.status, 'open'));
  for (const r of open) {
    if (r.closesAt <= now) {
      await db.transaction((tx) => settleDeadline(tx, r.id, now));
      closed++;
    } else {
      moved += await moveBallots(db, r.id, BATCH_MIN);
    }
  }
  return { moved, closed, vacuumed: await vacuumAnswers(db) };
}
