import { randomInt } from 'node:crypto';
import { passwordRuleProblems } from '#shared/password-policy.ts';

// No 0/o, 1/l/i: read aloud or copied from paper without mistakes.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Three groups of four random characters (about 59 bits), e.g. "k7m2-p9xq-3hdw". */
export function oneTimePassword(username: string): string {
  for (;;) {
    const groups = Array.from({ length: 3 }, () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''));
    const password = groups.join('-');
    // Random, so the strength estimate has nothing to find; the rules still keep the username out.
    if (passwordRuleProblems(password, username).length === 0) return password;
  }
}
