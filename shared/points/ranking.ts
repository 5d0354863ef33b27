// Cohort ranking (同职级排名): within one rank, by total points, with a stated tie-break so that the
// order never depends on how the rows happened to arrive.
export interface Rankable {
  cadreId: number;
  code: string;
  total: number;
  awards: number;
  deductions: number;
  serviceDays: number;
}

export const TIE_BREAK = {
  zh: '总积分高者在前；相同则扣分少者在前；再同则奖励分高者在前；再同则任职时间长者在前；再同按干部编号',
  en: 'Higher total first; on equal totals, fewer deduction points; then more award points; then longer service; then staff number',
} as const;

export function compareStanding(a: Rankable, b: Rankable): number {
  return (
    b.total - a.total ||
    b.deductions - a.deductions || // deductions are ≤ 0: closer to zero is better
    b.awards - a.awards ||
    b.serviceDays - a.serviceDays ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
  );
}

export type Ranked<T> = T & { position: number; cohortSize: number; tiedOnTotal: boolean };

/** Positions 1..n by the tie-break; `tiedOnTotal` marks cadres whose place was decided by the tie-break. */
export function rankCohort<T extends Rankable>(items: readonly T[]): Ranked<T>[] {
  const sorted = [...items].sort(compareStanding);
  return sorted.map((it, i) => ({
    ...it,
    position: i + 1,
    cohortSize: sorted.length,
    tiedOnTotal: (i > 0 && sorted[i - 1]!.total === it.total) || (i + 1 < sorted.length && sorted[i + 1]!.total === it.total),
  }));
}

/** Ranks every cohort (one rank 职级) separately; the result is grouped by cohort, each in order. */
export function rankByCohort<T extends Rankable>(items: readonly T[], cohortOf: (item: T) => string): Ranked<T>[] {
  const byCohort = new Map<string, T[]>();
  for (const it of items) {
    const key = cohortOf(it);
    const list = byCohort.get(key);
    if (list) list.push(it);
    else byCohort.set(key, [it]);
  }
  return [...byCohort.values()].flatMap((list) => rankCohort(list));
}
