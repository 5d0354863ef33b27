// Four eyes means two people: a password someone else knew (a new account's one-time password, or a
// reset) may have been used by that someone. Its holder replaces it, and only a day later may the
// account approve or decide anything, so the real holder has a day to notice they cannot sign in.

export const DECIDE_WAIT_HOURS = 24;
const DECIDE_WAIT_MS = DECIDE_WAIT_HOURS * 3_600_000;

/**
 * From when an account may approve or decide: `ownPasswordSince` (when its holder replaced the last
 * password someone else set) plus the wait; null while the password is still one someone else set.
 */
export function decidesFrom(ownPasswordSince: Date | null): Date | null {
  return ownPasswordSince ? new Date(ownPasswordSince.getTime() + DECIDE_WAIT_MS) : null;
}

export function mayDecide(ownPasswordSince: Date | null, now: Date): boolean {
  const from = decidesFrom(ownPasswordSince);
  return from !== null && now.getTime() >= from.getTime();
}
