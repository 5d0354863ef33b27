// The city's clock (Asia/Shanghai, UTC+8 all year, no daylight saving): a calendar day as instants.
const CITY_OFFSET_MS = 8 * 3_600_000;

/** The instant a city day begins (00:00 in the city), `plusDays` later. */
export function cityDayStart(day: string, plusDays = 0): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - CITY_OFFSET_MS + plusDays * 86_400_000);
}
