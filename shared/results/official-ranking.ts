// Which ranking is official: "the official ranking stays unweighted unless the round's rules say
// otherwise". A closed choice in the round's frozen rules (the database's CHECK is this list). When the
// rules say weighted, the ranked departments are ordered by their post-stratified means
// (shared/results/weighting.ts), the bottom N, P(倒数三位) and rank intervals follow from those, and the
// unweighted ranking becomes the robustness line instead. Pure: results in, results out.
import { clipScore } from './aggregate.ts';
import type { DepartmentResult, RoundResults } from './compute.ts';
import { compareDepartments } from './ranking.ts';
import { simulateRanking } from './simulation.ts';
import { tQuantile } from './stats.ts';
import type { WeightedResult } from './weighting.ts';

export const OFFICIAL_RANKINGS = ['unweighted', 'weighted'] as const;
export type OfficialRanking = (typeof OFFICIAL_RANKINGS)[number];
export const DEFAULT_OFFICIAL_RANKING: OfficialRanking = 'unweighted';

/** The ranking that is not official, as a robustness line: its bottom N and how it differs from the official one. */
export type RankingLine = {
  /** The other ranking's bottom N, last one last. */
  bottomThree: number[];
  changed: boolean;
  /** In the other ranking's bottom N but not in the official one. */
  entering: number[];
  /** In the official bottom N but not in the other ranking's. */
  leaving: number[];
};

export type Official = {
  results: RoundResults;
  /** The ranking applied: weighted only when the rules say so and every ranked department has a weighted mean. */
  applied: OfficialRanking;
  /** The unweighted ranking as a robustness line, when the weighted one is official; null otherwise. */
  unweighted: RankingLine | null;
};

export function rankingLine(other: readonly number[], official: readonly number[]): RankingLine {
  const entering = other.filter((id) => !official.includes(id));
  const leaving = official.filter((id) => !other.includes(id));
  return { bottomThree: [...other], changed: entering.length + leaving.length > 0, entering, leaving };
}

/**
 * The official results under `rule`. Unweighted (or no weighted variant, or a ranked department without a
 * weighted mean): the results as computed. Weighted: each ranked department's mean is its post-stratified
 * mean, its 95 % interval is the t interval around it with the weighted effective n (se = sd ÷ √n_eff), the
 * ranked ones are re-ranked by the official rule (ties as before), the same number of the last are flagged,
 * and P(倒数三位) and the rank intervals are simulated again from the weighted means with the same seed.
 * Counts, rates, votes, insufficient departments and the funnel are unchanged.
 */
export function officialResults(results: RoundResults, weighted: WeightedResult | null, rule: OfficialRanking): Official {
  const plain: Official = { results, applied: 'unweighted', unweighted: null };
  if (rule !== 'weighted' || !weighted) return plain;
  const byId = new Map(weighted.departments.map((d) => [d.departmentId, d]));
  const ranked = results.departments.filter((d) => d.status === 'ranked');
  if (ranked.some((d) => byId.get(d.departmentId)?.mean == null || !(byId.get(d.departmentId)!.effectiveN > 0))) return plain;

  const reweighed = ranked
    .map((d) => {
      const w = byId.get(d.departmentId)!;
      const mean = w.mean!;
      const ci95: [number, number] | null =
        d.n >= 2
          ? (() => {
              const half = (tQuantile(0.975, d.n - 1) * d.sd) / Math.sqrt(w.effectiveN);
              return [clipScore(mean - half), clipScore(mean + half)];
            })()
          : null;
      return { ...d, mean, ci95, effectiveN: w.effectiveN };
    })
    .sort(compareDepartments);
  const flaggedCount = results.flaggedDepartmentIds.length;
  const simulation = simulateRanking(
    reweighed.map((d) => ({ ...d, n: d.effectiveN })),
    results.simulation.pooledSd,
    flaggedCount,
    results.simulation.runs,
    results.simulation.seed,
  );
  const rankedCount = reweighed.length;
  const departments: DepartmentResult[] = [
    ...reweighed.map(({ effectiveN: _n, ...d }, i) => ({
      ...d,
      rank: i + 1,
      flagged: i >= rankedCount - flaggedCount,
      pBottom: simulation.pBottom(i),
      rankInterval: simulation.rankInterval(i),
    })),
    ...results.departments.filter((d) => d.status !== 'ranked'),
  ];
  const flaggedDepartmentIds = departments.filter((d) => d.flagged).map((d) => d.departmentId);
  return {
    results: { ...results, departments, flaggedDepartmentIds },
    applied: 'weighted',
    unweighted: rankingLine(results.flaggedDepartmentIds, flaggedDepartmentIds),
  };
}
