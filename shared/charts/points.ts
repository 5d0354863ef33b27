// A cadre's points over time, for the chart on the cadre page: rows for recharts and a y-axis that
// always shows zero (deductions can take a total below it) with a little room above and below.
export interface PointsHistoryPoint {
  date: string;
  base: number;
  awards: number;
  deductions: number;
  total: number;
}
export interface PointsChartRow extends PointsHistoryPoint {
  label: string;
}

/** Month labels (YYYY-MM), the last point labelled with its full date (the "as of" day). */
export function pointsChartRows(history: readonly PointsHistoryPoint[]): PointsChartRow[] {
  return history.map((p, i) => ({ ...p, label: i === history.length - 1 ? p.date : p.date.slice(0, 7) }));
}

export function pointsAxis(rows: readonly PointsHistoryPoint[]): [number, number] {
  if (rows.length === 0) return [0, 10];
  const values = rows.flatMap((r) => [r.total, r.base, r.awards, r.deductions]);
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  const pad = Math.max(1, Math.ceil((hi - lo) * 0.1));
  return [lo < 0 ? lo - pad : 0, hi + pad];
}

/** The net effect of a set of entries (e.g. a head's escalation measures), counting only approved ones. */
export function netEffect(entries: readonly { status: string; points: number }[]): number {
  return entries.filter((e) => e.status === 'approved').reduce((sum, e) => sum + e.points, 0);
}
