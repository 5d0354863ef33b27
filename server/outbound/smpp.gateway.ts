// SMS over SMPP 3.4 (the `smpp` package): one transceiver session per process, bound on start and rebound
// after a drop, so that delivery receipts and replies (deliver_sm) reach us between sends too.
import smpp, { type PDU, type Session } from 'smpp';
import { normaliseMobile } from '#shared/outbound/phone.ts';
import { isOptOut } from '#shared/outbound/template.ts';
import {
  IN_DOUBT,
  smsReference,
  type Gateway,
  type GatewayEvents,
  type OutboundMessage,
  type ReceiptState,
  type SendOutcome,
} from './gateway.ts';
import type { SmppSettings } from './smpp-url.ts';

const TIMEOUT_MS = 15_000;
const RECONNECT_MS = 5_000;
const errorName = (status: number) => Object.entries(smpp.errors).find(([, v]) => v === status)?.[0] ?? `0x${status.toString(16)}`;
// The number itself is wrong: trying again cannot help.
const PERMANENT = new Set([0x0b, 0x50, 0x51]);

/** A receipt's final state (SMPP 3.4 appendix B: stat:DELIVRD …, or the message_state TLV). */
export function receiptState(stat: string): ReceiptState | null {
  switch (stat.toUpperCase()) {
    case 'DELIVRD':
      return 'delivered';
    case 'REJECTD':
      return 'refused';
    case 'UNDELIV':
    case 'EXPIRED':
    case 'DELETED':
    case 'UNKNOWN':
      return 'failed';
    default:
      return null;
  }
}
const MESSAGE_STATES: Record<number, string> = { 2: 'DELIVRD', 3: 'EXPIRED', 4: 'DELETED', 5: 'UNDELIV', 7: 'UNKNOWN', 8: 'REJECTD' };

const textOf = (pdu: PDU): string => {
  const v = (pdu.message_payload ?? pdu.short_message) as { message?: unknown } | string | Buffer | undefined;
  if (typeof v === 'string') return v;
  if (Buffer.isBuffer(v)) return v.toString('latin1');
  return typeof v?.message === 'string' ? v.message : Buffer.isBuffer(v?.message) ? v.message.toString('latin1') : '';
};

export function smppGateway(settings: SmppSettings, events: GatewayEvents, log: (msg: string) => void): Gateway {
  let session: Session | null = null;
  let bound: Promise<Session> | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;

  // A receipt or reply is acknowledged only once it is recorded: one we could not record (the database, or a
  // crash before the answer) the gateway hands over again (ESME_RX_T_APPN: try later; or on the next bind).
  const onDeliver = (s: Session, pdu: PDU) => {
    const text = textOf(pdu);
    const recorded = (what: string, done: Promise<void>) =>
      done.then(
        () => s.send(pdu.response()),
        (err: Error) => {
          log(`smpp: ${what} could not be recorded: ${err.message}`);
          s.send(pdu.response({ command_status: smpp.errors.ESME_RX_T_APPN }));
        },
      );
    if ((Number(pdu.esm_class) & smpp.ESM_CLASS.MC_DELIVERY_RECEIPT) !== 0) {
      const id = (pdu.receipted_message_id as string | undefined) ?? /id:(\S+)/i.exec(text)?.[1];
      const stat =
        (typeof pdu.message_state === 'number' ? MESSAGE_STATES[pdu.message_state] : undefined) ?? /stat:(\w+)/i.exec(text)?.[1] ?? '';
      const state = receiptState(stat);
      // The reference we gave (user_message_reference), echoed: names a message whose submit_sm_resp was lost.
      const reference = typeof pdu.user_message_reference === 'number' ? pdu.user_message_reference : null;
      const ref = reference === null ? undefined : { reference, mobile: normaliseMobile(String(pdu.source_addr ?? '')) };
      if (id && state) void recorded('a receipt', events.receipt(id, state, `receipt: ${stat.toUpperCase()}`, ref));
      else s.send(pdu.response());
      return;
    }
    const from = normaliseMobile(String(pdu.source_addr ?? ''));
    if (from && isOptOut(text)) void recorded('an opt-out', events.optOut(from));
    else s.send(pdu.response());
  };

  const connect = () => {
    bound = new Promise<Session>((resolve, reject) => {
      const s = smpp.connect({ host: settings.host, port: settings.port, auto_enquire_link_period: 30_000 });
      session = s;
      const timer = setTimeout(() => {
        s.destroy();
        reject(new Error('connect: timed out'));
      }, TIMEOUT_MS);
      s.on('error', (err: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        reject(new Error(`connect: ${err.code ?? err.message}`));
      });
      s.on('close', () => {
        clearTimeout(timer);
        reject(new Error('connect: closed by the gateway'));
        if (session === s) {
          session = null;
          bound = null;
        }
        if (!closed && !retry)
          retry = setTimeout(() => {
            retry = null;
            if (!closed && !bound) connect().catch(() => undefined);
          }, RECONNECT_MS);
      });
      s.on('connect', () => {
        s.bind_transceiver({ system_id: settings.systemId, password: settings.password }, (pdu) => {
          clearTimeout(timer);
          if (pdu.command_status !== 0) {
            reject(new Error(`bind refused: ${errorName(pdu.command_status)}`));
            s.close();
            return;
          }
          resolve(s);
        });
      });
      s.on('deliver_sm', (pdu: PDU) => onDeliver(s, pdu));
      s.on('enquire_link', (pdu: PDU) => s.send(pdu.response()));
      s.on('unbind', (pdu: PDU) => {
        s.send(pdu.response());
        s.close();
      });
    });
    return bound;
  };

  // Bind at once, so receipts and replies are heard before the first send.
  connect().catch((err: Error) => log(`smpp: ${err.message}; retrying`));

  return {
    channel: 'sms',
    async send(message: OutboundMessage): Promise<SendOutcome> {
      let s: Session;
      try {
        s = await (bound ?? connect());
      } catch (err) {
        return { outcome: 'failed', reason: (err as Error).message };
      }
      return new Promise<SendOutcome>((resolve) => {
        const lost = () => {
          clearTimeout(timer);
          resolve({ outcome: 'unknown', reason: `${IN_DOUBT}: the connection closed before the gateway answered` });
        };
        const timer = setTimeout(() => {
          s.off('close', lost);
          resolve({ outcome: 'unknown', reason: `${IN_DOUBT}: no answer from the gateway` });
        }, TIMEOUT_MS);
        s.once('close', lost);
        const written = s.submit_sm(
          {
            source_addr: settings.sender,
            destination_addr: message.to,
            registered_delivery: 1,
            // The same on every attempt: a gateway that dedupes on it (with the number) sends a resend once,
            // and its receipt names it even when our submit_sm_resp was lost.
            user_message_reference: smsReference(message.id),
            // The whole text in one PDU: the gateway splits it into segments (SMPP 3.4 §5.3.2.32).
            message_payload: message.text,
          },
          (pdu) => {
            clearTimeout(timer);
            s.off('close', lost);
            if (pdu.command_status === 0) resolve({ outcome: 'taken', gatewayId: String(pdu.message_id) });
            else if (PERMANENT.has(pdu.command_status)) resolve({ outcome: 'refused', reason: errorName(pdu.command_status) });
            else resolve({ outcome: 'failed', reason: errorName(pdu.command_status) });
          },
        );
        if (!written) {
          clearTimeout(timer);
          s.off('close', lost);
          resolve({ outcome: 'failed', reason: 'submit: the connection is closed' });
        }
      });
    },
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const s = session;
      if (!s) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => s.destroy(() => resolve()), 1_000);
        s.on('close', () => {
          clearTimeout(timer);
          resolve();
        });
        if (!s.unbind()) s.destroy();
      });
    },
  };
}
