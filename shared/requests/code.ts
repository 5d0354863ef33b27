// A request's own code: made by the server at random, shown once to the enterprise, kept only as a hash.
// Never derived from the receipt, so the thread cannot be joined to the response it was raised after.
import { sha256Hex } from '../draw/sha256.ts';

const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
/** Four groups of four (80 bits): too many to guess through the rate limit. */
export const REQUEST_CODE_PATTERN = /^[2-9A-HJ-NP-Z]{4}(?:-[2-9A-HJ-NP-Z]{4}){3}$/;

export function formatRequestCode(random: Uint8Array): string {
  if (random.length < 16) throw new Error('a request code needs 16 random bytes');
  let code = '';
  for (let i = 0; i < 16; i++) code += ALPHABET[random[i]! % 32];
  return code.match(/.{4}/g)!.join('-');
}

/** Typed back forgivingly: case, spaces and dashes do not matter. */
export function normaliseRequestCode(code: string): string {
  const bare = code.toUpperCase().replace(/[^0-9A-Z]/g, '');
  return bare.length === 16 ? bare.match(/.{4}/g)!.join('-') : code.trim().toUpperCase();
}

export const requestCodeHash = (code: string): string => sha256Hex(`request:${normaliseRequestCode(code)}`);
