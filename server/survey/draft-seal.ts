// Drafts are sealed with a key derived from the link's token. The server stores only the token's
// hash, so a dump of the database (without the token) shows no draft answers.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { draftSchema, type Draft } from '#shared/survey.ts';

const VERSION = 'v1';
const keyOf = (token: string) => Buffer.from(hkdfSync('sha256', token, 'pingyi', 'draft-seal-v1', 32));

export function sealDraft(token: string, draft: Draft): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(token), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(draft), 'utf8'), cipher.final()]);
  return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
}

/** The draft, or null when there is none or it does not open with this token (an old link's draft). */
export function openDraft(token: string, sealed: string | null): Draft | null {
  if (!sealed?.startsWith(`${VERSION}.`)) return null;
  try {
    const raw = Buffer.from(sealed.slice(VERSION.length + 1), 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', keyOf(token), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    const text = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    const parsed = draftSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
