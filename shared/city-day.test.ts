import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, cityDay, cityDayStart, DEFAULT_CITY_TZ, isTimeZone } from './city-day.ts';

describe("the city's day", () => {
  it('is Beijing time by default: 00:00–08:00 in the city is still the previous UTC date', () => {
    expect(DEFAULT_CITY_TZ).toBe('Asia/Shanghai');
    expect(cityDay(new Date('2026-03-01T16:30:00Z'), DEFAULT_CITY_TZ)).toBe('2026-03-02');
    expect(cityDay(new Date('2026-03-01T15:59:59Z'), DEFAULT_CITY_TZ)).toBe('2026-03-01');
    expect(cityDay(new Date('2026-12-31T16:00:00Z'), DEFAULT_CITY_TZ)).toBe('2027-01-01');
  });

  it('follows another configured zone', () => {
    expect(cityDay(new Date('2026-03-01T16:30:00Z'), 'UTC')).toBe('2026-03-01');
    expect(cityDay(new Date('2026-03-01T03:00:00Z'), 'America/New_York')).toBe('2026-02-28');
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });

  it('answers calls in quick succession the same as one at a time: the last millisecond of a day and the first of the next', () => {
    const last = new Date('2026-03-01T15:59:59.999Z');
    expect(cityDay(new Date('2026-03-01T15:59:59.000Z'), DEFAULT_CITY_TZ)).toBe('2026-03-01');
    expect(cityDay(last, DEFAULT_CITY_TZ)).toBe('2026-03-01');
    expect(cityDay(new Date('2026-03-01T16:00:00.000Z'), DEFAULT_CITY_TZ)).toBe('2026-03-02');
    expect(cityDay(last, DEFAULT_CITY_TZ)).toBe('2026-03-01');
    // Two zones taking turns within one second each keep their own day.
    const t = new Date('2026-03-01T16:30:00.100Z');
    for (let i = 0; i < 3; i++) {
      expect(cityDay(t, DEFAULT_CITY_TZ)).toBe('2026-03-02');
      expect(cityDay(t, 'UTC')).toBe('2026-03-01');
    }
  });

  it('adds calendar days across month and year ends', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 30)).toBe('2027-01-30');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(() => cityDay(new Date('nope'), DEFAULT_CITY_TZ)).toThrow(RangeError);
  });

  it('gives the instant a city day begins, in any zone, across daylight saving', () => {
    expect(cityDayStart('2026-03-02', DEFAULT_CITY_TZ).toISOString()).toBe('2026-03-01T16:00:00.000Z');
    expect(cityDayStart('2026-03-02', DEFAULT_CITY_TZ, 1).toISOString()).toBe('2026-03-02T16:00:00.000Z');
    expect(cityDayStart('2026-03-08', 'America/New_York').toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(cityDayStart('2026-03-09', 'America/New_York').toISOString()).toBe('2026-03-09T04:00:00.000Z');
    for (const zone of [DEFAULT_CITY_TZ, 'UTC', 'America/New_York', 'Europe/London', 'Asia/Kolkata']) {
      fc.assert(
        fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }), (t) => {
          const day = cityDay(new Date(t), zone);
          const start = cityDayStart(day, zone);
          expect(cityDay(start, zone)).toBe(day);
          expect(cityDay(new Date(start.getTime() - 1), zone)).toBe(addDays(day, -1));
        }),
        { numRuns: 200 },
      );
    }
  });
});
