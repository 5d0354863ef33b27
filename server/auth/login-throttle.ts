// Login failures slow down the account itself, whatever address they come from: after a few free
// attempts each further failure doubles the wait, so rotating addresses buys nothing. (The per-address
// limit is the route's rate limit.) In memory and per process, like the survey's token guard.
import { AppError } from '../errors.ts';

export const FREE_FAILURES = 5;
const BASE_DELAY_MS = 1_000;
const MAX_DELAY_MS = 15 * 60_000;
const FORGET_AFTER_MS = 60 * 60_000;
const MAX_ENTRIES = 10_000;

interface Entry { failures: number; lockedUntil: number; lastFailure: number }

export class AccountThrottled extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, 'rate_limited', `Too many failed logins for this account; try again in ${retryAfterSeconds} s`, { retryAfterSeconds });
  }
}

/** The wait after the n-th consecutive failure (n counted from 1). */
export const delayAfter = (failures: number) =>
  failures <= FREE_FAILURES ? 0 : Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (failures - FREE_FAILURES - 1));

export function makeLoginThrottle(now: () => number) {
  const accounts = new Map<string, Entry>();
  const key = (username: string) => username.trim().toLowerCase();
  return {
    /** Throws while the account is waiting out its backoff. */
    check(username: string) {
      const entry = accounts.get(key(username));
      const wait = entry ? entry.lockedUntil - now() : 0;
      if (wait > 0) throw new AccountThrottled(Math.ceil(wait / 1000));
    },
    failure(username: string) {
      const t = now();
      if (accounts.size >= MAX_ENTRIES) for (const [k, v] of accounts) if (t - v.lastFailure > FORGET_AFTER_MS) accounts.delete(k);
      const k = key(username);
      const previous = accounts.get(k);
      const failures = previous && t - previous.lastFailure <= FORGET_AFTER_MS ? previous.failures + 1 : 1;
      accounts.set(k, { failures, lockedUntil: t + delayAfter(failures), lastFailure: t });
    },
    success(username: string) {
      accounts.delete(key(username));
    },
  };
}
export type LoginThrottle = ReturnType<typeof makeLoginThrottle>;
