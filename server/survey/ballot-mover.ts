// The ballot box's timer: every tick, each open round's box is emptied if it holds at least BATCH_MIN
// answers, rounds past their deadline are closed (which empties and seals them), and the answer tables
// are vacuumed after a close. Runs in its own transactions, apart from any request.
import { eq } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
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

export function startBallotMover(db: Db, now: () => Date, log: FastifyBaseLogger, everyMs: number) {
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) return;
    running = ballotMoverTick(db, now())
      .catch((err: unknown) => log.error({ err }, 'ballot box: moving answers failed; will retry')) // err: SQLSTATE only (logSafeError)
      .finally(() => { running = null; });
  };
  const timer = everyMs > 0 ? setInterval(tick, everyMs) : null;
  timer?.unref();
  return {
    stop: async () => {
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
