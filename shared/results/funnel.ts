// The funnel plot: control limits around the round mean that narrow as a department's n grows, so a
// small department's low mean is not mistaken for a real difference. Limits at 95% and 99.8%.
import { clipScore, scoreMoments } from './aggregate.ts';
import type { Scores } from './aggregate.ts';
import type { RatingCounts } from './counts.ts';

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

/** Two-sided 95% and 99.8% normal critical values (the usual funnel-plot limits, 1.96 and 3.09). */
export const FUNNEL_Z95 = 1.959963984540054;
export const FUNNEL_Z998 = 3.090232306167813;

/** mean ± z·sd/√n for z = 1.96 and 3.09, clipped to [0, 100]. */
export function funnelLimits(mean: number, sd: number, n: number): FunnelLimits {
  if (!(n > 0)) throw new RangeError(`funnelLimits: n must be positive, got ${n}`);
  const se = sd / Math.sqrt(n);
  return {
    lo95: clipScore(mean - FUNNEL_Z95 * se),
    hi95: clipScore(mean + FUNNEL_Z95 * se),
    lo998: clipScore(mean - FUNNEL_Z998 * se),
    hi998: clipScore(mean + FUNNEL_Z998 * se),
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

/** The round's funnel: all its applicable ratings (`total`), charted up to the largest department n + 10. */
export function roundFunnel(total: RatingCounts, scores: Scores, largestDepartmentN: number): Funnel {
  const { n, mean, sd } = scoreMoments(total, scores);
  if (mean === null) return { mean: null, sd: null, n, points: [] };
  return { mean, sd, n, points: funnelPoints(mean, sd, largestDepartmentN + 10) };
}
