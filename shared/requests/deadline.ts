// The first-reply target: a request raised on any day is due by the end of the Nth working day (Mon–Fri,
// the city's calendar) after that day. Raised on Friday or at the weekend, one working day ends Monday night.
import { addDays, cityDay } from '../city-day.ts';

const isWorkingDay = (day: string) => {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
};

/** The Nth working day after `day` (YYYY-MM-DD). */
export function nthWorkingDayAfter(day: string, n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError('working days must be a positive whole number');
  let d = day;
  for (let counted = 0; counted < n;) {
    d = addDays(d, 1);
    if (isWorkingDay(d)) counted++;
  }
  return d;
}

const wallClock = new Map<string, Intl.DateTimeFormat>();

/** Milliseconds the city's wall clock is ahead of UTC at `at`. */
function offsetMs(at: Date, timeZone: string): number {
  let f = wallClock.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    wallClock.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, Number(x.value)]));
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant the city's calendar day begins (00:00 there). */
export function cityDayStart(day: string, timeZone: string): Date {
  const utcMidnight = new Date(`${day}T00:00:00Z`).getTime();
  const first = utcMidnight - offsetMs(new Date(utcMidnight), timeZone);
  // Once more at the guess: a DST change between UTC midnight and local midnight moves the offset.
  return new Date(utcMidnight - offsetMs(new Date(first), timeZone));
}

/** When the first reply to a request raised at `raisedAt` is due. */
export function firstReplyDue(raisedAt: Date, timeZone: string, workingDays: number): Date {
  return cityDayStart(addDays(nthWorkingDayAfter(cityDay(raisedAt, timeZone), workingDays), 1), timeZone);
}

/** Waiting for a first reply past its due time. */
export const isOverdue = (r: { dueAt: string; firstReplyAt: string | null }, now: Date) => r.firstReplyAt === null && now.getTime() >= Date.parse(r.dueAt);
