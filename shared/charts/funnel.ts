// Funnel plot: each department's mean score against its number of ratings, with the round's 95% and
// 99.8% control limits. A department outside the limits differs from the city mean by more than chance
// at its n; one inside them does not, whatever its rank.
import type { Results } from '../schemas/results.ts';
import { niceTicks } from './axis.ts';
import type { DepartmentRow } from './types.ts';

export type FunnelLimitsPoint = Results['funnel']['points'][number];

/** Where a department's mean lies against the limits at its n. */
export type FunnelZone = 'above998' | 'above95' | 'within' | 'below95' | 'below998';

export type FunnelDot = {
  departmentId: number;
  code: string;
  name: string;
  nameEn: string | null;
  n: number;
  mean: number;
  flagged: boolean;
  ranked: boolean;
  zone: FunnelZone | null;
};

export type FunnelSeries = {
  /** The city mean (a horizontal reference line); null when the round has no ratings. */
  mean: number | null;
  /** Limits by n, ascending n, for the four limit lines. */
  limits: FunnelLimitsPoint[];
  /** Ranked, not flagged. */
  normal: FunnelDot[];
  /** The bottom N (drawn in red). */
  flagged: FunnelDot[];
  /** Too few ratings to rank (drawn hollow). */
  insufficient: FunnelDot[];
  /** Axes covering every dot and every limit line, rounded out to nice steps (y within 0–100). */
  x: { domain: [number, number]; ticks: number[] };
  y: { domain: [number, number]; ticks: number[] };
};

/** The limits at n, linearly interpolated between the sampled points; null outside their range. */
export function limitsAt(points: readonly FunnelLimitsPoint[], n: number): Omit<FunnelLimitsPoint, 'n'> | null {
  if (points.length === 0) return null;
  const first = points[0]!;
  const last = points[points.length - 1]!;
  if (n < first.n || n > last.n) return null;
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    if (p.n === n) return { lo95: p.lo95, hi95: p.hi95, lo998: p.lo998, hi998: p.hi998 };
    const next = points[i + 1];
    if (next && p.n < n && n < next.n) {
      const t = (n - p.n) / (next.n - p.n);
      const mix = (a: number, b: number) => a + (b - a) * t;
      return {
        lo95: mix(p.lo95, next.lo95),
        hi95: mix(p.hi95, next.hi95),
        lo998: mix(p.lo998, next.lo998),
        hi998: mix(p.hi998, next.hi998),
      };
    }
  }
  return null;
}

export function zoneOf(mean: number, limits: Omit<FunnelLimitsPoint, 'n'>): FunnelZone {
  if (mean > limits.hi998) return 'above998';
  if (mean > limits.hi95) return 'above95';
  if (mean < limits.lo998) return 'below998';
  if (mean < limits.lo95) return 'below95';
  return 'within';
}

export function funnelSeries(results: {
  departments: readonly DepartmentRow[];
  funnel: Pick<Results['funnel'], 'mean' | 'points'>;
}): FunnelSeries {
  const limits = [...results.funnel.points].sort((a, b) => a.n - b.n);
  const dots: FunnelDot[] = results.departments
    .filter((d): d is DepartmentRow & { mean: number } => d.mean !== null && d.n > 0)
    .map((d) => {
      const at = limitsAt(limits, d.n);
      return {
        departmentId: d.departmentId,
        code: d.code,
        name: d.name,
        nameEn: d.nameEn,
        n: d.n,
        mean: d.mean,
        flagged: d.flagged,
        ranked: d.status === 'ranked',
        zone: at ? zoneOf(d.mean, at) : null,
      };
    });
  const ys = [...dots.map((d) => d.mean), ...limits.flatMap((l) => [l.lo998, l.hi998])];
  const xs = [...dots.map((d) => d.n), ...limits.map((l) => l.n)];
  let yLo = ys.length ? Math.min(...ys) : 0;
  let yHi = ys.length ? Math.max(...ys) : 100;
  if (yHi - yLo < 10) [yLo, yHi] = [Math.max(0, yHi - 10), Math.min(100, Math.max(yHi, yLo + 10))];
  return {
    mean: results.funnel.mean,
    limits,
    normal: dots.filter((d) => d.ranked && !d.flagged),
    flagged: dots.filter((d) => d.flagged),
    insufficient: dots.filter((d) => !d.ranked && !d.flagged),
    x: niceTicks(0, xs.length ? Math.max(...xs) : 10, { min: 0 }),
    y: niceTicks(yLo, yHi, { min: 0, max: 100 }),
  };
}
