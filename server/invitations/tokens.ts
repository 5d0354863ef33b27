// Personal links: 128-bit tokens derived from a server key, stored only as a SHA-256 hash.
// Deriving (rather than storing) lets an admin export the links again without the database ever
// holding a usable token; regenerating bumps the generation, so the old link stops working.
import { createHash, createHmac, hkdfSync } from 'node:crypto';

export interface LinkMaker {
  token(roundId: string, uscc: string, generation: number): string;
  link(token: string): string;
}

export function makeLinkMaker(secret: string, publicBaseUrl: string): LinkMaker {
  const key = Buffer.from(hkdfSync('sha256', secret, 'pingyi', 'invitation-links-v1', 32));
  return {
    token: (roundId, uscc, generation) =>
      createHmac('sha256', key).update(`${roundId}\n${uscc}\n${generation}`).digest().subarray(0, 16).toString('base64url'),
    link: (token) => `${publicBaseUrl}/s/${token}`,
  };
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Shape check before any lookup: 22 base64url characters (128 bits). */
export const looksLikeToken = (token: string) => /^[A-Za-z0-9_-]{22}$/.test(token);
