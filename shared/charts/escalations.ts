// The escalation board: where each follow-up action stands against its date, and departments by
// how long they have been in the bottom.
import type { EscalationLevel } from '../results/escalation.ts';
import { ESCALATION_LEVELS } from '../results/escalation.ts';
import type { EscalationRecord } from '../schemas/results.ts';

export type DueState = 'done' | 'withdrawn' | 'overdue' | 'due_soon' | 'scheduled' | 'unscheduled';

/**
 * `today` and `scheduledFor` are calendar days (YYYY-MM-DD). An action not done is overdue after its
 * day, due soon within `soonDays` of it (today included), unscheduled without a day.
 */
export function dueState(record: Pick<EscalationRecord, 'status' | 'scheduledFor'>, today: string, soonDays = 7): DueState {
  if (record.status === 'done') return 'done';
  if (record.status === 'withdrawn') return 'withdrawn';
  if (!record.scheduledFor) return 'unscheduled';
  const days = daysBetween(today, record.scheduledFor);
  if (days < 0) return 'overdue';
  if (days <= soonDays) return 'due_soon';
  return 'scheduled';
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

const URGENCY: Record<DueState, number> = { overdue: 0, due_soon: 1, unscheduled: 2, scheduled: 3, done: 4, withdrawn: 5 };

/** Open actions (pending or scheduled), most urgent first: overdue, due soon, unscheduled, later; then the most severe level. */
export function pendingActions<R extends Pick<EscalationRecord, 'status' | 'scheduledFor' | 'level' | 'departmentCode'>>(
  records: readonly R[],
  today: string,
): (R & { due: DueState })[] {
  return records
    .filter((r) => r.status === 'pending' || r.status === 'scheduled')
    .map((r) => ({ ...r, due: dueState(r, today) }))
    .sort(
      (a, b) =>
        URGENCY[a.due] - URGENCY[b.due] ||
        (a.scheduledFor ?? '9999').localeCompare(b.scheduledFor ?? '9999') ||
        ESCALATION_LEVELS.indexOf(b.level) - ESCALATION_LEVELS.indexOf(a.level) ||
        a.departmentCode.localeCompare(b.departmentCode),
    );
}

type BoardDepartment = { code: string; streak: number; timesFlagged: number; level: EscalationLevel | null };

/** Departments by current streak, then times ever flagged, then code. */
export function byStreak<D extends BoardDepartment>(departments: readonly D[]): D[] {
  return [...departments].sort((a, b) => b.streak - a.streak || b.timesFlagged - a.timesFlagged || a.code.localeCompare(b.code));
}

/** How many departments stand at each level now. */
export function levelCounts(departments: readonly BoardDepartment[]): Record<EscalationLevel, number> {
  const counts = Object.fromEntries(ESCALATION_LEVELS.map((l) => [l, 0])) as Record<EscalationLevel, number>;
  for (const d of departments) if (d.level) counts[d.level]++;
  return counts;
}

/** The next status an admin may set: pending → scheduled → done (withdrawn is the system's, after a re-derivation; on hold waits on an appeal). */
export function nextStatuses(status: EscalationRecord['status']): ('pending' | 'scheduled' | 'done')[] {
  switch (status) {
    case 'pending':
      return ['pending', 'scheduled', 'done'];
    case 'scheduled':
      return ['pending', 'scheduled', 'done'];
    case 'done':
      return ['scheduled', 'done'];
    case 'on_hold':
      return []; // waits on the appeal
    case 'withdrawn':
      return [];
  }
}
