// This phone's copy, per link: the draft (a fallback: the server keeps the real one), the submission
// id of the pending attempt (so a retry after a lost reply is the same submission) and the receipt.
// Storage can be blocked or isolated (private mode, WeChat's in-app browser): every call may fail.
import type { Draft } from '#shared/survey.ts';

const PREFIX = 'pingyi.survey.';
const memory = new Map<string, string>(); // when storage is blocked, keep at least this page's values

function read(key: string): unknown {
  let text: string | null | undefined;
  try {
    text = window.localStorage.getItem(PREFIX + key);
  } catch {
    text = undefined;
  }
  text ??= memory.get(key) ?? null;
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** True when the value reached local storage (not only this page's memory). */
function write(key: string, value: unknown): boolean {
  const text = JSON.stringify(value);
  memory.set(key, text);
  try {
    window.localStorage.setItem(PREFIX + key, text);
    return true;
  } catch {
    return false;
  }
}

function remove(key: string): void {
  memory.delete(key);
  try {
    window.localStorage.removeItem(PREFIX + key);
  } catch {
    // nothing to remove
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

export interface LocalDraft {
  /** When the answers last changed on this phone (ms). */
  changedAt: number;
  /** True until the server has confirmed this version. */
  dirty: boolean;
  draft: Draft;
}

export const localDraft = {
  load(token: string): LocalDraft | null {
    const v = read(`${token}.draft`);
    if (!isObject(v) || typeof v.changedAt !== 'number' || typeof v.dirty !== 'boolean' || !isObject(v.draft)) return null;
    return { changedAt: v.changedAt, dirty: v.dirty, draft: v.draft as Draft }; // fromDraft() sanitises it
  },
  save: (token: string, value: LocalDraft): boolean => write(`${token}.draft`, value),
  clear: (token: string): void => remove(`${token}.draft`),
};

function uuid(): string {
  const c = globalThis.crypto;
  if (typeof c.randomUUID === 'function') return c.randomUUID();
  // randomUUID needs a secure context; getRandomValues does not.
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The id of an attempt that may have reached the server (its reply lost), if any. */
export function pendingSubmissionId(token: string): string | null {
  const stored = read(`${token}.submission`);
  return typeof stored === 'string' && /^[0-9a-f-]{36}$/i.test(stored) ? stored : null;
}

/** One id per link until a submission succeeds: retrying with it returns the first answer, never a second response. */
export function submissionIdFor(token: string): string {
  const stored = pendingSubmissionId(token);
  if (stored) return stored;
  const id = uuid();
  write(`${token}.submission`, id);
  return id;
}

export interface StoredReceipt {
  receipt: string;
  submittedAt: string;
  roundId: string;
}

/** The receipt code of the pending attempt (see receiptCode.ts), kept beside its submission id. */
export const attemptStore = {
  readReceiptCode: (token: string): string | null => {
    const v = read(`${token}.receiptCode`);
    return typeof v === 'string' ? v : null;
  },
  writeReceiptCode: (token: string, code: string): boolean => write(`${token}.receiptCode`, code),
};

export const localReceipt = {
  load(token: string): StoredReceipt | null {
    const v = read(`${token}.receipt`);
    if (!isObject(v) || typeof v.receipt !== 'string' || typeof v.submittedAt !== 'string' || typeof v.roundId !== 'string') return null;
    return { receipt: v.receipt, submittedAt: v.submittedAt, roundId: v.roundId };
  },
  /** After a submission: keep the receipt, forget the answers and the attempt's id. */
  saveAfterSubmit(token: string, value: StoredReceipt): void {
    write(`${token}.receipt`, value);
    remove(`${token}.draft`);
    remove(`${token}.submission`);
    remove(`${token}.receiptCode`);
  },
  /** Submitted from elsewhere: this phone's answers and attempt are of no more use. */
  forgetAttempt(token: string): void {
    remove(`${token}.draft`);
    remove(`${token}.submission`);
    remove(`${token}.receiptCode`);
  },
};
