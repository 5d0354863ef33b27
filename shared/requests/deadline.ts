// The first-reply target: a request raised on any day is due by the end of the Nth working day (Mon–Fri,
// the city's calendar) after that day. Raised on Friday or at the weekend, one working day ends Monday night.
import { addDays, cityDay, cityDayStart } from '../city-day.ts';

const isWorkingDay = (day: string) => {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
};

/** The Nth working day after `day` (YYYY-MM-DD). */
export function nthWorkingDayAfter(day: string, n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError('working days must be a positive whole number');
  let d = day;
  for (let counted = 0; counted < n; ) {
    d = addDays(d, 1);
    if (isWorkingDay(d)) counted++;
  }
  return d;
}

/** When the first reply to a request raised at `raisedAt` is due. */
export function firstReplyDue(raisedAt: Date, timeZone: string, workingDays: number): Date {
  return cityDayStart(nthWorkingDayAfter(cityDay(raisedAt, timeZone), workingDays), timeZone, 1);
}

/** Waiting for a first reply past its due time. */
export const isOverdue = (r: { dueAt: string; firstReplyAt: string | null }, now: Date) =>
  r.firstReplyAt === null && now.getTime() >= Date.parse(r.dueAt);
