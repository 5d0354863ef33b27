/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015.
 *
 * 18 characters over a 31-character alphabet (digits and capitals without I, O, Z, S, V):
 *   1      registration authority (9 = 工商 / market regulation)
 *   2      entity type under that authority (1 enterprise, 2 individual business, 3 farmers' coop)
 *   3–8    administrative division code (e.g. 429004 仙桃市)
 *   9–17   organisation code (GB 11714; its 9th char is its own check char — not validated here)
 *   18     check char over the first 17 (validated here)
 *
 * Browser-safe: no node imports.
 */
import { z } from 'zod';

export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Weights for positions 1–17: 3^(i) mod 31. */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

const VALUE: ReadonlyMap<string, number> = new Map([...USCC_ALPHABET].map((ch, i) => [ch, i] as const));

export const USCC_LENGTH = 18;

export type UsccFailureReason = 'length' | 'charset' | 'check_digit';

export type UsccValidation = { ok: true; uscc: string } | { ok: false; reason: UsccFailureReason; message: string };

/**
 * The 18th (check) character for the first 17 characters of a code.
 * Throws if `first17` is not 17 characters of the alphabet (upper case).
 */
export function usccCheckChar(first17: string): string {
  if (first17.length !== 17) {
    throw new RangeError(`usccCheckChar expects 17 characters, got ${first17.length}`);
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const ch = first17[i] as string;
    const v = VALUE.get(ch);
    if (v === undefined) throw new RangeError(`character '${ch}' at position ${i + 1} is not in the USCC alphabet`);
    sum += v * (WEIGHTS[i] as number);
  }
  const c = (31 - (sum % 31)) % 31;
  return USCC_ALPHABET[c] as string;
}

/** Validates a code; trims surrounding whitespace and upper-cases before checking. */
export function validateUscc(input: string): UsccValidation {
  const s = String(input).trim().toUpperCase();
  if (s.length !== USCC_LENGTH) {
    return { ok: false, reason: 'length', message: `must be ${USCC_LENGTH} characters, got ${s.length}` };
  }
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string;
    if (!VALUE.has(ch)) {
      return {
        ok: false,
        reason: 'charset',
        message: `character '${ch}' at position ${i + 1} is not allowed (digits and capital letters except I, O, Z, S, V)`,
      };
    }
  }
  const expected = usccCheckChar(s.slice(0, 17));
  if (s[17] !== expected) {
    return { ok: false, reason: 'check_digit', message: `check character is '${s[17]}', expected '${expected}'` };
  }
  return { ok: true, uscc: s };
}

export function isValidUscc(s: string): boolean {
  return typeof s === 'string' && validateUscc(s).ok;
}

/**
 * Builds a valid code by appending the check char. `body15` is the 15 characters after the
 * two-character registration prefix (division 6 + organisation code 9), and `prefix` the registration
 * authority + entity type ('91' enterprise, '92' individual business, '93' farmers' coop).
 * A full 17-character body is also accepted (then `prefix` is ignored). Lower case is accepted.
 * Example: makeUscc('429004MA4F0ABC1') → '91429004MA4F0ABC1' + check char.
 * Throws RangeError on a wrong length or a character outside the alphabet.
 */
export function makeUscc(body15: string, prefix = '91'): string {
  let b = body15.trim().toUpperCase();
  if (b.length === 15) b = prefix.toUpperCase() + b;
  if (b.length !== 17) throw new RangeError(`makeUscc expects 15 (or 17) characters, got ${body15.length}`);
  return b + usccCheckChar(b);
}

/** zod schema: trims, upper-cases and validates; output is the normalised code. */
export const usccSchema = z.string().transform((value, ctx) => {
  const r = validateUscc(value);
  if (!r.ok) {
    ctx.addIssue({ code: 'custom', message: `invalid unified social credit code (${r.message})`, params: { reason: r.reason } });
    return z.NEVER;
  }
  return r.uscc;
});
