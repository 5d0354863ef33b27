// Login failures from unknown browsers slow down the account itself, whatever address they come from:
// after a few free attempts each further failure doubles the wait, so rotating addresses buys nothing.
// A browser with a valid device cookie for the account (device-cookie.ts) is not held by that wait: it
// has its own small failure count, and once that runs out the cookie is locked and the browser counts as
// unknown again (OWASP's device-cookie scheme). The per-address limit is the route's rate limit.
// The failure counts sit in the database (login-failures.ts), shared by every replica.
import { AppError } from '../errors.ts';

export const FREE_FAILURES = 5;
const BASE_DELAY_MS = 1_000;
const MAX_DELAY_MS = 15 * 60_000;
export const FORGET_AFTER_MS = 60 * 60_000;
/** Failures a device cookie may have (within an hour of each other) before it is locked. */
export const DEVICE_FREE_FAILURES = 5;
/** How long a device cookie that ran out of failures stays locked. */
export const DEVICE_LOCK_MS = 60 * 60_000;

export class AccountThrottled extends AppError {
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number) {
    super(429, 'rate_limited', `Too many failed logins for this account; try again in ${retryAfterSeconds} s`, { retryAfterSeconds });
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** How a login attempt was let in: as the browser of a device cookie, or as an unknown browser. */
export type Admission = { kind: 'device'; nonce: string } | { kind: 'unknown' };

export interface LoginThrottle {
  /** Lets the attempt in and says as what; throws AccountThrottled while it must wait. */
  admit(username: string, deviceNonce: string | null): Promise<Admission>;
  failure(username: string, admission: Admission): Promise<void>;
  success(username: string, admission: Admission): Promise<void>;
}

/** Usernames are compared as typed, trimmed and lower-cased. */
export const accountKey = (username: string) => username.trim().toLowerCase();

/** The wait after the n-th consecutive failure (n counted from 1). */
export const delayAfter = (failures: number) =>
  failures <= FREE_FAILURES ? 0 : Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (failures - FREE_FAILURES - 1));

/** Consecutive failures per key, each setting a wait (the store forgets a count an hour old). */
export interface FailureBook {
  /** Milliseconds the key must still wait (0 or less: none). */
  wait(key: string): Promise<number>;
  fail(key: string): Promise<void>;
  clear(key: string): Promise<void>;
}
export type FailureBooks = (book: 'account' | 'device', waitAfter: (failures: number) => number) => FailureBook;

export function makeLoginThrottle(books: FailureBooks): LoginThrottle {
  const unknownBrowsers = books('account', delayAfter);
  const devices = books('device', (failures) => (failures >= DEVICE_FREE_FAILURES ? DEVICE_LOCK_MS : 0));
  const deviceKey = (username: string, nonce: string) => `${accountKey(username)}\n${nonce}`;
  return {
    async admit(username, deviceNonce) {
      if (deviceNonce !== null && (await devices.wait(deviceKey(username, deviceNonce))) <= 0)
        return { kind: 'device', nonce: deviceNonce };
      const wait = await unknownBrowsers.wait(accountKey(username));
      if (wait > 0) throw new AccountThrottled(Math.ceil(wait / 1000));
      return { kind: 'unknown' };
    },
    async failure(username, admission) {
      if (admission.kind === 'device') await devices.fail(deviceKey(username, admission.nonce));
      else await unknownBrowsers.fail(accountKey(username));
    },
    // A known browser's success leaves the unknown browsers' wait alone: it must not lift an attack's lockout.
    async success(username, admission) {
      if (admission.kind === 'device') await devices.clear(deviceKey(username, admission.nonce));
      else await unknownBrowsers.clear(accountKey(username));
    },
  };
}
