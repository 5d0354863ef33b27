// Base points (基础分): years in post. Service is counted across every post a cadre held, so changing
// post never resets it; overlapping posts (a concurrent appointment) count their common days once.
import { dayNumber } from './days.ts';

export interface TenureSpan {
  since: string;
  until: string | null;
}
export interface BaseRule {
  basePerYear: number;
  baseCap: number;
}

export const DAYS_PER_YEAR = 365;

/** Days in post from the first tenure up to and including `asOf`. */
export function serviceDays(tenures: readonly TenureSpan[], asOf: string): number {
  const end = dayNumber(asOf);
  const spans = tenures
    .map((t) => [dayNumber(t.since), t.until === null ? end : Math.min(end, dayNumber(t.until))] as const)
    .filter(([a, b]) => a <= b)
    .sort((x, y) => x[0] - y[0]);
  let days = 0;
  let coveredTo = -Infinity; // last day already counted
  for (const [a, b] of spans) {
    const from = Math.max(a, coveredTo + 1);
    if (b >= from) days += b - from + 1;
    coveredTo = Math.max(coveredTo, b);
  }
  return days;
}

export interface BasePoints {
  days: number;
  fullYears: number;
  perYear: number;
  cap: number;
  uncapped: number;
  points: number;
  capped: boolean;
}

export function basePointsFromDays(days: number, rule: BaseRule): BasePoints {
  const fullYears = Math.floor(days / DAYS_PER_YEAR);
  const uncapped = fullYears * rule.basePerYear;
  const points = Math.min(uncapped, rule.baseCap);
  return { days, fullYears, perYear: rule.basePerYear, cap: rule.baseCap, uncapped, points, capped: uncapped > rule.baseCap };
}

export const basePoints = (tenures: readonly TenureSpan[], asOf: string, rule: BaseRule): BasePoints =>
  basePointsFromDays(serviceDays(tenures, asOf), rule);
