// The one small interface every channel implements: hand a message over, and report what comes back
// (delivery receipts, opt-outs) through the listener the outbox gives it.
import type { OutboxChannel } from '#shared/outbound/vocabulary.ts';

/**
 * How the reason of a message in doubt begins: handed to a gateway that never answered, or held by a process
 * that died before the answer. The gateway may have it: it waits for a receipt naming its reference
 * (`inDoubtMs`), and only then is it sent again, with the same reference (README, "Exactly once").
 */
export const IN_DOUBT = 'in doubt';

/**
 * The reference an SMS carries (SMPP 3.4 `user_message_reference`, 2 octets): the row's id modulo 65536.
 * With the destination number it names one message among the few in doubt at any time.
 */
export const smsReference = (id: number) => id % 65_536;

/** What a receipt names besides the gateway's id: the reference we gave and the handset it concerns. */
export interface ReceiptReference {
  reference: number;
  /** The handset's normalised mobile number (the receipt's source_addr), when the receipt carries it. */
  mobile: string | null;
}

export interface OutboundMessage {
  /** The outbox row's id: the same on every attempt, so a resend is recognisable (SMS reference, Message-ID). */
  id: number;
  /** A mobile number (sms) or an address (email). */
  to: string;
  subject?: string;
  text: string;
}

/**
 * taken: the gateway accepted it (its id); refused: rejected for good; failed: it never reached the gateway,
 * try again later; unknown: it was handed over but no answer came (the gateway may have it: in doubt).
 */
export type SendOutcome =
  | { outcome: 'taken'; gatewayId: string }
  | { outcome: 'refused'; reason: string }
  | { outcome: 'failed'; reason: string }
  | { outcome: 'unknown'; reason: string };

/** What a receipt says of a message the gateway took. */
export type ReceiptState = 'delivered' | 'failed' | 'refused';

export interface GatewayEvents {
  receipt(gatewayId: string, state: ReceiptState, reason: string, ref?: ReceiptReference): Promise<void>;
  /** The firm at this (normalised) mobile number replied TD: no more SMS to it. */
  optOut(mobile: string): Promise<void>;
}

export interface Gateway {
  channel: OutboxChannel;
  send(message: OutboundMessage): Promise<SendOutcome>;
  close(): Promise<void>;
}
