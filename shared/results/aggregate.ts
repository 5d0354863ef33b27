// Per-department statistics from rating counts: n, mean score, SD, the t interval of the mean, and
// the satisfaction and dissatisfaction rates. Computed straight from the counts by level (exact sums
// for integer scores); the round's mean and SD for the funnel use the same formula (scoreMoments).
import { APPLICABLE_LEVELS, isSatisfiedOrBetter } from './scale.ts';
import type { ApplicableLevel } from './scale.ts';
import type { DepartmentRef, RatingCounts } from './counts.ts';
import { tQuantile } from './stats.ts';

export type Scores = Record<ApplicableLevel, number>;

/** Everything about one department that does not depend on the others. */
export type DepartmentAggregate = {
  departmentId: number;
  code: string;
  name: string;
  counts: RatingCounts;
  /** Applicable ratings (不了解 excluded). */
  n: number;
  notApplicable: number;
  /** Mean score 0–100; null when n = 0. */
  mean: number | null;
  /** Sample standard deviation (n − 1); 0 when n < 2. */
  sd: number;
  /** Student t 95% interval of the mean, clipped to [0, 100]; null when n < 2. */
  ci95: [number, number] | null;
  /** Share of applicable ratings at 基本满意 or better; null when n = 0. */
  satisfactionRate: number | null;
  /** Share of applicable ratings at 不满意; null when n = 0. */
  dissatisfiedRate: number | null;
  leastSatisfiedVotes: number;
};

/** Clips a score (or a limit around one) to the scale's range [0, 100]. */
export const clipScore = (x: number): number => (x < 0 ? 0 : x > 100 ? 100 : x);

export type ScoreMoments = {
  /** Applicable ratings (不了解 excluded). */
  n: number;
  /** Mean score; null when n = 0. */
  mean: number | null;
  /** Sample SD (n − 1); 0 when n < 2. */
  sd: number;
};

/** n, mean and sample SD of the applicable ratings in `counts`, each rating scored by `scores`. */
export function scoreMoments(counts: Readonly<Record<ApplicableLevel, number>>, scores: Scores): ScoreMoments {
  let n = 0;
  let sum = 0;
  for (const level of APPLICABLE_LEVELS) {
    n += counts[level];
    sum += counts[level] * scores[level];
  }
  const mean = n > 0 ? sum / n : null;
  let sd = 0;
  if (mean !== null && n >= 2) {
    let ss = 0;
    for (const level of APPLICABLE_LEVELS) ss += counts[level] * (scores[level] - mean) ** 2;
    sd = Math.sqrt(ss / (n - 1));
  }
  return { n, mean, sd };
}

/** Each department's aggregate, in the order of `departments` (counts and votes aligned with it). */
export function aggregateDepartments(
  departments: readonly DepartmentRef[],
  tally: { counts: readonly RatingCounts[]; votes: readonly number[] },
  scores: Scores,
): DepartmentAggregate[] {
  // t critical values, once per df.
  const tCache = new Map<number, number>();
  const t975 = (df: number): number => {
    let t = tCache.get(df);
    if (t === undefined) tCache.set(df, (t = tQuantile(0.975, df)));
    return t;
  };

  return departments.map((ref, i) => {
    const counts = tally.counts[i]!;
    const { n, mean, sd } = scoreMoments(counts, scores);
    let satisfied = 0;
    for (const level of APPLICABLE_LEVELS) if (isSatisfiedOrBetter(level)) satisfied += counts[level];
    let ci95: [number, number] | null = null;
    if (mean !== null && n >= 2) {
      const half = (t975(n - 1) * sd) / Math.sqrt(n);
      ci95 = [clipScore(mean - half), clipScore(mean + half)];
    }
    // Keys in the order of DepartmentResult: results are published as JSON.
    return {
      departmentId: ref.id,
      code: ref.code,
      name: ref.name,
      counts,
      n,
      notApplicable: counts.not_applicable,
      mean,
      sd,
      ci95,
      satisfactionRate: n > 0 ? satisfied / n : null,
      dissatisfiedRate: n > 0 ? counts.dissatisfied / n : null,
      leastSatisfiedVotes: tally.votes[i]!,
    };
  });
}
