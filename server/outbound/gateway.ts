// The one small interface every channel implements: hand a message over, and report what comes back
// (delivery receipts, opt-outs) through the listener the outbox gives it.
import type { OutboxChannel } from '#shared/outbound/vocabulary.ts';

/**
 * How the reason of a message in doubt begins: handed to a gateway that never answered, or held by a process
 * that died before the answer. The gateway may have it, and SMPP has no way to ask: it is never resent.
 */
export const INTERRUPTED = 'interrupted';

export interface OutboundMessage {
  /** A mobile number (sms) or an address (email). */
  to: string;
  subject?: string;
  text: string;
}

/**
 * taken: the gateway accepted it (its id); refused: rejected for good; failed: it never reached the gateway,
 * try again later; unknown: it was handed over but no answer came (the gateway may have it: never resent).
 */
export type SendOutcome =
  | { outcome: 'taken'; gatewayId: string }
  | { outcome: 'refused'; reason: string }
  | { outcome: 'failed'; reason: string }
  | { outcome: 'unknown'; reason: string };

/** What a receipt says of a message the gateway took. */
export type ReceiptState = 'delivered' | 'failed' | 'refused';

export interface GatewayEvents {
  receipt(gatewayId: string, state: ReceiptState, reason: string): Promise<void>;
  /** The firm at this (normalised) mobile number replied TD: no more SMS to it. */
  optOut(mobile: string): Promise<void>;
}

export interface Gateway {
  channel: OutboxChannel;
  send(message: OutboundMessage): Promise<SendOutcome>;
  close(): Promise<void>;
}
