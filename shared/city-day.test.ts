import { describe, expect, it } from 'vitest';
import { addDays, cityDay, DEFAULT_CITY_TZ, isTimeZone } from './city-day.ts';

describe("the city's day", () => {
  it('is Beijing time by default: 00:00–08:00 in the city is still the previous UTC date', () => {
    expect(DEFAULT_CITY_TZ).toBe('Asia/Shanghai');
    expect(cityDay(new Date('2026-03-01T16:30:00Z'))).toBe('2026-03-02');
    expect(cityDay(new Date('2026-03-01T15:59:59Z'))).toBe('2026-03-01');
    expect(cityDay(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
  });

  it('follows another configured zone', () => {
    expect(cityDay(new Date('2026-03-01T16:30:00Z'), 'UTC')).toBe('2026-03-01');
    expect(cityDay(new Date('2026-03-01T03:00:00Z'), 'America/New_York')).toBe('2026-02-28');
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });

  it('adds calendar days across month and year ends', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 30)).toBe('2027-01-30');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(() => cityDay(new Date('nope'))).toThrow(RangeError);
  });
});
