// The outbox's closed sets: the database's CHECKs, the API's schemas and the pages read these.

export const OUTBOX_CHANNELS = ['sms', 'email'] as const;
export type OutboxChannel = (typeof OUTBOX_CHANNELS)[number];

/** invitation: when the round opens (or a replacement comes in); reminder: on the plan's days; final: the day before the deadline. */
export const MESSAGE_KINDS = ['invitation', 'reminder', 'final_reminder'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/**
 * queued: prepared, not yet handed to a gateway (with no gateway: waiting for the .xlsx); sent: the gateway
 * took it; delivered: its receipt says delivered; failed: not delivered (unreachable gateway, undeliverable,
 * or in doubt: handed over with no answer, waiting for a receipt before a resend), with the reason;
 * refused: the gateway rejected it for good (bad number, blocked content).
 */
export const MESSAGE_STATUSES = ['queued', 'sent', 'delivered', 'failed', 'refused'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export interface ContactPlan {
  /** An invitation when the round opens (and to a replacement when it comes in). */
  invitation: boolean;
  /** Reminders to those who have not submitted, on these days after the opening day (1 = the next day). */
  reminderDays: number[];
  /** A last reminder the day before the deadline. */
  finalReminder: boolean;
}

export const DEFAULT_CONTACT_PLAN: ContactPlan = { invitation: true, reminderDays: [3, 7], finalReminder: true };

/** Attempts after which a failing message is left failed (each retry waits longer: retryDelayMs). */
export const MAX_SEND_ATTEMPTS = 5;
