// The results of a round, from rating counts and "least satisfied" votes: per-department n, mean,
// interval, rates, rank, the bottom-N flag, and how sure the ranking is (a seeded rank simulation).
// Pure: no I/O, no clock, no Math.random. The server aggregates with SQL and calls computeResults.
// This is the public entry: the parts live beside it, one concept each (rules, counts, aggregate,
// ranking, simulation, funnel), and what importers need is re-exported here.
import { aggregateDepartments } from './aggregate.ts';
import type { DepartmentAggregate } from './aggregate.ts';
import { sumCounts, tallyDepartments } from './counts.ts';
import type { DepartmentCounts, DepartmentRef, DepartmentVotes } from './counts.ts';
import { roundFunnel } from './funnel.ts';
import type { Funnel } from './funnel.ts';
import { RANKING_RULE_TEXT, compareCodes, rankDepartments } from './ranking.ts';
import { resultRulesSchema } from './rules.ts';
import type { ResultRules } from './rules.ts';
import { scaleSchema, scoresByLevel } from './scale.ts';
import type { Scale, ScaleEntry } from './scale.ts';
import { pooledSd, simulateRanking } from './simulation.ts';

export { DEFAULT_RESULT_RULES, resultRulesSchema, type ResultRules } from './rules.ts';
export {
  countRatings,
  emptyCounts,
  type DepartmentCounts,
  type DepartmentRef,
  type DepartmentVotes,
  type RatingCounts,
} from './counts.ts';
export { RANKING_RULE_TEXT, compareDepartments, type RankKey } from './ranking.ts';
export {
  FUNNEL_Z95,
  FUNNEL_Z998,
  funnelLimits,
  funnelPoints,
  type Funnel,
  type FunnelLimits,
  type FunnelPoint,
} from './funnel.ts';

// ---------------------------------------------------------------------------------------------
// Inputs and outputs

export type ResultsInput = {
  rules: ResultRules;
  /** The round's departments; ids and codes must be unique. */
  departments: readonly DepartmentRef[];
  /** Rows for the same department are added; a department without a row has no ratings. */
  counts: readonly DepartmentCounts[];
  /** "Least satisfied" votes; rows for the same department are added; missing means 0. */
  votes: readonly DepartmentVotes[];
  scale: readonly ScaleEntry[];
  /** Seeds the rank simulation: same inputs and seed, same pBottom and rankInterval. */
  simulationSeed: string;
};

export type DepartmentStatus = 'ranked' | 'insufficient';

/** A department's statistics (see DepartmentAggregate) and its place in the ranking. */
export type DepartmentResult = DepartmentAggregate & {
  status: DepartmentStatus;
  /** 1 = best; null when insufficient. */
  rank: number | null;
  /** Among the last min(bottomN, rankedCount) ranked. */
  flagged: boolean;
  /** Share of simulations in which it lands in the bottom N; null when insufficient. */
  pBottom: number | null;
  /** 2.5% and 97.5% quantiles of its simulated rank; null when insufficient. */
  rankInterval: [number, number] | null;
};

export type RoundResults = {
  rules: ResultRules;
  scale: Scale;
  rankingRule: typeof RANKING_RULE_TEXT;
  /** Ranked departments in rank order, then insufficient ones by code. */
  departments: DepartmentResult[];
  rankedCount: number;
  /** Flagged departments in rank order (the last one is last). */
  flaggedDepartmentIds: number[];
  totals: { applicable: number; notApplicable: number; leastSatisfiedVotes: number };
  funnel: Funnel;
  simulation: {
    seed: string;
    runs: number;
    /**
     * Pooled within-department SD, √(Σ(nᵢ−1)sᵢ² / Σ(nᵢ−1)) over departments with n ≥ 2; used in place
     * of a department's own SD when that is 0 (every rating alike, or n = 1). Null when no department has n ≥ 2.
     */
    pooledSd: number | null;
  };
};

// ---------------------------------------------------------------------------------------------
// Computation

/**
 * Computes a round's results. Throws on inconsistent input (duplicate department id or code, counts
 * or votes for a department not in the list, negative or fractional counts, an invalid scale or rules).
 *
 * Flagging: the last min(bottomN, rankedCount) ranked departments; when no more departments are
 * ranked than bottomN, all ranked ones are flagged.
 *
 * Rank simulation: each ranked department's mean is drawn from Normal(mean, se), se = sd/√n (pooled
 * SD when its own is 0, see RoundResults.simulation.pooledSd), in rank order from a normal stream
 * seeded by simulationSeed; the draws are ranked by the same rule (ties on a drawn mean fall to votes,
 * satisfaction rate, code). pBottom = share of runs in the bottom min(bottomN, rankedCount);
 * rankInterval = the 2.5% and 97.5% quantiles (inverse empirical CDF) of the simulated rank.
 */
export function computeResults(input: ResultsInput): RoundResults {
  const rules = resultRulesSchema.parse(input.rules);
  const scale = scaleSchema.parse(input.scale);
  const scores = scoresByLevel(scale);

  // Per-department statistics, kept in code order so that every floating-point sum below is
  // independent of the input order.
  const tally = tallyDepartments(input.departments, input.counts, input.votes);
  const all = aggregateDepartments(input.departments, tally, scores).sort((a, b) => compareCodes(a.code, b.code));

  const { ranked, insufficient, flaggedCount } = rankDepartments(all, rules);
  const rankedCount = ranked.length;
  const pooled = pooledSd(all);
  const simulation = simulateRanking(ranked, pooled, flaggedCount, rules.simulations, input.simulationSeed);

  const departments: DepartmentResult[] = [
    ...ranked.map((d, i) => ({
      ...d,
      status: 'ranked' as const,
      rank: i + 1,
      flagged: i >= rankedCount - flaggedCount,
      pBottom: simulation.pBottom(i),
      rankInterval: simulation.rankInterval(i),
    })),
    ...insufficient.map((d) => ({
      ...d,
      status: 'insufficient' as const,
      rank: null,
      flagged: false,
      pBottom: null,
      rankInterval: null,
    })),
  ];

  const total = sumCounts(all.map((d) => d.counts));
  const funnel = roundFunnel(
    total,
    scores,
    all.reduce((max, d) => Math.max(max, d.n), 0),
  );

  return {
    rules,
    scale,
    rankingRule: RANKING_RULE_TEXT,
    departments,
    rankedCount,
    flaggedDepartmentIds: departments.filter((d) => d.flagged).map((d) => d.departmentId),
    totals: {
      applicable: funnel.n,
      notApplicable: total.not_applicable,
      leastSatisfiedVotes: all.reduce((sum, d) => sum + d.leastSatisfiedVotes, 0),
    },
    funnel,
    simulation: { seed: input.simulationSeed, runs: rules.simulations, pooledSd: pooled },
  };
}
