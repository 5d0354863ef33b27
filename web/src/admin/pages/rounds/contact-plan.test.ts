import { describe, expect, it } from 'vitest';
import { lateDays, lastReminderDay, MAX_PLAN_DAY, reminderDayOptions } from './contact-plan.ts';

const dates = (opens: string, closes: string) => ({ opensAt: new Date(opens), closesAt: new Date(closes) });

describe('the contact plan in the round form', () => {
  it('sends reminders up to the day before the deadline, counted in city days', () => {
    expect(lastReminderDay(dates('2026-03-01T09:00:00+08:00', '2026-03-15T18:00:00+08:00'))).toBe(13);
    // 23:30 UTC on 28 Feb is already 1 March in the city: the same round, whatever the computer's zone.
    expect(lastReminderDay(dates('2026-02-28T23:30:00Z', '2026-03-15T10:00:00Z'))).toBe(13);
    expect(lastReminderDay(dates('2026-03-01T09:00:00+08:00', '2026-03-01T18:00:00+08:00'))).toBe(0);
    expect(lastReminderDay({ opensAt: null, closesAt: new Date('2026-03-15T18:00:00+08:00') })).toBeNull();
    expect(lastReminderDay(dates('2026-03-15T09:00:00+08:00', '2026-03-01T18:00:00+08:00'))).toBeNull();
  });

  it('offers the days before the deadline day, two weeks when the dates are unset, and keeps chosen days', () => {
    expect(reminderDayOptions(13, [3, 7])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(reminderDayOptions(null, [])).toHaveLength(13);
    expect(reminderDayOptions(2, [3, 7])).toEqual([1, 2, 3, 7]);
    expect(reminderDayOptions(0, [])).toEqual([1]);
    expect(reminderDayOptions(89, [])).toHaveLength(MAX_PLAN_DAY);
  });

  it('names the chosen days that fall on or after the deadline day, as the server refuses them', () => {
    const fiveDays = dates('2026-03-01T09:00:00+08:00', '2026-03-06T18:00:00+08:00');
    expect(lateDays(fiveDays, [7, 3, 5])).toEqual([5, 7]);
    expect(lateDays(dates('2026-03-01T09:00:00+08:00', '2026-03-15T18:00:00+08:00'), [3, 7])).toEqual([]);
    expect(lateDays({ opensAt: undefined, closesAt: undefined }, [3, 7])).toEqual([]);
  });
});
