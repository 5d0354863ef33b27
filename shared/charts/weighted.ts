// The weighted robustness line beside P(倒数三位): does the bottom N stand when the answers are weighted
// to the registry, and how far apart are the last flagged and the first safe department before and after.
import type { RobustnessView } from '../schemas/integrity.ts';

export type WeightedLine = {
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
  const third = ranked[ranked.length - flaggedCount];
  const fourth = ranked[ranked.length - flaggedCount - 1];
  const wm = w.departments;
  const wThird = wm[wm.length - flaggedCount];
  const wFourth = wm[wm.length - flaggedCount - 1];
  const gap =
    flaggedCount && third?.mean != null && fourth?.mean != null && wThird?.mean != null && wFourth?.mean != null
      ? { unweighted: fourth.mean - third.mean, weighted: wFourth.mean - wThird.mean }
      : null;
  return {
    outcome: w.changed ? 'changes' : 'same',
    leaving: w.leaving.map(nameOf),
    entering: w.entering.map(nameOf),
    effectiveN: w.effectiveN,
    respondents: w.respondents,
    gap,
  };
}
