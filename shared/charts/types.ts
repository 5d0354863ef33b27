// The slices of the API's results that the chart maths reads. Structural, so tests build small rows
// and any superset (the full Results view) fits.
import type { DepartmentResultView, Results } from '../schemas/results.ts';

export type DepartmentRow = Pick<
  DepartmentResultView,
  'departmentId' | 'code' | 'name' | 'nameEn' | 'n' | 'mean' | 'flagged' | 'status' | 'rank'
>;

/** One round's results, as far as trends across rounds need them. */
export type RoundRows<D extends DepartmentRow = DepartmentRow> = { round: Pick<Results['round'], 'id'>; departments: readonly D[] };

/** Department rows in their published order: ranked by rank, then unranked by code. */
export function byRankThenCode<D extends Pick<DepartmentRow, 'rank' | 'code'>>(a: D, b: D): number {
  if (a.rank !== null && b.rank !== null) return a.rank - b.rank;
  if (a.rank !== null) return -1;
  if (b.rank !== null) return 1;
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}
