// E-mail over SMTP with nodemailer, for firms that gave an address.
import type { Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type { Gateway, OutboundMessage, SendOutcome } from './gateway.ts';

/** The Message-ID of an outbox row's mail: the same on every attempt, so a resend is recognisable as one. */
export const messageIdOf = (id: number, from: string) => `<pingyi-outbox-${id}@${/@([^>\s]+)/.exec(from)?.[1] ?? 'pingyi.invalid'}>`;

export function smtpGateway(url: string, from: string): Gateway {
  // Loaded on the first mail: a start without e-mail never reads nodemailer.
  let transport: Promise<Transporter<SMTPTransport.SentMessageInfo>> | undefined;
  const transportOf = () => (transport ??= import('nodemailer').then((m) => m.default.createTransport(url, { from })));
  return {
    channel: 'email',
    async send(message: OutboundMessage): Promise<SendOutcome> {
      try {
        const info = await (await transportOf()).sendMail({
          messageId: messageIdOf(message.id, from),
          to: message.to,
          subject: message.subject ?? '',
          text: message.text,
        });
        if (info.rejected.length) return { outcome: 'refused', reason: `rejected: ${info.response}` };
        return { outcome: 'taken', gatewayId: info.messageId };
      } catch (err) {
        const e = err as { responseCode?: number; code?: string; response?: string; message: string };
        // A 5xx answer to the recipient is final; a refused connection or a 4xx is worth another try.
        const reason = e.response ?? e.code ?? e.message;
        return e.responseCode && e.responseCode >= 500 && e.responseCode < 600
          ? { outcome: 'refused', reason }
          : { outcome: 'failed', reason };
      }
    },
    async close() {
      await transport?.then(
        (t) => t.close(),
        () => undefined,
      );
    },
  };
}
