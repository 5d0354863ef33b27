// How many requests one receipt has raised in its round, without a link from the receipt to them. The
// counter's key is an HMAC of (round, receipt code) under a key derived from the server's secret: the code
// itself is stored nowhere (responses keep SHA-256 of it), so whoever holds the database and the secret still
// cannot join a counter to a response, and the counter names no request. The rows expire with their round.
import { createHmac, hkdfSync } from 'node:crypto';
import { eq, lte, sql } from 'drizzle-orm';
import { RECEIPT_REQUESTS_MAX } from '#shared/requests/vocabulary.ts';
import type { Db, Tx } from '../db/client.ts';
import { requestReceiptUses, rounds } from '../db/schema.ts';
import { Conflict } from '../errors.ts';

/** Counters outlive their round's deadline by this long: two quarters, the time a request's thread usually runs. */
export const RECEIPT_USES_KEPT_DAYS = 180;

export type ReceiptUseKey = (roundId: string, code: string) => string;

export function makeReceiptUseKey(secret: string): ReceiptUseKey {
  const key = Buffer.from(hkdfSync('sha256', secret, 'pingyi', 'request-receipt-uses-v1', 32));
  return (roundId, code) => createHmac('sha256', key).update(`${roundId}\n${code}`).digest('hex');
}

/**
 * Counts one more request for the receipt in its round, in a transaction of its own (never the request's),
 * or refuses once it has raised RECEIPT_REQUESTS_MAX. The expiry is the round's deadline plus a fixed span,
 * the same for every counter of the round, so it tells nothing about when a request was written.
 */
export async function countReceiptUse(db: Db, key: string, roundId: string): Promise<void> {
  const counted = await db.transaction(async (tx) => {
    const [round] = await tx.select({ closesAt: rounds.closesAt }).from(rounds).where(eq(rounds.id, roundId));
    const expiresAt = new Date(round!.closesAt.getTime() + RECEIPT_USES_KEPT_DAYS * 86_400_000);
    return tx
      .insert(requestReceiptUses)
      .values({ key, roundId, uses: 1, expiresAt })
      .onConflictDoUpdate({
        target: requestReceiptUses.key,
        set: { uses: sql`${requestReceiptUses.uses} + 1` },
        setWhere: sql`${requestReceiptUses.uses} < ${RECEIPT_REQUESTS_MAX}`,
      })
      .returning({ uses: requestReceiptUses.uses });
  });
  if (!counted.length) {
    throw new Conflict(
      `One receipt may raise at most ${RECEIPT_REQUESTS_MAX} requests in its round, and this one has: follow them by their request codes`,
      { limit: RECEIPT_REQUESTS_MAX },
      'request_limit_reached',
    );
  }
}

/** At close, inside the closing transaction: every counter of the round is rewritten, so their xmin carries no order. */
export async function rewriteReceiptUses(tx: Tx, roundId: string): Promise<void> {
  await tx
    .update(requestReceiptUses)
    .set({ uses: sql`${requestReceiptUses.uses}` })
    .where(eq(requestReceiptUses.roundId, roundId));
}

/** Expired counters go (the mover's timer calls this). */
export async function dropExpiredReceiptUses(db: Db, now: Date): Promise<void> {
  await db.delete(requestReceiptUses).where(lte(requestReceiptUses.expiresAt, now));
}
