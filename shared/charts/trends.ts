// Trends across published rounds: per department, mean and rank in each round, flagged rounds marked.
// From several rounds' results (all departments at once) or from one department's history.
import type { departmentHistorySchema } from '../schemas/results.ts';
import type { z } from 'zod';
import type { DepartmentRow, RoundRows } from './types.ts';

export type TrendPoint = { roundId: string; mean: number | null; rank: number | null; flagged: boolean; rankedCount: number | null };
export type TrendSeries = { departmentId: number; name: string; nameEn: string | null; points: TrendPoint[] };

/** One row per round for recharts, with `mean_<id>`, `rank_<id>` and `flagged_<id>` per department. */
export type TrendRow = { roundId: string; rankedCount: number | null } & Record<string, string | number | boolean | null>;

/** Keys without dots: recharts reads a dotted dataKey as a path. */
export const trendKey = (what: 'mean' | 'rank' | 'flagged', departmentId: number) => `${what}_${departmentId}`;

const rankedCountOf = (departments: readonly DepartmentRow[]) => departments.filter((d) => d.status === 'ranked').length;

/**
 * Series for the chosen departments over the given rounds (oldest first, a round given twice counts
 * once: the last copy wins). A department absent from a round gets a gap (null), not a zero.
 */
export function trendSeries(
  rounds: readonly RoundRows[],
  departmentIds: readonly number[],
): { rounds: string[]; series: TrendSeries[]; rows: TrendRow[] } {
  const byId = new Map<string, RoundRows>();
  for (const r of rounds) byId.set(r.round.id, r);
  const ordered = [...byId.values()].sort((a, b) => (a.round.id < b.round.id ? -1 : a.round.id > b.round.id ? 1 : 0));
  const series: TrendSeries[] = [];
  for (const id of new Set(departmentIds)) {
    // The newest name (departments are sometimes renamed).
    const latest = [...ordered]
      .reverse()
      .map((r) => r.departments.find((d) => d.departmentId === id))
      .find((d) => d !== undefined);
    if (!latest) continue;
    series.push({
      departmentId: id,
      name: latest.name,
      nameEn: latest.nameEn,
      points: ordered.map((r) => {
        const d = r.departments.find((x) => x.departmentId === id);
        return {
          roundId: r.round.id,
          mean: d?.mean ?? null,
          rank: d?.rank ?? null,
          flagged: d?.flagged ?? false,
          rankedCount: rankedCountOf(r.departments),
        };
      }),
    });
  }
  const rows: TrendRow[] = ordered.map((r, i) => {
    const row: TrendRow = { roundId: r.round.id, rankedCount: rankedCountOf(r.departments) };
    for (const s of series) {
      const p = s.points[i]!;
      row[trendKey('mean', s.departmentId)] = p.mean;
      row[trendKey('rank', s.departmentId)] = p.rank;
      row[trendKey('flagged', s.departmentId)] = p.flagged;
    }
    return row;
  });
  return { rounds: ordered.map((r) => r.round.id), series, rows };
}

/** One department's series from GET /departments/:id/history. */
export function trendFromHistory(history: z.infer<typeof departmentHistorySchema>): TrendSeries {
  return {
    departmentId: history.department.id,
    name: history.department.nameZh,
    nameEn: history.department.nameEn,
    points: [...history.rounds]
      .sort((a, b) => (a.roundId < b.roundId ? -1 : a.roundId > b.roundId ? 1 : 0))
      .map((h) => ({ roundId: h.roundId, mean: h.mean, rank: h.rank, flagged: h.flagged, rankedCount: h.rankedCount })),
  };
}

/**
 * Departments worth following by default: flagged in the latest round, then flagged earlier (most
 * recent first), up to `limit`.
 */
export function defaultTrendDepartments(rounds: readonly RoundRows[], limit = 5): number[] {
  const ordered = [...rounds].sort((a, b) => (a.round.id > b.round.id ? -1 : a.round.id < b.round.id ? 1 : 0));
  const picked: number[] = [];
  for (const r of ordered) {
    const flagged = r.departments.filter((d) => d.flagged).sort((a, b) => (b.rank ?? 0) - (a.rank ?? 0));
    for (const d of flagged) {
      if (!picked.includes(d.departmentId)) picked.push(d.departmentId);
      if (picked.length >= limit) return picked;
    }
  }
  return picked;
}
