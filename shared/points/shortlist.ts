// Promotion shortlist (晋升职级推荐名单): the eligible cadres of a rank cohort in points order.
import { dayNumber, isoOfDay } from './days.ts';
import type { Ranked, Rankable } from './ranking.ts';
import { IN_SERVICE, type CadreStatus } from './vocabulary.ts';

export const SANCTION_RULE_CODE = 'discipline';

export type Ineligibility = 'out_of_service' | 'under_sanction';

/** The first day of the sanction window: `months` months before `asOf` (day clamped to the month's end). */
export function sanctionWindowStart(asOf: string, months: number): string {
  const y = Number(asOf.slice(0, 4));
  const m = Number(asOf.slice(5, 7)) - 1 - months;
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const lastDay = isoOfDay(dayNumber(`${month === 11 ? year + 1 : year}-${String(month === 11 ? 1 : month + 2).padStart(2, '0')}-01`) - 1);
  const day = Math.min(Number(asOf.slice(8, 10)), Number(lastDay.slice(8, 10)));
  return `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export interface EligibilityInput {
  status: CadreStatus;
  /** Dates of approved, unreversed sanction (党纪政务处分) entries. */
  sanctionDates: readonly string[];
}

export function ineligibility(c: EligibilityInput, asOf: string, sanctionMonths: number): Ineligibility | null {
  if (!IN_SERVICE.includes(c.status)) return 'out_of_service';
  const from = sanctionWindowStart(asOf, sanctionMonths);
  if (c.sanctionDates.some((d) => d > from && d <= asOf)) return 'under_sanction';
  return null;
}

export interface ShortlistResult<T> {
  places: number;
  /** The first `places` eligible cadres in points order. */
  shortlisted: T[];
  /** The next eligible cadres, in order, should a place fall vacant (as many again as places). */
  reserve: T[];
  /** The last shortlisted and the first reserve have the same total: the tie-break decided the cut. */
  tieAtCut: boolean;
}

export function shortlist<T extends Ranked<Rankable>>(rankedEligible: readonly T[], places: number): ShortlistResult<T> {
  const shortlisted = rankedEligible.slice(0, places);
  const reserve = rankedEligible.slice(places, places * 2);
  const last = shortlisted.at(-1);
  const next = reserve[0];
  return { places, shortlisted, reserve, tieAtCut: !!last && !!next && last.total === next.total };
}
