// The weighted robustness line beside P(倒数三位): does the bottom N stand when the answers are weighted
// to the registry, and how far apart are the last flagged and the first safe department before and after.
import type { RobustnessView } from '../schemas/integrity.ts';

export type WeightedLine = {
  /**
   * Which ranking is official. Unweighted (the default): the line says whether weighting changes the
   * bottom N. Weighted (the round's rules say so): it says whether the unweighted ranking would.
   */
  official: 'unweighted' | 'weighted';
  outcome: 'same' | 'changes';
  leaving: string[];
  entering: string[];
  effectiveN: number;
  respondents: number;
  /**
   * Mean of the first department above the bottom N minus that of the last flagged one (the 4th and
   * 3rd from the bottom by default), unweighted and weighted; null when there is no such pair.
   */
  gap: { unweighted: number; weighted: number } | null;
};

type Department = { departmentId: number; mean: number | null; rank: number | null; flagged: boolean };

/** The line, departments named; null when the results carry no weighted variant. */
export function weightedLine(
  robustness: RobustnessView | null,
  departments: readonly Department[],
  nameOf: (departmentId: number) => string,
): WeightedLine | null {
  const w = robustness?.weighted;
  if (!w) return null;
  const ranked = departments.filter((d) => d.rank !== null).sort((a, b) => a.rank! - b.rank!);
  const flaggedCount = ranked.filter((d) => d.flagged).length;
  const pairGap = (means: readonly { mean: number | null }[]) => {
    const third = means[means.length - flaggedCount];
    const fourth = means[means.length - flaggedCount - 1];
    return flaggedCount && third?.mean != null && fourth?.mean != null ? fourth.mean - third.mean : null;
  };
  const u = robustness?.official === 'weighted' ? robustness.unweighted : null;
  // Official weighted: the departments' means are the weighted ones, the line is the unweighted ranking.
  const [plain, weighed] = u ? [pairGap(u.departments), pairGap(ranked)] : [pairGap(ranked), pairGap(w.departments)];
  const line = u ?? w;
  return {
    official: u ? 'weighted' : 'unweighted',
    outcome: line.changed ? 'changes' : 'same',
    leaving: line.leaving.map(nameOf),
    entering: line.entering.map(nameOf),
    effectiveN: w.effectiveN,
    respondents: w.respondents,
    gap: plain !== null && weighed !== null ? { unweighted: plain, weighted: weighed } : null,
  };
}
