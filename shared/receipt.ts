// Receipt codes: the survey page makes one at random, keeps it, and sends only its hash with the
// answers, so nothing the server keeps (database, secrets, logs) can recompute a code. The enterprise
// checks "was it counted?" with the code alone. Pure and dependency-free: the page runs the same code.
import { sha256Hex } from './draw/sha256.ts';

/** No 0/O, 1/I: read aloud or typed from a screenshot without ambiguity. 32 symbols, 5 bits each. */
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const RECEIPT_PATTERN = /^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/;
export const RECEIPT_HASH_PATTERN = /^[0-9a-f]{64}$/;

/** A code from 12 random bytes (60 bits used): three groups of four characters, e.g. 7KQ2-M9PX-4TRD. */
export function formatReceipt(random: Uint8Array): string {
  if (random.length < 12) throw new Error('a receipt needs 12 random bytes');
  let code = '';
  for (let i = 0; i < 12; i++) code += ALPHABET[random[i]! % 32];
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8, 12)}`;
}

/** Typed codes are forgiving: case, spaces and missing dashes do not matter. */
export function normaliseReceipt(code: string): string {
  const bare = code.toUpperCase().replace(/[^0-9A-Z]/g, '');
  return bare.length === 12 ? `${bare.slice(0, 4)}-${bare.slice(4, 8)}-${bare.slice(8)}` : code.trim().toUpperCase();
}

/** What the page sends and the server stores: SHA-256 (hex) of the normalised code. */
export const receiptHash = (code: string): string => sha256Hex(normaliseReceipt(code));
