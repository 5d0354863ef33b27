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
}

export interface Smsc {
  port: number;
  url: string;
  received: SmsReceived[];
  /** Numbers the SMSC refuses (submit_sm_resp ESME_RINVDSTADR). */
  refuse: Set<string>;
  /** Called on each submit before it is answered (the crash test kills the app from here). */
  onSubmit?: (sms: SmsReceived) => void;
  /** A delivery receipt (deliver_sm, esm_class 0x04) for a message this SMSC took. */
  receipt(id: string, stat: 'DELIVRD' | 'UNDELIV' | 'REJECTD'): Promise<void>;
  /** A reply from a handset (mobile-originated deliver_sm). */
  reply(from: string, text: string): Promise<void>;
  /** Sessions bound right now. */
  bound(): number;
  close(): Promise<void>;
}

export async function startSmsc(opts: { systemId?: string; password?: string; port?: number } = {}): Promise<Smsc> {
  const sessions = new Set<Session>();
  let next = 1;
  const smsc: Smsc = {
    port: 0,
    url: '',
    received: [],
    refuse: new Set(),
    receipt: (id, stat) =>
      deliver({
        esm_class: smpp.ESM_CLASS.MC_DELIVERY_RECEIPT,
        receipted_message_id: id,
        source_addr: '',
        destination_addr: '',
        short_message: `id:${id} sub:001 dlvrd:001 submit date:2603011000 done date:2603011000 stat:${stat} err:000 text:`,
      }),
    reply: (from, text) => deliver({ source_addr: from, destination_addr: '106900', short_message: text }),
    bound: () => sessions.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sessions) s.destroy();
        server.close(() => resolve());
      }),
  };
  const deliver = async (fields: Record<string, unknown>) => {
    const s = [...sessions][0];
    if (!s) throw new Error('no session bound');
    await new Promise<void>((resolve, reject) => {
      s.deliver_sm(fields, (pdu) => (pdu.command_status === 0 ? resolve() : reject(new Error(`deliver_sm: ${pdu.command_status}`))));
    });
  };
  const server = smpp.createServer((session: Session) => {
    session.on('error', () => undefined);
    session.on('bind_transceiver', (pdu: PDU) => {
      if (pdu.system_id !== (opts.systemId ?? 'pingyi') || pdu.password !== (opts.password ?? 'secret')) {
        session.send(pdu.response({ command_status: smpp.errors.ESME_RBINDFAIL }));
        session.close();
        return;
      }
      sessions.add(session);
      session.on('close', () => sessions.delete(session));
      session.send(pdu.response());
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
      const sms = { to, from: String(pdu.source_addr), text: payload.message, id: `M${next++}` };
      smsc.received.push(sms);
      smsc.onSubmit?.(sms);
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
