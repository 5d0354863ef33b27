// How sure the ranking is: a seeded Monte Carlo of the ranking (pBottom, the share of runs in which a
// department lands in the bottom N, and its 95% rank interval). Seeded so that published numbers can
// be recomputed; the hot path uses typed arrays and allocates nothing per run.
import { tieBreakPositions } from './ranking.ts';
import type { RankKey } from './ranking.ts';
import { seededNormal } from './stats.ts';

/**
 * Pooled within-department SD, √(Σ(nᵢ−1)sᵢ² / Σ(nᵢ−1)) over departments with n ≥ 2 (summed in the
 * given order); null when none has n ≥ 2.
 */
export function pooledSd(departments: readonly { n: number; sd: number }[]): number | null {
  let pooledSs = 0;
  let pooledDf = 0;
  for (const d of departments) {
    if (d.n >= 2) {
      pooledSs += (d.n - 1) * d.sd * d.sd;
      pooledDf += d.n - 1;
    }
  }
  return pooledDf > 0 ? Math.sqrt(pooledSs / pooledDf) : null;
}

export type Simulation = {
  /** Share of runs in which department k (by rank index) landed in the bottom. */
  pBottom(k: number): number;
  /** 2.5% and 97.5% quantiles (inverse empirical CDF) of department k's simulated rank. */
  rankInterval(k: number): [number, number];
};

/**
 * Simulates the ranking of `ranked` (in rank order, each with n ≥ 1). Each department's mean is drawn
 * from Normal(mean, se), se = sd/√n (the pooled SD when its own is 0: every rating alike, or n = 1), in
 * rank order from a normal stream seeded by `seed`; the draws are ranked by the same rule (ties on a
 * drawn mean fall to votes, satisfaction rate, code). The bottom is the last `bottom` of each run.
 */
export function simulateRanking(
  ranked: readonly (RankKey & { n: number; sd: number })[],
  pooled: number | null,
  bottom: number,
  runs: number,
  seed: string,
): Simulation {
  return simulateRanks(
    ranked.map((d) => d.mean!),
    ranked.map((d) => (d.sd > 0 ? d.sd : (pooled ?? 0)) / Math.sqrt(d.n)),
    tieBreakPositions(ranked),
    bottom,
    runs,
    seed,
  );
}

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
  const bottomCounts = new Int32Array(k); // runs with department d in the bottom
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
    pBottom: (d: number): number => bottomCounts[d]! / runs,
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
