// What the admin sees of the outbox and can do with it: the list with counts, the .xlsx for the city's
// SMS platform, and a reminder now to the firms that have not submitted and were not contacted today.
import { cityDay } from '#shared/city-day.ts';
import { isQuiet } from '#shared/outbound/quiet-hours.ts';
import { maskEmail, maskPhone, normaliseMobile } from '#shared/outbound/phone.ts';
import { MESSAGE_STATUSES, type MessageStatus } from '#shared/outbound/vocabulary.ts';
import type { Outbox } from '#shared/schemas/outbox.ts';
import { appendAudit } from '../audit/audit.writer.ts';
import { type ServiceContext, userIn } from '../context.ts';
import type { Tx } from '../db/client.ts';
import { Conflict, NotFound } from '../errors.ts';
import { workbookBuffer } from '../exports/workbook.ts';
import { findRound } from '../rounds/rounds.queries.ts';
import type { Outbound } from './outbound.ts';
import * as q from './outbox.queries.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const quietText = (o: Outbound) => (o.quietHours ? `${o.quietHours.from}-${o.quietHours.to}` : 'off');

async function roundOrThrow(tx: Tx, roundId: string) {
  const round = await findRound(tx, roundId);
  if (!round) throw new NotFound(`No round ${roundId}`);
  return round;
}

/** Numbers and addresses as they are for the admin sending; masked for anyone else. */
export async function roundOutbox(ctx: ServiceContext, { outbound, roundId }: { outbound: Outbound; roundId: string }): Promise<Outbox> {
  const { tx } = ctx;
  const full = userIn(ctx).role === 'admin';
  const round = await roundOrThrow(tx, roundId);
  const [rows, phones] = await Promise.all([q.roundMessages(tx, roundId), q.roundPhones(tx, roundId)]);
  const counts = Object.fromEntries(MESSAGE_STATUSES.map((s) => [s, 0])) as Record<MessageStatus, number>;
  for (const r of rows) counts[r.m.status]++;
  const show = (value: string | null, mask: (v: string) => string) => (value ? (full ? value : mask(value)) : '');
  return {
    roundId,
    gateways: { sms: Boolean(outbound.gateways.sms), email: Boolean(outbound.gateways.email) },
    quietHours: quietText(outbound),
    plan: round.contactPlan,
    counts,
    invalidPhones: phones
      .filter((p) => !normaliseMobile(p.phone))
      .map((p) => ({ uscc: p.uscc, name: p.name, phone: show(p.phone, maskPhone) })),
    messages: rows.map(({ m, uscc, name, phone, email }) => ({
      id: m.id,
      uscc,
      name,
      channel: m.channel,
      kind: m.kind,
      day: m.day,
      to: m.channel === 'sms' ? show(normaliseMobile(phone) ?? phone, maskPhone) : show(email, maskEmail),
      status: m.status,
      attempts: m.attempts,
      reason: m.reason,
      sentAt: iso(m.sentAt),
      deliveredAt: iso(m.deliveredAt),
    })),
  };
}

/** The day's queued SMS (today's, the city's day, unless told) as the city's SMS platform imports them: 手机号码, 短信内容. */
export async function outboxWorkbook(
  { tx, now, zone }: ServiceContext,
  { outbound, roundId, day = cityDay(now, zone) }: { outbound: Outbound; roundId: string; day?: string | undefined },
) {
  await roundOrThrow(tx, roundId);
  const rows = await q.queuedSms(tx, roundId, day);
  const workbook = await workbookBuffer([
    {
      name: `${roundId} 短信 ${day}`,
      columns: [
        { header: '手机号码', key: 'phone', width: 16 },
        { header: '短信内容', key: 'text', width: 100 },
      ],
      rows: rows.flatMap((r) => {
        const phone = normaliseMobile(r.phone);
        return phone ? [{ phone, text: outbound.textOf(r.kind, roundId, r.uscc, r.generation) }] : [];
      }),
    },
  ]);
  return { day, workbook };
}

/** Queues a reminder now to every firm still to submit (as reported) not yet contacted today; how many. */
export async function remindNow(
  { tx: db, actor, now, zone }: ServiceContext,
  { outbound, roundId }: { outbound: Outbound; roundId: string },
) {
  return db.transaction(async (tx) => {
    const round = await roundOrThrow(tx, roundId);
    if (round.status !== 'open' || round.closesAt <= now)
      throw new Conflict(`Round ${roundId} is not open`, { status: round.status }, 'round_not_open');
    if (isQuiet(outbound.quietHours, now, zone)) {
      throw new Conflict(`Quiet hours (${quietText(outbound)}, city time): no SMS now`, { quietHours: quietText(outbound) }, 'quiet_hours');
    }
    const firms = await q.contactableInvitations(tx, roundId);
    const day = cityDay(now, zone);
    const sms = firms.filter((f) => !f.optedOut && normaliseMobile(f.phone)).map((f) => f.id);
    let queued = await q.queueMessages(tx, roundId, 'sms', 'reminder', sms, day, now, now);
    if (outbound.gateways.email)
      queued += await q.queueMessages(
        tx,
        roundId,
        'email',
        'reminder',
        firms.filter((f) => f.email).map((f) => f.id),
        day,
        now,
        now,
      );
    // How many, never whom: the audit log's readers must not learn the sample from it.
    await appendAudit(tx, actor, { action: 'outbox.remind', entityType: 'round', entityId: roundId, summary: { queued } }, now);
    return { queued };
  });
}
