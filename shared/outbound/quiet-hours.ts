// No SMS at night, city time: SMS_QUIET_HOURS "21-8" (from 21:00 to 08:00), or "off".

export interface QuietHours {
  from: number;
  to: number;
}

/** "21-8" → {from: 21, to: 8}; "off" → null; anything else → undefined (the config names the variable). */
export function parseQuietHours(value: string): QuietHours | null | undefined {
  const v = value.trim().toLowerCase();
  if (['off', 'none', 'false', '0', 'no'].includes(v)) return null;
  const m = /^(\d{1,2})\s*-\s*(\d{1,2})$/.exec(v);
  if (!m) return undefined;
  const from = Number(m[1]);
  const to = Number(m[2]);
  if (from > 23 || to > 23 || from === to) return undefined;
  return { from, to };
}

const hourFormatters = new Map<string, Intl.DateTimeFormat>();
/** The hour (0–23) of the city's wall clock at an instant. */
export function cityHour(at: Date, timeZone: string): number {
  let f = hourFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hour: '2-digit', hourCycle: 'h23' });
    hourFormatters.set(timeZone, f);
  }
  return Number(f.formatToParts(at).find((p) => p.type === 'hour')!.value);
}

/** Whether SMS must wait at this instant: from `from`:00 up to `to`:00, across midnight when from > to. */
export function isQuiet(quiet: QuietHours | null, at: Date, timeZone: string): boolean {
  if (!quiet) return false;
  const h = cityHour(at, timeZone);
  return quiet.from > quiet.to ? h >= quiet.from || h < quiet.to : h >= quiet.from && h < quiet.to;
}
