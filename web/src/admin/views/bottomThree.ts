// The leader's first question about a round: who is in the bottom three, by how much, how sure we are,
// and what happens to them. Pure: results and the escalation board in, one row per flagged department.
import type { EscalationLevel } from '#shared/results/escalation.ts';
import type { DepartmentResultView } from '#shared/schemas/results.ts';
import { placeFromBottom } from './rank.ts';

/** What the board says of a department's record this round (fields added by later policies are optional). */
export interface RecordView {
  departmentId: number;
  level: EscalationLevel;
  streak: number;
  headStreak?: number;
  departmentStreak?: number;
  measures?: readonly EscalationLevel[];
  headName: string | null;
}

export interface BottomRow {
  departmentId: number;
  code: string;
  name: string;
  nameEn: string | null;
  rank: number;
  fromBottom: number;
  mean: number | null;
  ci95: [number, number] | null;
  /** Points behind the department ranked just above. */
  gap: number | null;
  pBottom: number | null;
  votes: number;
  /** Consecutive flagged evaluations of the responsible head (null before the record exists). */
  headStreak: number | null;
  departmentStreak: number | null;
  measures: EscalationLevel[];
  headName: string | null;
}

/** The measures a level stands for when the record does not list them: the pledge always, and the level's own. */
const measuresOf = (level: EscalationLevel): EscalationLevel[] => (level === 'pledge' ? ['pledge'] : ['pledge', level]);

export function bottomThree(departments: readonly DepartmentResultView[], records: readonly RecordView[]) {
  const ranked = departments.filter((d) => d.rank !== null && d.status === 'ranked');
  const rankedCount = ranked.length;
  const byRank = new Map(ranked.map((d) => [d.rank!, d]));
  const rows: BottomRow[] = ranked
    .filter((d) => d.flagged)
    .sort((a, b) => b.rank! - a.rank!)
    .map((d) => {
      const above = byRank.get(d.rank! - 1);
      const r = records.find((x) => x.departmentId === d.departmentId);
      return {
        departmentId: d.departmentId,
        code: d.code,
        name: d.name,
        nameEn: d.nameEn,
        rank: d.rank!,
        fromBottom: placeFromBottom(d.rank, rankedCount)!,
        mean: d.mean,
        ci95: d.ci95,
        gap: above?.mean != null && d.mean !== null ? above.mean - d.mean : null,
        pBottom: d.pBottom,
        votes: d.leastSatisfiedVotes,
        headStreak: r ? (r.headStreak ?? r.streak) : null,
        departmentStreak: r ? (r.departmentStreak ?? r.streak) : null,
        measures: r ? [...(r.measures ?? measuresOf(r.level))] : [],
        headName: r?.headName ?? null,
      };
    });
  // The first department above the bottom three: the line they have to cross.
  const top = rows.at(-1);
  const line = top ? (byRank.get(top.rank - 1) ?? null) : null;
  return { rows, rankedCount, line: line ? { rank: line.rank!, mean: line.mean, name: line.name, nameEn: line.nameEn } : null };
}
