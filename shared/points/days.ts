// Calendar days as integers (days since 1970-01-01): ISO dates in, ISO dates out, no time zones.

const DAY_MS = 86_400_000;

export const dayNumber = (iso: string): number => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
export const isoOfDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The last day of each month from `from`'s month to `to`'s, with `to` itself last. */
export function monthEnds(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7)); // 1-based
  for (;;) {
    const end = isoOfDay(dayNumber(`${m === 12 ? y + 1 : y}-${String(m === 12 ? 1 : m + 1).padStart(2, '0')}-01`) - 1);
    if (end >= to) break;
    out.push(end);
    if (m === 12) {
      y++;
      m = 1;
    } else m++;
  }
  out.push(to);
  return out;
}
