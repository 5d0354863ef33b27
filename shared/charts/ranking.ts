// The ranking: bars for ranked departments (best first, the bottom N marked), the unranked apart,
// and each department's move since the previous published round.
import type { DepartmentResultView } from '../schemas/results.ts';
import { byRankThenCode, type DepartmentRow } from './types.ts';

export type RankingRow = DepartmentRow & Pick<DepartmentResultView, 'ci95'>;

export type RankingBar = {
  departmentId: number;
  code: string;
  name: string;
  nameEn: string | null;
  rank: number;
  mean: number;
  flagged: boolean;
  /** The 95% interval as lengths below and above the mean (for a whisker); null without one. */
  error: [number, number] | null;
};

/** Ranked departments by rank (1 first); insufficient ones and those without a mean are left out. */
export function rankingBars(departments: readonly RankingRow[]): RankingBar[] {
  return departments
    .filter((d): d is RankingRow & { rank: number; mean: number } => d.status === 'ranked' && d.rank !== null && d.mean !== null)
    .sort((a, b) => a.rank - b.rank)
    .map((d) => ({
      departmentId: d.departmentId,
      code: d.code,
      name: d.name,
      nameEn: d.nameEn,
      rank: d.rank,
      mean: d.mean,
      flagged: d.flagged,
      error: d.ci95 ? [Math.max(0, d.mean - d.ci95[0]), Math.max(0, d.ci95[1] - d.mean)] : null,
    }));
}

/** The ranking table's two parts: ranked in rank order, and the unranked (too few ratings) by code. */
export function splitRanking<D extends Pick<DepartmentRow, 'status' | 'rank' | 'code'>>(
  departments: readonly D[],
): { ranked: D[]; insufficient: D[] } {
  const sorted = [...departments].sort(byRankThenCode);
  return { ranked: sorted.filter((d) => d.status === 'ranked'), insufficient: sorted.filter((d) => d.status !== 'ranked') };
}

export type RankChange =
  | { kind: 'up' | 'down'; places: number }
  | { kind: 'same' }
  /** Ranked now, not ranked (or absent) in the previous round. */
  | { kind: 'new' }
  /** Not ranked now. */
  | { kind: 'none' };

/** Rank 1 is best: from 8th to 5th is up 3 places. */
export function rankChange(rank: number | null, previousRank: number | null): RankChange {
  if (rank === null) return { kind: 'none' };
  if (previousRank === null) return { kind: 'new' };
  if (rank === previousRank) return { kind: 'same' };
  return rank < previousRank ? { kind: 'up', places: previousRank - rank } : { kind: 'down', places: rank - previousRank };
}

/** Sorts changes for a table column: most improved first, then unchanged, new, falling, unranked. */
export function rankChangeOrder(change: RankChange): number {
  switch (change.kind) {
    case 'up':
      return -change.places;
    case 'same':
      return 0;
    case 'new':
      return 0.5;
    case 'down':
      return change.places;
    case 'none':
      return Number.POSITIVE_INFINITY;
  }
}
