// What the rates card, the report and the follow-up dialog show, as plain data (the components only lay it out).
import { DISPOSITIONS, type Disposition } from '#shared/follow-ups/vocabulary.ts';
import type { FollowUpBody, RateFigures } from '#shared/schemas/follow-ups.ts';

export const RATE_KEYS = ['rr1', 'rr3', 'cooperation', 'contact'] as const;
export type RateKey = (typeof RATE_KEYS)[number];

/** A rate as a percent with one decimal, or null when AAPOR leaves it out (nothing to divide by yet). */
export const ratePercent = (rate: number | null): string | null => (rate === null ? null : `${(rate * 100).toFixed(1)}%`);

export function rateCells(r: RateFigures): { key: RateKey; text: string | null; value: number }[] {
  return RATE_KEYS.map((key) => ({ key, text: ratePercent(r[key]), value: r[key] === null ? 0 : Math.round(r[key] * 1000) / 10 }));
}

/** Every disposition in the book's order, with its count and share of all cases. */
export function dispositionRows(r: RateFigures): { disposition: Disposition; count: number; share: string }[] {
  return DISPOSITIONS.map((d) => ({
    disposition: d,
    count: r.dispositions[d],
    share: r.cases ? `${((r.dispositions[d] / r.cases) * 100).toFixed(1)}%` : '0.0%',
  }));
}

export interface FollowUpForm {
  channel: FollowUpBody['channel'];
  outcome: FollowUpBody['outcome'] | undefined;
  note?: string;
  phone?: string;
}

/** The dialog's values as the API takes them: blank note and number left out. */
export function followUpBody(form: FollowUpForm): FollowUpBody | null {
  if (!form.outcome) return null;
  const note = form.note?.trim();
  const phone = form.phone?.trim();
  return { channel: form.channel, outcome: form.outcome, ...(note ? { note } : {}), ...(phone ? { phone } : {}) };
}
