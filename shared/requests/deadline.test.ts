import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cityDay } from '../city-day.ts';
import { cityDayStart } from '../city-day.ts';
import { firstReplyDue, isOverdue, nthWorkingDayAfter } from './deadline.ts';

const SH = 'Asia/Shanghai';

describe('the first-reply deadline', () => {
  it.each([
    // raised (UTC instant), due (UTC instant): Asia/Shanghai is UTC+8, 2026-03-02 is a Monday
    ['Monday morning', '2026-03-02T02:00:00Z', '2026-03-03T16:00:00Z'], // end of Tuesday
    ['Monday 23:30 there (still Monday)', '2026-03-02T15:30:00Z', '2026-03-03T16:00:00Z'],
    ['Monday 00:30 there (Sunday in UTC)', '2026-03-01T16:30:00Z', '2026-03-03T16:00:00Z'],
    ['Friday', '2026-03-06T03:00:00Z', '2026-03-09T16:00:00Z'], // end of Monday
    ['Saturday', '2026-03-07T03:00:00Z', '2026-03-09T16:00:00Z'],
    ['Sunday', '2026-03-08T03:00:00Z', '2026-03-09T16:00:00Z'],
    ['Thursday', '2026-03-05T03:00:00Z', '2026-03-06T16:00:00Z'], // end of Friday
  ])('raised on %s is due at the end of the next working day', (_name, raised, due) => {
    expect(firstReplyDue(new Date(raised), SH, 1).toISOString()).toBe(new Date(due).toISOString());
  });

  it('counts only working days when the target is longer', () => {
    expect(nthWorkingDayAfter('2026-03-05', 3)).toBe('2026-03-10'); // Thu → Fri, Mon, Tue
    expect(firstReplyDue(new Date('2026-03-05T03:00:00Z'), SH, 3).toISOString()).toBe('2026-03-10T16:00:00.000Z');
  });

  it("follows the city's own clock, daylight saving included", () => {
    // New York: 2026-03-08 is the spring-forward Sunday; midnight of Tuesday 10th is 04:00 UTC (EDT).
    expect(cityDayStart('2026-03-10', 'America/New_York').toISOString()).toBe('2026-03-10T04:00:00.000Z');
    expect(cityDayStart('2026-03-06', 'America/New_York').toISOString()).toBe('2026-03-06T05:00:00.000Z');
    expect(firstReplyDue(new Date('2026-03-06T20:00:00Z'), 'America/New_York', 1).toISOString()).toBe('2026-03-10T04:00:00.000Z');
  });

  it("is always later than the request, on a working day's end, within a week for one working day", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }), (ms) => {
        const raised = new Date(ms);
        const due = firstReplyDue(raised, SH, 1);
        expect(due.getTime()).toBeGreaterThan(raised.getTime());
        expect(due.getTime() - raised.getTime()).toBeLessThanOrEqual(4 * 24 * 3600_000);
        const lastDay = cityDay(new Date(due.getTime() - 1), SH);
        expect([1, 2, 3, 4, 5]).toContain(new Date(`${lastDay}T00:00:00Z`).getUTCDay());
        expect(cityDay(due, SH)).not.toBe(lastDay);
      }),
    );
  });

  it('flags a request overdue only while it waits for a first reply past its due time', () => {
    const r = { dueAt: '2026-03-03T16:00:00.000Z', firstReplyAt: null };
    expect(isOverdue(r, new Date('2026-03-03T15:59:59Z'))).toBe(false);
    expect(isOverdue(r, new Date('2026-03-03T16:00:00Z'))).toBe(true);
    expect(isOverdue({ ...r, firstReplyAt: '2026-03-04T01:00:00Z' }, new Date('2026-03-05T00:00:00Z'))).toBe(false);
  });
});
