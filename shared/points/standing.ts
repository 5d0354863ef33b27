// A cadre's standing on a date: base (by tenure) + awards − deductions, explained entry by entry.
import { basePoints, type BasePoints, type TenureSpan } from './base.ts';
import { monthEnds } from './days.ts';
import { rulebookInForce, type Rulebook } from './rulebook.ts';
import type { RuleKind } from './vocabulary.ts';

/** An approved ledger entry as the rules see it (reversals carry the opposite points and the same kind). */
export interface ScoredEntry {
  id: number;
  date: string;
  ruleCode: string;
  kind: RuleKind;
  points: number;
  reversesId: number | null;
}

export interface Standing {
  asOf: string;
  rulebookVersion: string | null;
  base: BasePoints;
  /** Sum of award entries (positive; a reversed award brings it back down). */
  awards: number;
  /** Sum of deduction entries (zero or negative). */
  deductions: number;
  total: number;
  /** The entries counted, oldest first: the explanation of awards and deductions. */
  entries: ScoredEntry[];
}

const NO_BASE = { basePerYear: 0, baseCap: 0 };

export function standingOn(
  tenures: readonly TenureSpan[],
  entries: readonly ScoredEntry[],
  books: readonly Rulebook[],
  asOf: string,
): Standing {
  const book = rulebookInForce(books, asOf);
  const base = basePoints(tenures, asOf, book ?? NO_BASE);
  const counted = entries.filter((e) => e.date <= asOf).sort((a, b) => (a.date === b.date ? a.id - b.id : a.date < b.date ? -1 : 1));
  let awards = 0;
  let deductions = 0;
  for (const e of counted) {
    if (e.kind === 'award') awards += e.points;
    else deductions += e.points;
  }
  return {
    asOf,
    rulebookVersion: book?.version ?? null,
    base,
    awards,
    deductions,
    total: base.points + awards + deductions,
    entries: counted,
  };
}

export interface TotalPoint {
  date: string;
  base: number;
  awards: number;
  deductions: number;
  total: number;
}

/** The total at every month end from the first day in post to `asOf` (the chart of a cadre's page). */
export function totalsOverTime(
  tenures: readonly TenureSpan[],
  entries: readonly ScoredEntry[],
  books: readonly Rulebook[],
  asOf: string,
): TotalPoint[] {
  const first = tenures.reduce<string | null>((min, t) => (min === null || t.since < min ? t.since : min), null);
  if (first === null || first > asOf) return [];
  return monthEnds(first, asOf).map((date) => {
    const s = standingOn(tenures, entries, books, date);
    return { date, base: s.base.points, awards: s.awards, deductions: s.deductions, total: s.total };
  });
}
