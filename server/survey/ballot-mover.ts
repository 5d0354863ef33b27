// The ballot box's tick, run as the 'ballot-box' job (server/jobs): each time, each open round's box is emptied if it holds at least BATCH_MIN
// answers, rounds past their deadline are closed (which empties and seals them), invitation states are
// reported to the admin in batches of at least BATCH_MIN submissions, held requests are released with such
// a batch (or when no round is open), and the answer tables are vacuumed after a close. Runs in its own
// transactions, apart from any request.
import { eq, gte } from 'drizzle-orm';
import { DEFAULT_CITY_TZ } from '#shared/city-day.ts';
import { DEFAULT_REPLY_WORKING_DAYS } from '#shared/requests/vocabulary.ts';
import type { Db } from '../db/client.ts';
import { rounds } from '../db/schema.ts';
import { reportStates } from '../invitations/reported.ts';
import { dropExpiredReceiptUses } from '../requests/receipt-uses.ts';
import { holdRequestWrites, releaseHeldRequests } from '../requests/release.ts';
import type { ReleasePolicy } from '../requests/requests.service.ts';
import { settleDeadline } from '../rounds/rounds.service.ts';
import { BATCH_MIN, moveBallots, vacuumAnswers } from './ballot-box.ts';

const DEFAULT_RELEASE: ReleasePolicy = { timeZone: DEFAULT_CITY_TZ, replyWorkingDays: DEFAULT_REPLY_WORKING_DAYS };

/** closedSince: the previous tick's time, so that a round an admin closed in between releases held requests too. */
export async function ballotMoverTick(
  db: Db,
  now: Date,
  release: ReleasePolicy = DEFAULT_RELEASE,
  closedSince?: Date,
): Promise<{ moved: number; closed: number; reported: number; released: number; vacuumed: boolean }> {
  let moved = 0;
  let closed = 0;
  const open = await db.select({ id: rounds.id, closesAt: rounds.closesAt }).from(rounds).where(eq(rounds.status, 'open'));
  const stillOpen: string[] = [];
  for (const r of open) {
    if (r.closesAt <= now) {
      await db.transaction((tx) => settleDeadline(tx, r.id, now));
      closed++;
    } else {
      moved += await moveBallots(db, r.id, BATCH_MIN);
      stillOpen.push(r.id);
    }
  }
  const closedByAdmin = closedSince
    ? (await db.select({ id: rounds.id }).from(rounds).where(gte(rounds.closedAt, closedSince)).limit(1)).length > 0
    : false;
  const { reported, released } = await reportAndRelease(db, stillOpen, closed > 0 || closedByAdmin, now, release);
  await dropExpiredReceiptUses(db, now);
  return { moved, closed, reported, released, vacuumed: await vacuumAnswers(db) };
}

/**
 * In one transaction, with new requests waiting on a table lock: report each open round's states if at least
 * BATCH_MIN submissions wait; then, if any round reported a batch, one closed, or none is open, release every
 * held request. Every released request was written before the lock, so a receipt of a round that reported now
 * (or closed) belongs to a submission the admin already sees; one of another open round, still short of its own
 * batch, belongs to a submission the admin does not see yet: either way the request appears next to a batch
 * of five or more, or a close, never next to one invitation's change.
 */
async function reportAndRelease(db: Db, openRounds: string[], anyClosed: boolean, now: Date, release: ReleasePolicy) {
  return db.transaction(async (tx) => {
    await holdRequestWrites(tx);
    let reported = 0;
    let batch = anyClosed || openRounds.length === 0;
    for (const id of openRounds) {
      const n = await reportStates(tx, id, BATCH_MIN);
      reported += n;
      if (n > 0) batch = true;
    }
    return { reported, released: batch ? await releaseHeldRequests(tx, now, release) : 0 };
  });
}
