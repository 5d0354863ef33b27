// Chart maths for the department page, apart from the charts: trend rows from the department's
// history, and its ratings by level. Pure functions; the recharts components only render them.
import { wholePercents } from '#shared/charts/distribution.ts';
import { trendFromHistory } from '#shared/charts/trends.ts';
import { RATING_LEVELS, type RatingLevel, type Scale } from '#shared/results/scale.ts';
import type { DepartmentHistory } from '../../endpoints.ts';

export type TrendChartRow = {
  roundId: string;
  label: string;
  mean: number | null;
  rank: number | null;
  rankedCount: number | null;
  flagged: boolean;
};

/** One row per published round, oldest first, labelled for the x axis. */
export function trendRows(history: DepartmentHistory, label: (roundId: string) => string): TrendChartRow[] {
  return trendFromHistory(history).points.map((p) => ({
    roundId: p.roundId,
    label: label(p.roundId),
    mean: p.mean,
    rank: p.rank,
    rankedCount: p.rankedCount,
    flagged: p.flagged,
  }));
}

/** The rank axis runs from 1 to the largest field of ranked departments seen (at least 1). */
export function rankAxisMax(rows: readonly TrendChartRow[]): number {
  return Math.max(1, ...rows.map((r) => r.rankedCount ?? 0), ...rows.map((r) => r.rank ?? 0));
}

/** The score axis: 0–100, or tighter (to tens) when every score is high, so changes stay visible. */
export function meanAxis(rows: readonly TrendChartRow[]): [number, number] {
  const means = rows.map((r) => r.mean).filter((m): m is number => m !== null);
  if (!means.length) return [0, 100];
  const lo = Math.max(0, Math.floor((Math.min(...means) - 5) / 10) * 10);
  return [Math.min(lo, 50), 100];
}

export type DistributionBar = {
  level: RatingLevel;
  label: string;
  count: number;
  /** Whole percent of the applicable ratings; null for 不了解 (not a rating). */
  percent: number | null;
  applicable: boolean;
};

/** Bars best first, 不了解 last, labelled from the round's own scale. */
/** `notApplicableLabel`: a short name for 不了解 on the axis (the caption says it is not counted). */
export function distributionBars(
  counts: Partial<Record<RatingLevel, number>>,
  scale: Scale,
  lang: string,
  notApplicableLabel: string,
): DistributionBar[] {
  const applicable = scale.map((s) => s.level);
  const ordered = RATING_LEVELS.filter((l) => l !== 'not_applicable' && applicable.includes(l));
  const percents = wholePercents(ordered.map((l) => counts[l] ?? 0));
  const bars: DistributionBar[] = ordered.map((level, i) => {
    const entry = scale.find((s) => s.level === level)!;
    return {
      level,
      label: lang === 'en' ? entry.labelEn : entry.labelZh,
      count: counts[level] ?? 0,
      percent: percents[i] ?? 0,
      applicable: true,
    };
  });
  bars.push({
    level: 'not_applicable',
    label: notApplicableLabel,
    count: counts.not_applicable ?? 0,
    percent: null,
    applicable: false,
  });
  return bars;
}
