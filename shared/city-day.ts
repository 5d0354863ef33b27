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

/** The calendar day (YYYY-MM-DD) an instant falls on in the city's time zone. */
export function cityDay(at: Date, timeZone: string = DEFAULT_CITY_TZ): string {
  if (Number.isNaN(at.getTime())) throw new RangeError('cityDay: invalid date');
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
