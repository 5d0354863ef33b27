// Distribution of ratings per department: shares of each applicable answer (stacked to 100%), in the
// ranking's order. 不了解 is not a share (it is not a rating); its count is kept beside.
import { APPLICABLE_LEVELS, type ApplicableLevel } from '../results/scale.ts';
import type { DepartmentResultView } from '../schemas/results.ts';
import { byRankThenCode, type DepartmentRow } from './types.ts';

type Row = DepartmentRow & Pick<DepartmentResultView, 'counts'>;

export type DistributionRow = {
  departmentId: number;
  code: string;
  name: string;
  nameEn: string | null;
  flagged: boolean;
  rank: number | null;
  /** Applicable ratings. */
  n: number;
  notApplicable: number;
  counts: Record<ApplicableLevel, number>;
} & Record<ApplicableLevel, number>;

export { APPLICABLE_LEVELS as DISTRIBUTION_LEVELS };

/**
 * Rows with shares (0–1) under each level key; departments without visible counts or without any
 * applicable rating are left out.
 */
export function ratingDistribution(departments: readonly Row[]): DistributionRow[] {
  return [...departments].sort(byRankThenCode).flatMap((d) => {
    if (!d.counts) return [];
    const counts = Object.fromEntries(APPLICABLE_LEVELS.map((l) => [l, d.counts![l] ?? 0])) as Record<ApplicableLevel, number>;
    const n = APPLICABLE_LEVELS.reduce((sum, l) => sum + counts[l], 0);
    if (n === 0) return [];
    const shares = Object.fromEntries(APPLICABLE_LEVELS.map((l) => [l, counts[l] / n])) as Record<ApplicableLevel, number>;
    return [
      {
        departmentId: d.departmentId,
        code: d.code,
        name: d.name,
        nameEn: d.nameEn,
        flagged: d.flagged,
        rank: d.rank,
        n,
        notApplicable: d.counts.not_applicable ?? 0,
        counts,
        ...shares,
      },
    ];
  });
}

/**
 * Whole percentages that add up to exactly 100 (largest remainder), for labels: 33.3/33.3/33.3 → 34/33/33.
 * All zero in, all zero out.
 */
export function wholePercents(shares: readonly number[]): number[] {
  const total = shares.reduce((a, b) => a + b, 0);
  if (!(total > 0)) return shares.map(() => 0);
  const exact = shares.map((s) => (s / total) * 100);
  const floors = exact.map(Math.floor);
  let left = 100 - floors.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i]! += 1;
    left--;
  }
  return floors;
}
