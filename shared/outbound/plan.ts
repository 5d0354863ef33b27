// Which contact of the round's plan is due on a city day: pure, so the job and its tests agree.
import { addDays, cityDay } from '../city-day.ts';
import type { ContactPlan, MessageKind } from './vocabulary.ts';

export type ReminderKind = Exclude<MessageKind, 'invitation'>;

/** Whole days from one city day to another. */
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * The reminder due on a city day for a firm already invited, or null: the final reminder on the day before
 * the deadline's day, else a reminder on a plan day (days after the opening day). The final wins when both
 * fall on one day; never on the opening day, nor from the deadline's day on.
 */
export function reminderOn(plan: ContactPlan, openDay: string, closeDay: string, day: string): ReminderKind | null {
  if (day <= openDay || day >= closeDay) return null;
  if (plan.finalReminder && day === addDays(closeDay, -1)) return 'final_reminder';
  return plan.reminderDays.includes(daysBetween(openDay, day)) ? 'reminder' : null;
}

/** The reminder due at an instant for a round opened and closing at these instants (city days). */
export const reminderDue = (plan: ContactPlan, opened: Date, closes: Date, now: Date, timeZone: string) =>
  reminderOn(plan, cityDay(opened, timeZone), cityDay(closes, timeZone), cityDay(now, timeZone));

/** The plan's contacts as city days: the invitation on the opening day, then each reminder. */
export function planSchedule(plan: ContactPlan, opened: Date, closes: Date, timeZone: string): { day: string; kind: MessageKind }[] {
  const openDay = cityDay(opened, timeZone);
  const closeDay = cityDay(closes, timeZone);
  const out: { day: string; kind: MessageKind }[] = plan.invitation ? [{ day: openDay, kind: 'invitation' }] : [];
  for (let day = addDays(openDay, 1); day < closeDay; day = addDays(day, 1)) {
    const kind = reminderOn(plan, openDay, closeDay, day);
    if (kind) out.push({ day, kind });
  }
  return out;
}

/**
 * The plan's reminder days that can never be sent for a round opening and closing at these instants: a
 * day on or after the deadline's city day (reminderOn stops there), sorted. `lastDay` is the latest day
 * that is still sent (0 when the deadline's day follows the opening day: no reminder fits).
 */
export function lateReminderDays(
  plan: Pick<ContactPlan, 'reminderDays'>,
  opens: Date,
  closes: Date,
  timeZone: string,
): { days: number[]; lastDay: number } {
  const openDay = cityDay(opens, timeZone);
  const lastDay = Math.max(0, daysBetween(openDay, cityDay(closes, timeZone)) - 1);
  return { days: plan.reminderDays.filter((d) => d > lastDay).sort((a, b) => a - b), lastDay };
}

/** A failed message's next try: 1, 2, 4, 8 … minutes after its attempt-th failure, at most an hour. */
export const retryDelayMs = (attempt: number) => Math.min(60, 2 ** Math.max(0, attempt - 1)) * 60_000;
