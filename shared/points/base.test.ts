import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { basePoints, serviceDays, type TenureSpan } from './base.ts';
import { dayNumber, isoOfDay } from './days.ts';

const RULE = { basePerYear: 1, baseCap: 30 };
const day = fc.integer({ min: dayNumber('1990-01-01'), max: dayNumber('2030-12-31') });

/** Consecutive posts: a career cut into posts at arbitrary days, optionally still ongoing. */
const career = fc
  .record({
    start: day,
    lengths: fc.array(fc.integer({ min: 1, max: 3000 }), { minLength: 1, maxLength: 6 }),
    ongoing: fc.boolean(),
  })
  .map(({ start, lengths, ongoing }) => {
    const spans: TenureSpan[] = [];
    let at = start;
    lengths.forEach((len, i) => {
      const last = i === lengths.length - 1;
      spans.push({ since: isoOfDay(at), until: last && ongoing ? null : isoOfDay(at + len - 1) });
      at += len;
    });
    return { spans, start, end: at - 1, ongoing };
  });

describe('base points by tenure', () => {
  it.each([
    ['a day short of a year earns nothing', [{ since: '2020-01-01', until: null }], '2020-12-29', 0],
    ['365 days is one full year', [{ since: '2020-01-01', until: null }], '2020-12-30', 1],
    ['the 365th day completes the year', [{ since: '2021-01-01', until: null }], '2021-12-31', 1],
    [
      'a post change does not reset the count',
      [
        { since: '2018-01-01', until: '2019-06-30' },
        { since: '2019-07-01', until: null },
      ],
      '2020-12-31',
      3,
    ],
    [
      'a gap between posts does not count',
      [
        { since: '2018-01-01', until: '2018-12-31' },
        { since: '2020-01-01', until: null },
      ],
      '2020-12-29',
      1,
    ],
    ['capped at 30 however long the service', [{ since: '1980-01-01', until: null }], '2026-01-01', 30],
    ['a post starting after the date counts nothing', [{ since: '2030-01-01', until: null }], '2026-01-01', 0],
  ] as [string, TenureSpan[], string, number][])('%s', (_n, spans, asOf, expected) => {
    expect(basePoints(spans, asOf, RULE).points).toBe(expected);
  });

  it('splitting one tenure into several consecutive posts never changes the base', () => {
    fc.assert(
      fc.property(career, fc.integer({ min: 0, max: 20000 }), ({ spans, start, end, ongoing }, extra) => {
        const asOf = isoOfDay(start + extra);
        const whole: TenureSpan[] = [{ since: spans[0]!.since, until: ongoing ? null : isoOfDay(end) }];
        expect(serviceDays(spans, asOf)).toBe(serviceDays(whole, asOf));
        expect(basePoints(spans, asOf, RULE)).toEqual(basePoints(whole, asOf, RULE));
      }),
    );
  });

  it('grows by basePerYear per full year, never beyond the cap, and never goes down with time', () => {
    fc.assert(
      fc.property(
        career,
        fc.integer({ min: 0, max: 20000 }),
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 60 }),
        ({ spans, start }, extra, later, perYear, cap) => {
          const rule = { basePerYear: perYear, baseCap: cap };
          const a = basePoints(spans, isoOfDay(start + extra), rule);
          const b = basePoints(spans, isoOfDay(start + extra + later), rule);
          expect(a.points).toBe(Math.min(cap, Math.floor(a.days / 365) * perYear));
          expect(a.points).toBeLessThanOrEqual(cap);
          expect(b.points).toBeGreaterThanOrEqual(a.points);
          expect(b.days - a.days).toBeLessThanOrEqual(later);
          expect(a.capped).toBe(a.uncapped > cap);
        },
      ),
    );
  });

  it('counts overlapping (concurrent) posts once and never more days than the calendar holds', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(day, fc.integer({ min: 0, max: 4000 })), { minLength: 1, maxLength: 6 }), day, (raw, asOfDay) => {
        const spans = raw.map(([s, len]) => ({ since: isoOfDay(s), until: isoOfDay(s + len) }));
        const first = Math.min(...raw.map(([s]) => s));
        const last = Math.min(asOfDay, Math.max(...raw.map(([s, len]) => s + len)));
        const days = serviceDays(spans, isoOfDay(asOfDay));
        expect(days).toBeLessThanOrEqual(Math.max(0, last - first + 1));
        expect(serviceDays([...spans, ...spans], isoOfDay(asOfDay))).toBe(days);
        expect(days).toBeGreaterThanOrEqual(Math.max(0, ...spans.map((s) => serviceDays([s], isoOfDay(asOfDay)))));
      }),
    );
  });
});
