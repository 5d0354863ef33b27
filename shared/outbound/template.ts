// The texts: a template per kind with the city's and office's names and the help phone, at most 70
// characters besides the link, so that with a short link the message still fits one or two segments.
import type { MessageKind } from './vocabulary.ts';

export const SMS_TEXT_MAX = 70;

export interface Sender {
  city: string;
  office: string;
  helpPhone: string;
}

const bodies: Record<MessageKind, (s: Sender) => string> = {
  invitation: (s) => `【${s.city}】${s.office}邀请贵企业参加营商环境评议，匿名填写：`,
  reminder: (s) => `【${s.city}】营商环境评议尚未收到贵企业意见，请填写：`,
  final_reminder: (s) => `【${s.city}】营商环境评议明天截止，请尽快填写：`,
};
const tail = (s: Sender) => ` 咨询${s.helpPhone}，回复TD退订`;

/** Characters as a phone counts them (code points). */
export const textLength = (text: string) => [...text].length;

/** The message without its link; the office's name is shortened with "…" when the whole would pass the limit. */
export function messageBody(kind: MessageKind, sender: Sender): { before: string; after: string } {
  const after = tail(sender);
  let office = sender.office;
  let before = bodies[kind]({ ...sender, office });
  while (textLength(before) + textLength(after) > SMS_TEXT_MAX && textLength(office) > 2) {
    office = `${[...office].slice(0, textLength(office) - 2).join('')}…`;
    before = bodies[kind]({ ...sender, office });
  }
  return { before, after };
}

/** The SMS: body, link, help phone and how to opt out. */
export function messageText(kind: MessageKind, sender: Sender, link: string): string {
  const { before, after } = messageBody(kind, sender);
  return `${before}${link}${after}`;
}

/** The e-mail: a subject and the same text, with a line on anonymity. */
export function mailOf(kind: MessageKind, sender: Sender, link: string): { subject: string; text: string } {
  const subject = kind === 'invitation' ? `${sender.city}营商环境评议邀请` : `${sender.city}营商环境评议提醒`;
  return { subject, text: `${messageText(kind, sender, link)}\n\n答卷匿名，只用于评议部门服务。${sender.office}` };
}

/** Inbound texts that opt the firm out: TD, T, 退订 (any case, spaces and punctuation ignored). */
export const isOptOut = (text: string) => /^(td|t|退订)$/i.test(text.replace(/[\s.。!！]/g, ''));
