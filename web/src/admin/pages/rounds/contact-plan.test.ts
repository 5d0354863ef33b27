import { describe, expect, it } from 'vitest';
import { lateDays, MAX_PLAN_DAY, reminderDayOptions, roundLengthDays } from './contact-plan.ts';

describe('the contact plan in the round form', () => {
  it('counts the calendar days from the opening day to the deadline day', () => {
    expect(roundLengthDays('2026-03-01T09:00:00+08:00', '2026-03-15T18:00:00+08:00')).toBe(14);
    expect(roundLengthDays('2026-03-01T09:00:00+08:00', '2026-03-01T18:00:00+08:00')).toBeNull();
    expect(roundLengthDays(null, '2026-03-15T18:00:00+08:00')).toBeNull();
  });

  it('offers the days before the deadline day, two weeks when the dates are unset, and keeps chosen days', () => {
    expect(reminderDayOptions(14, [3, 7])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(reminderDayOptions(null, [])).toHaveLength(13);
    expect(reminderDayOptions(3, [3, 7])).toEqual([1, 2, 3, 7]);
    expect(reminderDayOptions(1, [])).toEqual([1]);
    expect(reminderDayOptions(90, [])).toHaveLength(MAX_PLAN_DAY);
  });

  it('names the chosen days that fall on or after the deadline day', () => {
    expect(lateDays([7, 3, 5], 5)).toEqual([5, 7]);
    expect(lateDays([3, 7], 14)).toEqual([]);
    expect(lateDays([3, 7], null)).toEqual([]);
  });
});
