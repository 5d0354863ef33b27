// The outbox's SQL: planning rows, claiming one at a time (FOR UPDATE SKIP LOCKED and a lease), settling.
import { and, asc, eq, inArray, isNull, ne, notInArray, sql } from 'drizzle-orm';
import { MAX_SEND_ATTEMPTS, type MessageKind, type OutboxChannel } from '#shared/outbound/vocabulary.ts';
import type { Tx } from '../db/client.ts';
import { IN_DOUBT } from './gateway.ts';
import { enterprises, invitations, outboxMessages, rounds } from '../db/schema.ts';

const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;
const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/** Reported states that end contact: the firm has submitted (as far as anyone may know yet) or was replaced. */
const DONE = ['submitted', 'replaced'] as const;

export const openRounds = (tx: Tx, now: Date) =>
  tx
    .select({ id: rounds.id, openedAt: rounds.openedAt, closesAt: rounds.closesAt, plan: rounds.contactPlan })
    .from(rounds)
    .where(and(eq(rounds.status, 'open'), sql`${rounds.closesAt} > ${ts(now)}`));

/** The round's invitations still to be contacted, with where to reach them. */
export const contactableInvitations = (tx: Tx, roundId: string) =>
  tx
    .select({ id: invitations.id, phone: enterprises.contactPhone, email: enterprises.contactEmail, optedOut: enterprises.smsOptedOutAt })
    .from(invitations)
    .innerJoin(enterprises, eq(enterprises.id, invitations.enterpriseId))
    .where(and(eq(invitations.roundId, roundId), notInArray(invitations.reportedStatus, [...DONE])));

/** Ids of the invitations that already have their invitation message on a channel. */
export async function invitedIds(tx: Tx, roundId: string, channel: OutboxChannel) {
  const rows = await tx
    .select({ id: outboxMessages.invitationId })
    .from(outboxMessages)
    .where(and(eq(outboxMessages.roundId, roundId), eq(outboxMessages.channel, channel), eq(outboxMessages.kind, 'invitation')));
  return new Set(rows.map((r) => r.id));
}

/** Queues messages; one a firm, channel and day and one invitation a firm and channel (the unique indexes). Returns how many. */
export async function queueMessages(
  tx: Tx,
  roundId: string,
  channel: OutboxChannel,
  kind: MessageKind,
  invitationIds: number[],
  day: string,
  dueAt: Date,
  now: Date,
) {
  let queued = 0;
  for (let i = 0; i < invitationIds.length; i += 2000) {
    const rows = await tx
      .insert(outboxMessages)
      .values(
        invitationIds
          .slice(i, i + 2000)
          .map((invitationId) => ({ roundId, invitationId, channel, kind, day, dueAt, createdAt: now, updatedAt: now })),
      )
      .onConflictDoNothing()
      .returning({ id: outboxMessages.id });
    queued += rows.length;
  }
  return queued;
}

/** Never-tried messages to firms that are done, opted out, or whose round is no longer open: they are not sent. */
export async function cancelStale(tx: Tx, now: Date) {
  await tx.execute(sql`
    delete from outbox_messages m using invitations i, rounds r, enterprises e
    where m.invitation_id = i.id and r.id = m.round_id and e.id = i.enterprise_id
      and m.status = 'queued' and m.attempts = 0 and m.locked_by is null
      and (i.reported_status in ('submitted', 'replaced') or r.status <> 'open' or r.closes_at <= ${ts(now)}
           or (m.channel = 'sms' and e.sms_opted_out_at is not null))`);
}

/**
 * Messages whose sender died holding them (the lease ran out): the gateway may have them. They are in doubt:
 * not resent before `inDoubtMs` has passed, so that a receipt naming their reference can settle them first.
 */
export async function settleInterrupted(tx: Tx, now: Date, inDoubtMs: number) {
  await tx.execute(sql`
    update outbox_messages set status = 'failed', reason = ${`${IN_DOUBT}: the sending process stopped before the gateway answered`},
      due_at = ${ts(new Date(now.getTime() + inDoubtMs))}, locked_by = null, locked_until = null, updated_at = ${ts(now)}
    where locked_until <= ${ts(now)} and status in ('queued', 'failed')`);
}

export interface ClaimedMessage {
  id: number;
  round_id: string;
  channel: OutboxChannel;
  kind: MessageKind;
  attempts: number;
  uscc: string;
  generation: number;
  contact_phone: string | null;
  contact_email: string | null;
}

/**
 * Takes the next due message on these channels, if any: one statement picks it (skipping rows another
 * process holds) and leases it to `owner`, still checking the firm may be contacted.
 */
export async function claimNext(
  tx: Tx,
  channels: OutboxChannel[],
  owner: string,
  now: Date,
  leaseMs: number,
): Promise<ClaimedMessage | null> {
  if (!channels.length) return null;
  const result = await tx.execute(sql`
    with picked as (
      select m.id from outbox_messages m
        join invitations i on i.id = m.invitation_id
        join rounds r on r.id = m.round_id
        join enterprises e on e.id = i.enterprise_id
      where m.status in ('queued', 'failed') and m.gateway_id is null and m.locked_by is null
        and m.due_at <= ${ts(now)} and m.attempts < ${MAX_SEND_ATTEMPTS}
        and m.channel in (${sql.join(
          channels.map((c) => sql`${c}`),
          sql`, `,
        )})
        and r.status = 'open' and r.closes_at > ${ts(now)}
        and i.reported_status not in ('submitted', 'replaced')
        and (m.channel <> 'sms' or e.sms_opted_out_at is null)
      order by m.due_at, m.id
      limit 1
      for update of m skip locked),
    claimed as (
      update outbox_messages o set locked_by = ${owner}, locked_until = ${ts(new Date(now.getTime() + leaseMs))},
        attempts = o.attempts + 1, updated_at = ${ts(now)}
      from picked where o.id = picked.id
      returning o.id, o.round_id, o.invitation_id, o.channel, o.kind, o.attempts)
    select c.id, c.round_id, c.channel, c.kind, c.attempts, i.uscc, i.generation, e.contact_phone, e.contact_email
    from claimed c join invitations i on i.id = c.invitation_id join enterprises e on e.id = i.enterprise_id`);
  const row = rowsOf<ClaimedMessage>(result)[0];
  return row ? { ...row, id: Number(row.id), attempts: Number(row.attempts), generation: Number(row.generation) } : null;
}

/** Records the gateway's answer, if this owner still holds the message. */
export async function settle(tx: Tx, id: number, owner: string, values: Partial<typeof outboxMessages.$inferInsert>, now: Date) {
  await tx
    .update(outboxMessages)
    .set({ ...values, lockedBy: null, lockedUntil: null, updatedAt: now })
    .where(and(eq(outboxMessages.id, id), eq(outboxMessages.lockedBy, owner)));
}

/**
 * A delivery receipt: only a sent message moves (a receipt repeated or late changes nothing); when the receipt
 * echoes our reference, the message must carry it too (a gateway's ids may repeat over time). Rows changed.
 */
export async function applyReceipt(
  tx: Tx,
  channel: OutboxChannel,
  gatewayId: string,
  values: Partial<typeof outboxMessages.$inferInsert>,
  now: Date,
  reference?: number,
) {
  const rows = await tx
    .update(outboxMessages)
    .set({ ...values, updatedAt: now })
    .where(
      and(
        eq(outboxMessages.channel, channel),
        eq(outboxMessages.gatewayId, gatewayId),
        eq(outboxMessages.status, 'sent'),
        reference === undefined ? undefined : sql`${outboxMessages.id} % 65536 = ${reference}`,
      ),
    )
    .returning({ id: outboxMessages.id });
  return rows.length;
}

/**
 * A receipt for an SMS we have no gateway id for (in doubt, or its submit_sm_resp not yet recorded): found by
 * the reference it echoes and the handset, among the messages handed over in the last two days and not yet
 * settled. It takes the receipt's state and gateway id and is never resent. Rows changed.
 */
export async function applyReceiptByReference(
  tx: Tx,
  reference: number,
  mobile: string | null,
  gatewayId: string,
  values: { status: 'delivered' | 'failed' | 'refused'; reason: string | null },
  now: Date,
) {
  const result = await tx.execute(sql`
    update outbox_messages set status = ${values.status}, reason = ${values.reason}, gateway_id = ${gatewayId},
      sent_at = coalesce(sent_at, ${ts(now)}), delivered_at = ${values.status === 'delivered' ? ts(now) : null},
      locked_by = null, locked_until = null, updated_at = ${ts(now)}
    where id = (
      select m.id from outbox_messages m
        join invitations i on i.id = m.invitation_id
        join enterprises e on e.id = i.enterprise_id
      where m.channel = 'sms' and m.gateway_id is null and m.status in ('queued', 'failed') and m.attempts > 0
        and m.id % 65536 = ${reference} and m.updated_at > ${ts(new Date(now.getTime() - 2 * 86_400_000))}
        ${mobile ? sql`and right(regexp_replace(e.contact_phone, '[^0-9]', '', 'g'), 11) = ${mobile}` : sql``}
      order by m.id desc
      limit 1)
    returning id`);
  return rowsOf<{ id: number }>(result).length;
}

/** Every registry entry with this mobile number stops receiving SMS. */
export async function optOutMobile(tx: Tx, mobile: string, now: Date) {
  await tx
    .update(enterprises)
    .set({ smsOptedOutAt: now, updatedAt: now })
    .where(
      and(isNull(enterprises.smsOptedOutAt), sql`right(regexp_replace(${enterprises.contactPhone}, '[^0-9]', '', 'g'), 11) = ${mobile}`),
    );
}

export const roundMessages = (tx: Tx, roundId: string) =>
  tx
    .select({
      m: outboxMessages,
      uscc: invitations.uscc,
      name: enterprises.name,
      phone: enterprises.contactPhone,
      email: enterprises.contactEmail,
    })
    .from(outboxMessages)
    .innerJoin(invitations, eq(invitations.id, outboxMessages.invitationId))
    .innerJoin(enterprises, eq(enterprises.id, invitations.enterpriseId))
    .where(eq(outboxMessages.roundId, roundId))
    .orderBy(asc(outboxMessages.id));

/** The round's invited firms (not replaced) with their phone: the page lists the ones no SMS can reach. */
export const roundPhones = (tx: Tx, roundId: string) =>
  tx
    .select({ uscc: invitations.uscc, name: enterprises.name, phone: enterprises.contactPhone, generation: invitations.generation })
    .from(invitations)
    .innerJoin(enterprises, eq(enterprises.id, invitations.enterpriseId))
    .where(and(eq(invitations.roundId, roundId), ne(invitations.reportedStatus, 'replaced')))
    .orderBy(asc(invitations.uscc));

/** Queued SMS of a round planned for a day, with what the text needs. */
export const queuedSms = (tx: Tx, roundId: string, day: string) =>
  tx
    .select({ kind: outboxMessages.kind, uscc: invitations.uscc, generation: invitations.generation, phone: enterprises.contactPhone })
    .from(outboxMessages)
    .innerJoin(invitations, eq(invitations.id, outboxMessages.invitationId))
    .innerJoin(enterprises, eq(enterprises.id, invitations.enterpriseId))
    .where(
      and(
        eq(outboxMessages.roundId, roundId),
        eq(outboxMessages.channel, 'sms'),
        eq(outboxMessages.status, 'queued'),
        eq(outboxMessages.day, day),
        inArray(invitations.reportedStatus, ['not_opened', 'opened', 'drafted']),
      ),
    )
    .orderBy(asc(outboxMessages.id));
