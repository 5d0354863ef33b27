// "Was my response counted?", by receipt code alone. Reusable by anything that takes a receipt code
// (requests to departments): it answers yes or no and nothing about the answers behind the code.
import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { formatReceipt, receiptHash } from '#shared/receipt.ts';
import type { Tx } from '../db/client.ts';
import { ballotBox, responses } from '../db/schema.ts';

/** True when a response with this receipt code is stored for the round (still in the box or already out). */
export const isReceiptCounted = (tx: Tx, roundId: string, code: string): Promise<boolean> =>
  isReceiptHashStored(tx, roundId, receiptHash(code));

/** The round in which a response with this receipt code is stored (in the box or out), or null: a request counts per round. */
export async function receiptRound(tx: Tx, code: string): Promise<string | null> {
  const hash = receiptHash(code);
  const [stored] = await tx.select({ roundId: responses.roundId }).from(responses).where(eq(responses.receiptHash, hash)).limit(1);
  if (stored) return stored.roundId;
  const [boxed] = await tx.select({ roundId: ballotBox.roundId }).from(ballotBox).where(eq(ballotBox.receiptHash, hash)).limit(1);
  return boxed?.roundId ?? null;
}

export async function isReceiptHashStored(tx: Tx, roundId: string | null, hash: string): Promise<boolean> {
  const [stored] = await tx
    .select({ id: responses.id })
    .from(responses)
    .where(and(roundId === null ? undefined : eq(responses.roundId, roundId), eq(responses.receiptHash, hash)))
    .limit(1);
  if (stored) return true;
  const [boxed] = await tx
    .select({ id: ballotBox.id })
    .from(ballotBox)
    .where(and(roundId === null ? undefined : eq(ballotBox.roundId, roundId), eq(ballotBox.receiptHash, hash)))
    .limit(1);
  return !!boxed;
}

/**
 * For a client that sent no receipt hash: a random code, shown once in the reply and never kept.
 * (The survey page makes its own and keeps it, so that a retry can show it again.)
 */
export const randomReceipt = () => formatReceipt(randomBytes(12));
