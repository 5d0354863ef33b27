// "Least satisfied" votes (最不满意票) over time: the round's total and the worst department's count,
// and the headline the city quotes ("the worst department got 17 votes in the first round, 5 in the latest").
import { compareRounds } from '../results/quarters.ts';
import type { DepartmentResultView } from '../schemas/results.ts';
import type { RoundRows, DepartmentRow } from './types.ts';

type VoteRow = DepartmentRow & Pick<DepartmentResultView, 'leastSatisfiedVotes'>;

export type VotesPoint = {
  roundId: string;
  total: number;
  /** The most-voted department's count (0 when nobody voted). */
  worst: number;
  worstDepartmentId: number | null;
  worstName: string | null;
  worstNameEn: string | null;
};

export type VotesHeadline = { fromRound: string; from: number; toRound: string; to: number; change: number };

/** The most-voted department; ties go to the lower-ranked (worse) one, then the code. */
function worstOf(departments: readonly VoteRow[]): VoteRow | null {
  let worst: VoteRow | null = null;
  for (const d of departments) {
    if (d.leastSatisfiedVotes <= 0) continue;
    if (!worst || d.leastSatisfiedVotes > worst.leastSatisfiedVotes) {
      worst = d;
      continue;
    }
    if (d.leastSatisfiedVotes < worst.leastSatisfiedVotes) continue;
    const dr = d.rank ?? -1;
    const wr = worst.rank ?? -1;
    if (dr > wr || (dr === wr && d.code < worst.code)) worst = d;
  }
  return worst;
}

/** One point per round, oldest first; the headline compares the first and the last round (null with fewer than two). */
export function votesOverTime(rounds: readonly RoundRows<VoteRow>[]): { points: VotesPoint[]; headline: VotesHeadline | null } {
  const ordered = [...rounds].sort((a, b) => (a.round.id < b.round.id ? -1 : a.round.id > b.round.id ? 1 : 0));
  const points = ordered.map((r): VotesPoint => {
    const worst = worstOf(r.departments);
    return {
      roundId: r.round.id,
      total: r.departments.reduce((sum, d) => sum + d.leastSatisfiedVotes, 0),
      worst: worst?.leastSatisfiedVotes ?? 0,
      worstDepartmentId: worst?.departmentId ?? null,
      worstName: worst?.name ?? null,
      worstNameEn: worst?.nameEn ?? null,
    };
  });
  const first = points[0];
  const last = points[points.length - 1];
  const headline =
    first && last && points.length >= 2
      ? { fromRound: first.roundId, from: first.worst, toRound: last.roundId, to: last.worst, change: last.worst - first.worst }
      : null;
  return { points, headline };
}

/**
 * The rounds the votes card reads for a selected round: the earlier published ones and the selected
 * round itself, published or not, never a later one: the card speaks of the round on screen.
 */
export function votesRoundsThrough<R extends RoundRows<VoteRow>>(earlier: readonly R[], selected: R): R[] {
  return [...earlier.filter((r) => compareRounds(r.round.id, selected.round.id) < 0), selected];
}
