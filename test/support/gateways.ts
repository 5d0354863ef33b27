// Real gateways in the test process: an SMPP 3.4 SMSC (the `smpp` package's server) and an SMTP server
// (`smtp-server`). They record what reaches them and can answer as real ones do: receipts, replies, refusals.
import type { AddressInfo } from 'node:net';
import smpp, { type PDU, type Session } from 'smpp';
import { SMTPServer } from 'smtp-server';

export interface SmsReceived {
  to: string;
  from: string;
  text: string;
  id: string;
  /** The sender's user_message_reference (the outbox row's reference), if it gave one. */
  reference: number | null;
}

export interface Smsc {
  port: number;
  url: string;
  /** Every message it took, once: a resend it recognised (same number and reference) is not here again. */
  received: SmsReceived[];
  /** Resends it recognised and answered with the first one's id, sending nothing (a deduping gateway). */
  duplicates: SmsReceived[];
  /** Numbers the SMSC refuses (submit_sm_resp ESME_RINVDSTADR). */
  refuse: Set<string>;
  /**
   * Called on each submit it takes, before it is answered; `'hold'` leaves the submit unanswered (the answer
   * lost, as when the sender dies just then: the crash test kills the app from here).
   */
  onSubmit?: (sms: SmsReceived) => 'hold' | undefined;
  /** A delivery receipt (deliver_sm, esm_class 0x04) for a message this SMSC took, echoing its reference. */
  receipt(id: string, stat: 'DELIVRD' | 'UNDELIV' | 'REJECTD'): Promise<void>;
  /** A reply from a handset (mobile-originated deliver_sm). */
  reply(from: string, text: string): Promise<void>;
  /** Receipts waiting for a bound session (a real SMSC keeps them for the account until it binds again). */
  heldReceipts(): number;
  /** Sessions bound right now. */
  bound(): number;
  /** Drops every session's connection at once (the client binds again), keeping what it took. */
  drop(): void;
  close(): Promise<void>;
}

/**
 * An SMSC that behaves as the outbox needs a real gateway to (README, "Exactly once"): it dedupes submits on
 * the destination and `user_message_reference`, its receipts echo the reference and the handset, and receipts
 * it cannot hand over (no session bound, or the session died before answering) wait for the next bind.
 * `receiptAfterMs`: send each taken message's DELIVRD receipt by itself after this delay.
 */
export async function startSmsc(
  opts: { systemId?: string; password?: string; port?: number; receiptAfterMs?: number } = {},
): Promise<Smsc> {
  const sessions = new Set<Session>();
  const taken = new Map<string, SmsReceived>();
  const byReference = new Map<string, SmsReceived>();
  const waiting: Record<string, unknown>[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let next = 1;
  let closed = false;
  const receiptFields = (sms: SmsReceived, stat: string) => ({
    esm_class: smpp.ESM_CLASS.MC_DELIVERY_RECEIPT,
    receipted_message_id: sms.id,
    ...(sms.reference === null ? {} : { user_message_reference: sms.reference }),
    source_addr: sms.to,
    destination_addr: sms.from,
    short_message: `id:${sms.id} sub:001 dlvrd:001 submit date:2603011000 done date:2603011000 stat:${stat} err:000 text:`,
  });
  // Hands a deliver_sm to a bound session; one not answered (no session, or it closed first) waits for a bind.
  const handOver = (fields: Record<string, unknown>) =>
    new Promise<void>((resolve) => {
      const s = [...sessions][0];
      if (!s || closed) {
        waiting.push(fields);
        resolve();
        return;
      }
      const lost = () => {
        waiting.push(fields);
        resolve();
      };
      s.once('close', lost);
      const written = s.deliver_sm(fields, () => {
        s.off('close', lost);
        resolve();
      });
      if (!written) {
        s.off('close', lost);
        lost();
      }
    });
  const smsc: Smsc = {
    port: 0,
    url: '',
    received: [],
    duplicates: [],
    refuse: new Set(),
    receipt: async (id, stat) => {
      const sms = taken.get(id);
      if (!sms) throw new Error(`no message ${id}`);
      await handOver(receiptFields(sms, stat));
    },
    reply: async (from, text) => {
      const s = [...sessions][0];
      if (!s) throw new Error('no session bound');
      await new Promise<void>((resolve, reject) => {
        s.deliver_sm({ source_addr: from, destination_addr: '106900', short_message: text }, (pdu) =>
          pdu.command_status === 0 ? resolve() : reject(new Error(`deliver_sm: ${pdu.command_status}`)),
        );
      });
    },
    heldReceipts: () => waiting.length,
    bound: () => sessions.size,
    drop: () => {
      for (const s of sessions) s.destroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        closed = true;
        for (const t of timers) clearTimeout(t);
        for (const s of sessions) s.destroy();
        server.close(() => resolve());
      }),
  };
  const server = smpp.createServer((session: Session) => {
    session.on('error', () => undefined);
    session.setMaxListeners(0); // a listener per receipt in flight
    session.on('bind_transceiver', (pdu: PDU) => {
      if (pdu.system_id !== (opts.systemId ?? 'pingyi') || pdu.password !== (opts.password ?? 'secret')) {
        session.send(pdu.response({ command_status: smpp.errors.ESME_RBINDFAIL }));
        session.close();
        return;
      }
      sessions.add(session);
      session.on('close', () => sessions.delete(session));
      session.send(pdu.response());
      // What waited for a bind goes out now.
      for (const fields of waiting.splice(0)) void handOver(fields);
    });
    session.on('enquire_link', (pdu: PDU) => session.send(pdu.response()));
    session.on('unbind', (pdu: PDU) => {
      session.send(pdu.response());
      session.close();
    });
    session.on('submit_sm', (pdu: PDU) => {
      const to = String(pdu.destination_addr);
      if (smsc.refuse.has(to)) {
        session.send(pdu.response({ command_status: smpp.errors.ESME_RINVDSTADR }));
        return;
      }
      const payload = (pdu.message_payload ?? pdu.short_message) as { message: string };
      const reference = typeof pdu.user_message_reference === 'number' ? pdu.user_message_reference : null;
      const first = reference === null ? undefined : byReference.get(`${to}/${reference}`);
      if (first) {
        smsc.duplicates.push({ ...first });
        session.send(pdu.response({ message_id: first.id }));
        return;
      }
      const sms = { to, from: String(pdu.source_addr), text: payload.message, id: `M${next++}`, reference };
      smsc.received.push(sms);
      taken.set(sms.id, sms);
      if (reference !== null) byReference.set(`${to}/${reference}`, sms);
      if (opts.receiptAfterMs !== undefined) {
        const timer = setTimeout(() => {
          timers.delete(timer);
          void handOver(receiptFields(sms, 'DELIVRD'));
        }, opts.receiptAfterMs);
        timers.add(timer);
      }
      if (smsc.onSubmit?.(sms) === 'hold') return;
      session.send(pdu.response({ message_id: sms.id }));
    });
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', () => resolve()));
  smsc.port = (server.address() as AddressInfo).port;
  smsc.url = `smpp://${opts.systemId ?? 'pingyi'}:${opts.password ?? 'secret'}@127.0.0.1:${smsc.port}`;
  return smsc;
}

export interface MailReceived {
  to: string[];
  raw: string;
}

export async function startSmtp(): Promise<{
  port: number;
  url: string;
  received: MailReceived[];
  refuse: Set<string>;
  close(): Promise<void>;
}> {
  const received: MailReceived[] = [];
  const refuse = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refuse.has(address.address)) callback(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }));
      else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return { port, url: `smtp://127.0.0.1:${port}`, received, refuse, close: () => new Promise<void>((r) => server.close(() => r())) };
}
