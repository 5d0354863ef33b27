// Breakdowns of a round's results by township, industry or size: which groups may be shown at all.
// A group of fewer than MIN_GROUP respondents could single out an enterprise, so it is suppressed; and
// when the suppressed groups of a dimension add up to fewer than MIN_GROUP, the next smallest group goes
// too, or the round's total minus the shown groups would give the suppressed ones away.
import { isSatisfiedOrBetter, scoresByLevel, type RatingLevel, type ScaleEntry } from './results/scale.ts';

export const BREAKDOWN_DIMENSIONS = ['township', 'industry', 'size'] as const;
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];
export const MIN_GROUP = 5;

/** The values of one dimension to suppress, given respondents per value. */
export function suppressedGroups(respondents: ReadonlyMap<string, number>, min = MIN_GROUP): Set<string> {
  const byCount = [...respondents].filter(([, n]) => n > 0).sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
  const hidden = new Set(byCount.filter(([, n]) => n < min).map(([v]) => v));
  let hiddenTotal = byCount.filter(([v]) => hidden.has(v)).reduce((s, [, n]) => s + n, 0);
  for (const [v, n] of byCount) {
    if (hiddenTotal === 0 || hiddenTotal >= min) break;
    if (hidden.has(v)) continue;
    hidden.add(v);
    hiddenTotal += n;
  }
  return hidden;
}

/** One stored tally row: ratings at one level for one department within one group. */
export interface TallyRow {
  dimension: BreakdownDimension;
  value: string;
  departmentId: number;
  level: RatingLevel;
  n: number;
}
export interface BreakdownCell {
  departmentId: number;
  n: number | null;
  mean: number | null;
  satisfactionRate: number | null;
}

/**
 * A group's cell for one department: n applicable ratings, mean score and satisfaction rate, or all
 * null when fewer than MIN_GROUP rated it (a cell of 3 would tell a department what those 3 said).
 */
export function breakdownCell(departmentId: number, rows: readonly TallyRow[], scale: readonly ScaleEntry[]): BreakdownCell {
  const scores = scoresByLevel(scale);
  let n = 0;
  let sum = 0;
  let satisfied = 0;
  for (const r of rows) {
    if (r.departmentId !== departmentId || r.level === 'not_applicable') continue;
    n += r.n;
    sum += r.n * scores[r.level];
    if (isSatisfiedOrBetter(r.level)) satisfied += r.n;
  }
  if (n < MIN_GROUP) return { departmentId, n: null, mean: null, satisfactionRate: null };
  return { departmentId, n, mean: sum / n, satisfactionRate: satisfied / n };
}
