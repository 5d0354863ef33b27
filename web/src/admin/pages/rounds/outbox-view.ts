// What the outbox page shows, computed from the API's answer (tested without a browser).
import { MESSAGE_STATUSES, type MessageStatus } from '#shared/outbound/vocabulary.ts';
import type { Outbox } from '#shared/schemas/outbox.ts';

export type OutboxMessage = Outbox['messages'][number];

/** Counts in the order a message moves, every status present (zero when none). */
export const statusCounts = (outbox: Outbox): { status: MessageStatus; count: number }[] =>
  MESSAGE_STATUSES.map((status) => ({ status, count: outbox.counts[status] ?? 0 }));

/** Failed and refused messages, the latest first: what the office has to look at. */
export const failures = (outbox: Outbox): OutboxMessage[] =>
  outbox.messages.filter((m) => m.status === 'failed' || m.status === 'refused').sort((a, b) => b.day.localeCompare(a.day) || b.id - a.id);

/** Queued SMS for today that only the .xlsx can deliver (no SMS gateway). */
export const awaitingDownload = (outbox: Outbox, today: string) =>
  outbox.gateways.sms ? 0 : outbox.messages.filter((m) => m.channel === 'sms' && m.status === 'queued' && m.day === today).length;

/**
 * A message in doubt (handed to the gateway, no answer: the server or the connection stopped): its reason
 * starts so (server/outbound/gateway.ts IN_DOUBT). The page words it; other reasons are the gateway's own.
 */
export const isInDoubt = (m: Pick<OutboxMessage, 'status' | 'reason'>) => m.status === 'failed' && (m.reason ?? '').startsWith('in doubt');
