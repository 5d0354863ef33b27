// Rounds are ordered by the quarter they measure, never by their id string: a re-run such as 2027Q1R2
// measures 2027Q1 and comes before 2027Q2 whenever it was published.

export type MeasuredQuarter = { year: number; quarter: 1 | 2 | 3 | 4; run: number; key: string };

/** The quarter a round measures, and which run of it (1 for the first, 2 for R2…); null for another id. */
export function measuredQuarter(roundId: string): MeasuredQuarter | null {
  const m = /^(\d{4})Q([1-4])(?:R([2-9]))?$/.exec(roundId);
  if (!m) return null;
  return { year: Number(m[1]), quarter: Number(m[2]) as 1 | 2 | 3 | 4, run: m[3] ? Number(m[3]) : 1, key: `${m[1]}Q${m[2]}` };
}

/** Sort order of rounds: by measured quarter, then by run; ids that are not quarters last, by id. */
export function compareRounds(a: string, b: string): number {
  const qa = measuredQuarter(a);
  const qb = measuredQuarter(b);
  if (!qa || !qb) return qa ? -1 : qb ? 1 : a < b ? -1 : a > b ? 1 : 0;
  return qa.year - qb.year || qa.quarter - qb.quarter || qa.run - qb.run;
}
