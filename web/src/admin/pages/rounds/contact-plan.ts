// The contact plan in the round form: which reminder days make sense for the round's dates (tested without
// a browser; ContactPlanFields.tsx shows them). Days are judged in the city's days by the server's own rule
// (lateReminderDays), whatever zone the admin's computer is in, so the form warns of what the server refuses.
import { lateReminderDays } from '#shared/outbound/plan.ts';
import { CITY_TIME_ZONE } from '../../views/time.ts';

/** Days the form offers when the dates are not set yet: two weeks, the usual round. */
const USUAL_DAYS = 13;
/** The furthest day offered (a reminder a month after opening is the longest plan anyone needs). */
export const MAX_PLAN_DAY = 30;

export interface RoundDates {
  opensAt: Date | null | undefined;
  closesAt: Date | null | undefined;
}

const judged = ({ opensAt, closesAt }: RoundDates, days: readonly number[]) =>
  opensAt && closesAt && closesAt > opensAt ? lateReminderDays({ reminderDays: [...days] }, opensAt, closesAt, CITY_TIME_ZONE) : null;

/** The last reminder day that is still sent (the day before the deadline's city day), or null while the dates are unset. */
export const lastReminderDay = (dates: RoundDates): number | null => judged(dates, [])?.lastDay ?? null;

/** The reminder days to offer: 1 up to the last day still sent, and any already chosen. */
export function reminderDayOptions(lastDay: number | null, chosen: readonly number[]): number[] {
  const last = Math.min(MAX_PLAN_DAY, Math.max(1, lastDay ?? USUAL_DAYS));
  const days = new Set<number>([...Array.from({ length: last }, (_, i) => i + 1), ...chosen]);
  return [...days].sort((a, b) => a - b);
}

/** Chosen days on or after the deadline's city day: no reminder is sent then, and the server refuses them. */
export const lateDays = (dates: RoundDates, days: readonly number[]): number[] => judged(dates, days)?.days ?? [];
