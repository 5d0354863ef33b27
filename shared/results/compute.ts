// The results of a round, from rating counts and "least satisfied" votes: per-department n, mean,
// interval, rates, rank, the bottom-N flag, and how sure the ranking is (a seeded rank simulation).
// Pure: no I/O, no clock, no Math.random. The server aggregates with SQL and calls computeResults.
import { z } from 'zod';
import { APPLICABLE_LEVELS, RATING_LEVELS, isSatisfiedOrBetter, scaleSchema, scoresByLevel } from './scale.ts';
import type { RatingLevel, Scale, ScaleEntry } from './scale.ts';
import { seededNormal, tQuantile } from './stats.ts';

// ---------------------------------------------------------------------------------------------
// Rules

export type ResultRules = {
  /** Departments with fewer applicable ratings (不了解 excluded) are 'insufficient': shown, not ranked. */
  minRatings: number;
  /** How many of the last ranked departments are flagged (倒数三位). */
  bottomN: number;
  /** Monte Carlo runs for pBottom and rankInterval. */
  simulations: number;
};

export const DEFAULT_RESULT_RULES: ResultRules = { minRatings: 10, bottomN: 3, simulations: 10_000 };

export const resultRulesSchema = z.object({
  minRatings: z.number().int().min(1).max(100_000).default(DEFAULT_RESULT_RULES.minRatings),
  bottomN: z.number().int().min(0).max(1_000).default(DEFAULT_RESULT_RULES.bottomN),
  simulations: z.number().int().min(1).max(1_000_000).default(DEFAULT_RESULT_RULES.simulations),
});

/** The ranking rule, printed beside every published ranking. */
export const RANKING_RULE_TEXT = {
  zh:
    '按平均分从高到低排名；平均分相同时，“最不满意”票数少者在前；仍相同时，满意率（基本满意及以上占比）高者在前；' +
    '再相同时按部门编码升序。有效评价（不含“不了解”）少于规定数量的部门不参与排名；排名最后的若干位（默认倒数三位）被标记。',
  en:
    'Ranked by mean score, highest first. Ties: fewer "least satisfied" votes first, then higher satisfaction ' +
    'rate (share at "basically satisfied" or better), then department code ascending. Departments with fewer ' +
    'applicable ratings ("no dealings" excluded) than the minimum are not ranked; the last ranked ' +
    '(by default the bottom three) are flagged.',
} as const;

// ---------------------------------------------------------------------------------------------
// Inputs and outputs

export type RatingCounts = Record<RatingLevel, number>;
export type DepartmentRef = { id: number; code: string; name: string };
/** One department's rating counts by level (a SQL GROUP BY row set); missing levels count 0. */
export type DepartmentCounts = { departmentId: number; counts: Partial<RatingCounts> };
export type DepartmentVotes = { departmentId: number; votes: number };

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

export type DepartmentResult = {
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

export type FunnelLimits = { lo95: number; hi95: number; lo998: number; hi998: number };
export type FunnelPoint = FunnelLimits & { n: number };
export type Funnel = {
  /** Round mean over all applicable ratings (each rating weighs the same); null when there are none. */
  mean: number | null;
  /** Sample SD of all applicable ratings around that mean; null when there are none, 0 for one. */
  sd: number | null;
  /** All applicable ratings of the round. */
  n: number;
  /** Control limits for n = 2 … (largest department n + 10), for charts. */
  points: FunnelPoint[];
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
// Counting

export function emptyCounts(): RatingCounts {
  return { satisfied: 0, fairly_satisfied: 0, basically_satisfied: 0, dissatisfied: 0, not_applicable: 0 };
}

const LEVEL_SET: ReadonlySet<string> = new Set(RATING_LEVELS);

/** Counts by department and level from raw ratings, sorted by department id. */
export function countRatings(
  ratings: readonly { departmentId: number; level: RatingLevel }[],
): { departmentId: number; counts: RatingCounts }[] {
  const byDepartment = new Map<number, RatingCounts>();
  for (const { departmentId, level } of ratings) {
    if (!LEVEL_SET.has(level)) throw new RangeError(`unknown rating level: ${String(level)}`);
    let counts = byDepartment.get(departmentId);
    if (!counts) byDepartment.set(departmentId, (counts = emptyCounts()));
    counts[level]++;
  }
  return [...byDepartment.entries()]
    .sort(([a], [b]) => a - b)
    .map(([departmentId, counts]) => ({ departmentId, counts }));
}

// ---------------------------------------------------------------------------------------------
// Ranking order

/** What the ranking compares. A null mean (no ratings) ranks below any number. */
export type RankKey = {
  mean: number | null;
  leastSatisfiedVotes: number;
  satisfactionRate: number | null;
  code: string;
};

function compareNullableDesc(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a > b ? -1 : 1;
}

/** The tie-break alone: fewer votes, then higher satisfaction rate, then code ascending. */
function compareTieBreak(a: RankKey, b: RankKey): number {
  if (a.leastSatisfiedVotes !== b.leastSatisfiedVotes) return a.leastSatisfiedVotes - b.leastSatisfiedVotes;
  const bySatisfaction = compareNullableDesc(a.satisfactionRate, b.satisfactionRate);
  if (bySatisfaction !== 0) return bySatisfaction;
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

/**
 * Negative when a ranks above b (RANKING_RULE_TEXT): mean descending; then fewer "least satisfied"
 * votes; then higher satisfaction rate; then code ascending (plain UTF-16 string order). Means are
 * compared exactly: with integer scores equal fractions give equal doubles (division is correctly
 * rounded). A total order on departments with distinct codes.
 */
export function compareDepartments(a: RankKey, b: RankKey): number {
  return compareNullableDesc(a.mean, b.mean) || compareTieBreak(a, b);
}

// ---------------------------------------------------------------------------------------------
// Funnel

/** Two-sided 95% and 99.8% normal critical values (the usual funnel-plot limits, 1.96 and 3.09). */
export const FUNNEL_Z95 = 1.959963984540054;
export const FUNNEL_Z998 = 3.090232306167813;

const clip = (x: number): number => (x < 0 ? 0 : x > 100 ? 100 : x);

/** mean ± z·sd/√n for z = 1.96 and 3.09, clipped to [0, 100]. */
export function funnelLimits(mean: number, sd: number, n: number): FunnelLimits {
  if (!(n > 0)) throw new RangeError(`funnelLimits: n must be positive, got ${n}`);
  const se = sd / Math.sqrt(n);
  return {
    lo95: clip(mean - FUNNEL_Z95 * se),
    hi95: clip(mean + FUNNEL_Z95 * se),
    lo998: clip(mean - FUNNEL_Z998 * se),
    hi998: clip(mean + FUNNEL_Z998 * se),
  };
}

/**
 * Funnel limits sampled for a chart: every n from 2 to maxN when that is at most `count` points,
 * otherwise `count` geometrically spaced n (dense where the funnel bends), always including 2 and maxN.
 */
export function funnelPoints(mean: number, sd: number, maxN: number, count = 40): FunnelPoint[] {
  const last = Math.floor(maxN);
  if (last < 2) return [];
  const ns: number[] = [];
  if (last - 1 <= count) {
    for (let n = 2; n <= last; n++) ns.push(n);
  } else {
    const ratio = last / 2;
    for (let k = 0; k < count; k++) {
      const n = k === count - 1 ? last : Math.round(2 * Math.pow(ratio, k / (count - 1)));
      if (n !== ns[ns.length - 1]) ns.push(n);
    }
  }
  return ns.map((n) => ({ n, ...funnelLimits(mean, sd, n) }));
}

// ---------------------------------------------------------------------------------------------
// Computation

function assertCount(value: number, what: string): void {
  if (!(Number.isInteger(value) && value >= 0)) {
    throw new RangeError(`${what} must be a non-negative integer, got ${value}`);
  }
}

type Working = {
  ref: DepartmentRef;
  counts: RatingCounts;
  votes: number;
  n: number;
  mean: number | null;
  sd: number;
  satisfactionRate: number | null;
  dissatisfiedRate: number | null;
};

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

  // Index the departments.
  const indexById = new Map<number, number>();
  const codes = new Set<string>();
  input.departments.forEach((ref, i) => {
    if (indexById.has(ref.id)) throw new RangeError(`duplicate department id ${ref.id}`);
    if (codes.has(ref.code)) throw new RangeError(`duplicate department code ${ref.code}`);
    indexById.set(ref.id, i);
    codes.add(ref.code);
  });
  const indexOf = (departmentId: number, what: string): number => {
    const i = indexById.get(departmentId);
    if (i === undefined) throw new RangeError(`${what} for unknown department ${departmentId}`);
    return i;
  };

  const allCounts = input.departments.map(() => emptyCounts());
  for (const row of input.counts) {
    const counts = allCounts[indexOf(row.departmentId, 'counts')]!;
    for (const level of RATING_LEVELS) {
      const value = row.counts[level] ?? 0;
      assertCount(value, `count of ${level} for department ${row.departmentId}`);
      counts[level] += value;
    }
  }
  const allVotes = input.departments.map(() => 0);
  for (const row of input.votes) {
    const i = indexOf(row.departmentId, 'votes');
    assertCount(row.votes, `votes for department ${row.departmentId}`);
    allVotes[i]! += row.votes;
  }

  // Per-department statistics, straight from the counts (exact sums for integer scores). Kept in
  // code order so that every floating-point sum below is independent of the input order.
  const work: Working[] = input.departments.map((ref, i) => {
    const counts = allCounts[i]!;
    let n = 0;
    let sum = 0;
    let satisfied = 0;
    for (const level of APPLICABLE_LEVELS) {
      n += counts[level];
      sum += counts[level] * scores[level];
      if (isSatisfiedOrBetter(level)) satisfied += counts[level];
    }
    const mean = n > 0 ? sum / n : null;
    let sd = 0;
    if (mean !== null && n >= 2) {
      let ss = 0;
      for (const level of APPLICABLE_LEVELS) ss += counts[level] * (scores[level] - mean) ** 2;
      sd = Math.sqrt(ss / (n - 1));
    }
    return {
      ref,
      counts,
      votes: allVotes[i]!,
      n,
      mean,
      sd,
      satisfactionRate: n > 0 ? satisfied / n : null,
      dissatisfiedRate: n > 0 ? counts.dissatisfied / n : null,
    };
  });
  work.sort((a, b) => (a.ref.code < b.ref.code ? -1 : a.ref.code > b.ref.code ? 1 : 0));

  const keyOf = (w: Working): RankKey => ({
    mean: w.mean,
    leastSatisfiedVotes: w.votes,
    satisfactionRate: w.satisfactionRate,
    code: w.ref.code,
  });
  const ranked = work
    .filter((w) => w.n >= rules.minRatings)
    .sort((a, b) => compareDepartments(keyOf(a), keyOf(b)));
  const rankedCount = ranked.length;
  const flaggedCount = Math.min(rules.bottomN, rankedCount);

  // Pooled within-department SD.
  let pooledSs = 0;
  let pooledDf = 0;
  for (const w of work) {
    if (w.n >= 2) {
      pooledSs += (w.n - 1) * w.sd * w.sd;
      pooledDf += w.n - 1;
    }
  }
  const pooledSd = pooledDf > 0 ? Math.sqrt(pooledSs / pooledDf) : null;

  const simulation = simulateRanks(
    ranked.map((w) => w.mean!),
    ranked.map((w) => (w.sd > 0 ? w.sd : (pooledSd ?? 0)) / Math.sqrt(w.n)),
    tieBreakPositions(ranked.map(keyOf)),
    flaggedCount,
    rules.simulations,
    input.simulationSeed,
  );

  // t critical values, once per df.
  const tCache = new Map<number, number>();
  const t975 = (df: number): number => {
    let t = tCache.get(df);
    if (t === undefined) tCache.set(df, (t = tQuantile(0.975, df)));
    return t;
  };

  const toResult = (w: Working, rankIndex: number | null): DepartmentResult => {
    let ci95: [number, number] | null = null;
    if (w.mean !== null && w.n >= 2) {
      const half = (t975(w.n - 1) * w.sd) / Math.sqrt(w.n);
      ci95 = [clip(w.mean - half), clip(w.mean + half)];
    }
    const isRanked = rankIndex !== null;
    return {
      departmentId: w.ref.id,
      code: w.ref.code,
      name: w.ref.name,
      counts: { ...w.counts },
      n: w.n,
      notApplicable: w.counts.not_applicable,
      mean: w.mean,
      sd: w.sd,
      ci95,
      satisfactionRate: w.satisfactionRate,
      dissatisfiedRate: w.dissatisfiedRate,
      leastSatisfiedVotes: w.votes,
      status: isRanked ? 'ranked' : 'insufficient',
      rank: isRanked ? rankIndex + 1 : null,
      flagged: isRanked && rankIndex >= rankedCount - flaggedCount,
      pBottom: isRanked ? simulation.bottomCounts[rankIndex]! / rules.simulations : null,
      rankInterval: isRanked ? simulation.rankInterval(rankIndex) : null,
    };
  };

  const insufficient = work.filter((w) => w.n < rules.minRatings); // in code order
  const departments = [...ranked.map((w, i) => toResult(w, i)), ...insufficient.map((w) => toResult(w, null))];

  // Round-level figures and the funnel.
  const totalCounts = emptyCounts();
  for (const w of work) for (const level of RATING_LEVELS) totalCounts[level] += w.counts[level];
  let totalN = 0;
  let totalSum = 0;
  for (const level of APPLICABLE_LEVELS) {
    totalN += totalCounts[level];
    totalSum += totalCounts[level] * scores[level];
  }
  const roundMean = totalN > 0 ? totalSum / totalN : null;
  let roundSd: number | null = null;
  if (roundMean !== null) {
    let ss = 0;
    for (const level of APPLICABLE_LEVELS) ss += totalCounts[level] * (scores[level] - roundMean) ** 2;
    roundSd = totalN >= 2 ? Math.sqrt(ss / (totalN - 1)) : 0;
  }
  const maxN = work.reduce((max, w) => Math.max(max, w.n), 0);

  return {
    rules,
    scale,
    rankingRule: RANKING_RULE_TEXT,
    departments,
    rankedCount,
    flaggedDepartmentIds: departments.filter((d) => d.flagged).map((d) => d.departmentId),
    totals: {
      applicable: totalN,
      notApplicable: totalCounts.not_applicable,
      leastSatisfiedVotes: work.reduce((sum, w) => sum + w.votes, 0),
    },
    funnel: {
      mean: roundMean,
      sd: roundSd,
      n: totalN,
      points: roundMean === null || roundSd === null ? [] : funnelPoints(roundMean, roundSd, maxN + 10),
    },
    simulation: { seed: input.simulationSeed, runs: rules.simulations, pooledSd },
  };
}

/** Position of each key in the tie-break order alone (votes, satisfaction rate, code). */
function tieBreakPositions(keys: readonly RankKey[]): Int32Array {
  const order = keys.map((_, i) => i).sort((a, b) => compareTieBreak(keys[a]!, keys[b]!));
  const positions = new Int32Array(keys.length);
  order.forEach((k, position) => (positions[k] = position));
  return positions;
}

// ---------------------------------------------------------------------------------------------
// Rank simulation (hot path: typed arrays, no allocation per run)

type Simulation = {
  /** Runs in which department k (by rank index) landed in the bottom. */
  bottomCounts: Int32Array;
  rankInterval(k: number): [number, number];
};

function simulateRanks(
  means: readonly number[],
  ses: readonly number[],
  tie: Int32Array,
  bottom: number,
  runs: number,
  seed: string,
): Simulation {
  const k = means.length;
  const mean = Float64Array.from(means);
  const se = Float64Array.from(ses);
  const drawn = new Float64Array(k);
  const order = new Int32Array(k);
  for (let i = 0; i < k; i++) order[i] = i;
  const bottomCounts = new Int32Array(k);
  const rankCounts = new Int32Array(k * k); // rankCounts[d * k + r]: runs with department d at rank r + 1
  const bottomStart = k - bottom;
  const normal = seededNormal(seed);

  for (let run = 0; run < runs; run++) {
    for (let i = 0; i < k; i++) drawn[i] = mean[i]! + se[i]! * normal();
    sortByDrawn(order, drawn, tie, 0, k - 1);
    for (let r = 0; r < k; r++) {
      const d = order[r]!;
      rankCounts[d * k + r]!++;
      if (r >= bottomStart) bottomCounts[d]!++;
    }
  }

  return {
    bottomCounts,
    rankInterval(d: number): [number, number] {
      // Smallest rank whose cumulative share reaches 2.5% (resp. 97.5%), in integer arithmetic.
      let lo = 0;
      let cumulative = 0;
      for (let r = 0; r < k; r++) {
        cumulative += rankCounts[d * k + r]!;
        if (lo === 0 && cumulative * 40 >= runs) lo = r + 1;
        if (cumulative * 40 >= runs * 39) return [lo, r + 1];
      }
      return [lo, k];
    },
  };
}

/** Whether department a's draw ranks above b's: higher drawn mean, then earlier tie-break position. */
function above(drawn: Float64Array, tie: Int32Array, a: number, b: number): boolean {
  const da = drawn[a]!;
  const db = drawn[b]!;
  return da > db || (da === db && tie[a]! < tie[b]!);
}

/**
 * In-place sort of order[lo..hi] (inclusive), best first by `above`: quicksort, insertion sort for
 * short runs. Exported for its tests only.
 */
export function sortByDrawn(order: Int32Array, drawn: Float64Array, tie: Int32Array, lo: number, hi: number): void {
  while (hi - lo > 16) {
    // Median of three as pivot, then Hoare partition.
    const mid = (lo + hi) >>> 1;
    if (above(drawn, tie, order[mid]!, order[lo]!)) swap(order, mid, lo);
    if (above(drawn, tie, order[hi]!, order[lo]!)) swap(order, hi, lo);
    if (above(drawn, tie, order[hi]!, order[mid]!)) swap(order, hi, mid);
    const pivot = order[mid]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (above(drawn, tie, order[i]!, pivot)) i++;
      while (above(drawn, tie, pivot, order[j]!)) j--;
      if (i <= j) swap(order, i++, j--);
    }
    // Recurse into the smaller part, loop on the larger.
    if (j - lo < hi - i) {
      sortByDrawn(order, drawn, tie, lo, j);
      lo = i;
    } else {
      sortByDrawn(order, drawn, tie, i, hi);
      hi = j;
    }
  }
  for (let i = lo + 1; i <= hi; i++) {
    const x = order[i]!;
    let j = i - 1;
    while (j >= lo && above(drawn, tie, x, order[j]!)) {
      order[j + 1] = order[j]!;
      j--;
    }
    order[j + 1] = x;
  }
}

function swap(a: Int32Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}
