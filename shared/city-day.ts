// One clock for the product: every "day" (head tenure, deadlines, overdue, done, response days) is the
// city's calendar day, never the UTC date. Between 00:00 and 08:00 Beijing time the two disagree.

/** The city's time zone unless TZ_CITY says otherwise (see server/config.ts). */
export const DEFAULT_CITY_TZ = 'Asia/Shanghai';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Whether the runtime knows the IANA time zone name. */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-CA', { timeZone });
    return true;
  } catch {
    return false;
  }
}

// The last answer per zone, by the whole second it was for: zone offsets are whole seconds, so every instant
// of that second falls on the same day. Busy moments (submissions at hundreds a second) skip the formatter.
const lastDay = new Map<string, { second: number; day: string }>();

/** The calendar day (YYYY-MM-DD) an instant falls on in the city's time zone. */
export function cityDay(at: Date, timeZone: string): string {
  const t = at.getTime();
  if (Number.isNaN(t)) throw new RangeError('cityDay: invalid date');
  const second = Math.floor(t / 1000);
  const last = lastDay.get(timeZone);
  if (last?.second === second) return last.day;
  const day = formatDay(at, timeZone);
  lastDay.set(timeZone, { second, day });
  return day;
}

function formatDay(at: Date, timeZone: string): string {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** A calendar day moved by whole days (calendar arithmetic, no time zone involved). */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) throw new RangeError(`addDays: not a day: ${day}`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The instant a city day begins (00:00 in the city's time zone), `plusDays` later; daylight saving included. */
export function cityDayStart(day: string, timeZone: string, plusDays = 0): Date {
  const midnightUtc = Date.parse(`${addDays(day, plusDays)}T00:00:00Z`);
  // The zone's offset at the guess, then again at the corrected instant (a DST change may sit between).
  let at = midnightUtc - offsetAt(midnightUtc, timeZone);
  at = midnightUtc - offsetAt(at, timeZone);
  return new Date(at);
}

const clocks = new Map<string, Intl.DateTimeFormat>();
/** How far the zone's wall clock is ahead of UTC at an instant, in ms. */
function offsetAt(instant: number, timeZone: string): number {
  let f = clocks.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    clocks.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return wall - Math.floor(instant / 1000) * 1000;
}
