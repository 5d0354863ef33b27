// The receipt protocol on the page: each submission attempt gets a random receipt code made here and
// kept on this phone; only the code's hash goes to the server with the answers, so nothing the server
// keeps can recompute it. A retry of the same attempt sends the same hash and shows the same code.
import { formatReceipt, RECEIPT_PATTERN, receiptHash } from '#shared/receipt.ts';
import type { Submission } from '#shared/survey.ts';
import type { SubmitResult } from './api.ts';
import { attemptStore } from './storage.ts';

/** A receipt as shown to the enterprise. */
export interface ShownReceipt {
  receipt: string;
  submittedAt: string;
}

/** The pending attempt's code, if this phone made one (after a lost reply, for instance). */
export function pendingReceiptCode(token: string): string | null {
  const code = attemptStore.readReceiptCode(token);
  return code && RECEIPT_PATTERN.test(code) ? code : null;
}

/** One code per attempt, made once: every retry of the attempt carries the same one. */
export function receiptCodeFor(token: string): string {
  const kept = pendingReceiptCode(token);
  if (kept) return kept;
  const code = formatReceipt(globalThis.crypto.getRandomValues(new Uint8Array(12)));
  attemptStore.writeReceiptCode(token, code);
  return code;
}

export const withReceiptHash = (submission: Submission, code: string): Submission => ({ ...submission, receiptHash: receiptHash(code) });

/** The page's own code (the server never had it); an old server's code if it sent one. */
export const shownReceipt = (result: SubmitResult, code: string): ShownReceipt => ({
  receipt: result.receipt ?? code,
  submittedAt: result.submittedAt,
});
