// AAPOR Standard Definitions response, cooperation and contact rates from disposition counts.
// I complete, P partial, R refusal (explicit and implicit), NC non-contact, U unknown eligibility,
// NE not eligible; there is no separate "other" (O = 0).
import { DISPOSITIONS, type Disposition } from './vocabulary.ts';

export type DispositionCounts = Record<Disposition, number>;

export interface Rates {
  /** RR1 = I / (I + P + R + NC + U): every unknown case counted as eligible. */
  rr1: number | null;
  /** RR3 = I / (I + P + R + NC + e·U), e the estimated eligible share of the unknown. */
  rr3: number | null;
  /** COOP1 = I / (I + P + R): of the eligible firms reached, how many completed. */
  cooperation: number | null;
  /** CON1 = (I + P + R) / (I + P + R + NC + U): how many were reached at all. */
  contact: number | null;
  /** e = (I + P + R + NC) / (I + P + R + NC + NE), null while no case's eligibility is known. */
  eligibility: number | null;
}

export const emptyCounts = (): DispositionCounts => Object.fromEntries(DISPOSITIONS.map((d) => [d, 0])) as DispositionCounts;

export function countDispositions(dispositions: Iterable<Disposition>): DispositionCounts {
  const counts = emptyCounts();
  for (const d of dispositions) counts[d] += 1;
  return counts;
}

const ratio = (num: number, den: number) => (den > 0 ? num / den : null);

export function aaporRates(c: DispositionCounts): Rates {
  const { complete: I, partial: P, refusal: R, non_contact: NC, unknown: U, ineligible: NE } = c;
  const eligible = I + P + R + NC;
  const e = ratio(eligible, eligible + NE);
  return {
    rr1: ratio(I, eligible + U),
    // With no known case, e is unknown: RR3 is left out rather than guessed.
    rr3: e === null ? null : ratio(I, eligible + e * U),
    cooperation: ratio(I, I + P + R),
    contact: ratio(I + P + R, eligible + U),
    eligibility: e,
  };
}
