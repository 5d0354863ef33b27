// The outbox's shell: the gateways configured (or none), the sending job's tick, and what gateways report.
// Planning and sending are both driven by the job (server/jobs/jobs.ts); each message is a row that one
// process at a time leases, so a crash or a second replica neither loses nor doubles one.
import { cityDay } from '#shared/city-day.ts';
import { isEmail, normaliseMobile } from '#shared/outbound/phone.ts';
import { reminderDue, retryDelayMs } from '#shared/outbound/plan.ts';
import { isQuiet, type QuietHours } from '#shared/outbound/quiet-hours.ts';
import { mailOf, messageText, type Sender } from '#shared/outbound/template.ts';
import type { MessageKind, OutboxChannel } from '#shared/outbound/vocabulary.ts';
import type { Db } from '../db/client.ts';
import type { LinkMaker } from '../invitations/tokens.ts';
import { newOwner } from '../jobs/runner.ts';
import type { Gateway, GatewayEvents, ReceiptState } from './gateway.ts';
import * as q from './outbox.queries.ts';
import { LEASE_MS } from './lease.ts';
import { smppGateway } from './smpp.gateway.ts';
import { parseSmppUrl } from './smpp-url.ts';
import { smtpGateway } from './smtp.gateway.ts';

export interface OutboundSettings {
  /** smpp://system_id:password@host:port, or null: SMS wait in the outbox for the .xlsx. */
  smsGateway: string | null;
  smsSender: string;
  /** smtp(s)://user:pass@host:port, or null: no e-mail. */
  smtpUrl: string | null;
  mailFrom: string | null;
  quietHours: QuietHours | null;
  /**
   * How long a message in doubt (handed to a gateway, no answer recorded) waits for a receipt naming its
   * reference before it is sent again with the same reference (default IN_DOUBT_MS).
   */
  inDoubtMs?: number;
  /** How long a claimed message is held by its sender before another may take it up (default LEASE_MS). */
  leaseMs?: number;
}

/** Ten minutes: receipts a gateway held for us while no session was bound come on the next bind, in seconds. */
export const IN_DOUBT_MS = 600_000;

export const OUTBOX_EVERY_MS = 5_000;
export { LEASE_MS } from './lease.ts';
/** Messages in flight at once per process: enough to keep the gateway busy while the database settles the last. */
const WINDOW = 4;

export interface Outbound {
  gateways: Partial<Record<OutboxChannel, Gateway>>;
  quietHours: QuietHours | null;
  /** One run of the job: settle what a dead process held, plan today's contacts, send what is due. */
  tick(now: Date, budgetMs?: number): Promise<{ sent: number }>;
  /** The text of a message, link included (derived, never stored). */
  textOf(kind: MessageKind, roundId: string, uscc: string, generation: number): string;
  close(): Promise<void>;
}

export function makeOutbound(opts: {
  db: Db;
  settings: OutboundSettings;
  links: LinkMaker;
  sender: Sender;
  timeZone: string;
  now: () => Date;
  log: (msg: string) => void;
  owner?: string;
}): Outbound {
  const { db, settings, links, sender, timeZone } = opts;
  const inDoubtMs = settings.inDoubtMs ?? IN_DOUBT_MS;
  const leaseMs = settings.leaseMs ?? LEASE_MS;
  const owner = opts.owner ?? newOwner();
  const events: GatewayEvents = {
    async receipt(gatewayId, state, reason, ref) {
      // The receipt can outrun the row's own update after submit_sm_resp: look again a few times. A message
      // in doubt has no gateway id: the reference the receipt echoes finds it.
      for (let i = 0; i < 10; i++) {
        if (await q.applyReceipt(db, 'sms', gatewayId, receiptValues(state, reason, opts.now()), opts.now(), ref?.reference)) return;
        const values = { status: state, reason: state === 'delivered' ? null : reason };
        if (ref && (await q.applyReceiptByReference(db, ref.reference, ref.mobile, gatewayId, values, opts.now()))) return;
        await new Promise((r) => setTimeout(r, 200));
      }
    },
    optOut: (mobile) => q.optOutMobile(db, mobile, opts.now()),
  };
  const gateways: Partial<Record<OutboxChannel, Gateway>> = {};
  const smpp = settings.smsGateway ? parseSmppUrl(settings.smsGateway) : null;
  if (smpp) gateways.sms = smppGateway({ ...smpp, sender: settings.smsSender }, events, opts.log);
  if (settings.smtpUrl && settings.mailFrom) gateways.email = smtpGateway(settings.smtpUrl, settings.mailFrom);

  const linkOf = (roundId: string, uscc: string, generation: number) => links.link(links.token(roundId, uscc, generation));
  const textOf = (kind: MessageKind, roundId: string, uscc: string, generation: number) =>
    messageText(kind, sender, linkOf(roundId, uscc, generation));

  async function plan(now: Date) {
    const quiet = isQuiet(settings.quietHours, now, timeZone);
    const day = cityDay(now, timeZone);
    // SMS are planned only outside quiet hours, so that each is sent on the day it counts for.
    const channels: OutboxChannel[] = [...(quiet ? [] : ['sms' as const]), ...(gateways.email ? ['email' as const] : [])];
    for (const round of await q.openRounds(db, now)) {
      const reminder = reminderDue(round.plan, round.openedAt ?? now, round.closesAt, now, timeZone);
      if (!round.plan.invitation && !reminder) continue;
      const firms = await q.contactableInvitations(db, round.id);
      for (const channel of channels) {
        const reachable = firms
          .filter((f) => (channel === 'sms' ? !f.optedOut && normaliseMobile(f.phone) : f.email && isEmail(f.email)))
          .map((f) => f.id);
        const invited = round.plan.invitation ? await q.invitedIds(db, round.id, channel) : new Set<number>();
        if (round.plan.invitation)
          await q.queueMessages(
            db,
            round.id,
            channel,
            'invitation',
            reachable.filter((id) => !invited.has(id)),
            day,
            now,
            now,
          );
        if (reminder)
          await q.queueMessages(
            db,
            round.id,
            channel,
            reminder,
            reachable.filter((id) => invited.has(id) || !round.plan.invitation),
            day,
            now,
            now,
          );
      }
    }
  }

  async function sendOne(now: () => Date, channels: OutboxChannel[]): Promise<boolean> {
    const m = await q.claimNext(db, channels, owner, now(), leaseMs);
    if (!m) return false;
    const gateway = gateways[m.channel]!;
    const to = m.channel === 'sms' ? normaliseMobile(m.contact_phone) : m.contact_email;
    const result = !to
      ? { outcome: 'refused' as const, reason: m.channel === 'sms' ? 'no mobile number' : 'no e-mail address' }
      : m.channel === 'sms'
        ? await gateway.send({ id: m.id, to, text: textOf(m.kind, m.round_id, m.uscc, m.generation) })
        : await gateway.send({ id: m.id, to, ...mailOf(m.kind, sender, linkOf(m.round_id, m.uscc, m.generation)) });
    const at = now();
    if (result.outcome === 'taken')
      await q.settle(db, m.id, owner, { status: 'sent', gatewayId: result.gatewayId, sentAt: at, reason: null }, at);
    else if (result.outcome === 'refused') await q.settle(db, m.id, owner, { status: 'refused', reason: result.reason }, at);
    // In doubt: the gateway may have it. Sent again (same reference) only if no receipt names it in time.
    else if (result.outcome === 'unknown')
      await q.settle(db, m.id, owner, { status: 'failed', reason: result.reason, dueAt: new Date(at.getTime() + inDoubtMs) }, at);
    else
      await q.settle(
        db,
        m.id,
        owner,
        { status: 'failed', reason: result.reason, dueAt: new Date(at.getTime() + retryDelayMs(m.attempts)) },
        at,
      );
    return true;
  }

  return {
    gateways,
    quietHours: settings.quietHours,
    textOf,
    async tick(now, budgetMs = 20_000) {
      const started = Date.now();
      await q.settleInterrupted(db, now, inDoubtMs);
      await q.cancelStale(db, now);
      await plan(now);
      const channels = (Object.keys(gateways) as OutboxChannel[]).filter(
        (c) => c !== 'sms' || !isQuiet(settings.quietHours, now, timeZone),
      );
      let sent = 0;
      // The job's `now` is when the run began: a long batch takes the clock forward for leases and times.
      const clock = () => new Date(now.getTime() + (Date.now() - started));
      await Promise.all(
        Array.from({ length: WINDOW }, async () => {
          while (Date.now() - started < budgetMs && (await sendOne(clock, channels))) sent++;
        }),
      );
      return { sent };
    },
    async close() {
      await Promise.all(Object.values(gateways).map((g) => g.close()));
    },
  };
}

function receiptValues(state: ReceiptState, reason: string, now: Date) {
  return state === 'delivered' ? { status: 'delivered' as const, deliveredAt: now, reason: null } : { status: state, reason };
}
