// The contact plan in the round form: which reminder days make sense for the round's dates (tested without
// a browser; ContactPlanFields.tsx shows them).

/** Days the form offers when the dates are not set yet: two weeks, the usual round. */
const USUAL_DAYS = 13;
/** The furthest day offered (a reminder a month after opening is the longest plan anyone needs). */
export const MAX_PLAN_DAY = 30;

const DAY_MS = 86_400_000;

/** Calendar days from the opening day to the deadline's day (2 → the deadline is two days after opening), or null. */
export function roundLengthDays(opensAt: string | null | undefined, closesAt: string | null | undefined): number | null {
  if (!opensAt || !closesAt) return null;
  const open = Date.parse(opensAt.slice(0, 10));
  const close = Date.parse(closesAt.slice(0, 10));
  if (!Number.isFinite(open) || !Number.isFinite(close) || close <= open) return null;
  return Math.round((close - open) / DAY_MS);
}

/** The reminder days to offer: 1 up to the day before the deadline's day, and any already chosen. */
export function reminderDayOptions(length: number | null, chosen: readonly number[]): number[] {
  const last = Math.min(MAX_PLAN_DAY, Math.max(1, length === null ? USUAL_DAYS : length - 1));
  const days = new Set<number>([...Array.from({ length: last }, (_, i) => i + 1), ...chosen]);
  return [...days].sort((a, b) => a - b);
}

/** Chosen days on or after the deadline's day: no reminder is sent then (the round has closed). */
export const lateDays = (days: readonly number[], length: number | null): number[] =>
  length === null ? [] : [...days].filter((d) => d >= length).sort((a, b) => a - b);
