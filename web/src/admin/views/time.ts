// Times as the city reads them: one clock, the city's (Asia/Shanghai), whatever the reader's computer says.
import { DEFAULT_CITY_TZ } from '#shared/city-day.ts';

export const CITY_TIME_ZONE = DEFAULT_CITY_TZ;

export function cityDateTime(iso: string | null | undefined, lang: string): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23', timeZone: CITY_TIME_ZONE }).format(
    new Date(iso),
  );
}

export function cityDate(iso: string | null | undefined, lang: string): string {
  if (!iso) return '—';
  // A bare date (2026-04-01) is a calendar day already: formatting it in UTC keeps the same day.
  const bare = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: bare ? 'UTC' : CITY_TIME_ZONE }).format(new Date(iso));
}

/** The city's calendar day of an instant, YYYY-MM-DD (for date filters). */
export function cityDay(iso: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: CITY_TIME_ZONE }).format(new Date(iso));
}

/** A deadline: an instant at the city's midnight is shown as the end of the day before (24:00), not the next day's 00:00. */
export function cityDeadline(iso: string | null | undefined, lang: string): string {
  if (!iso) return '—';
  const t = new Date(iso).getTime();
  if ((t + 8 * 3600_000) % 86_400_000 !== 0) return cityDateTime(iso, lang); // Asia/Shanghai has no daylight saving
  const day = cityDate(new Date(t - 12 * 3600_000).toISOString(), lang);
  return lang === 'en' ? `${day}, end of day` : `${day} 24:00`;
}
