// The follow-up log (跟进记录) and the AAPOR response rates, as the API and the page exchange them.
import { z } from 'zod';
import { DISPOSITIONS, FOLLOW_UP_CHANNELS, FOLLOW_UP_NOTE_MAX, FOLLOW_UP_OUTCOMES } from '../follow-ups/vocabulary.ts';
import { PROGRESS_GROUPS, STRATIFY_BY } from './rounds.ts';

export const followUpBodySchema = z.object({
  channel: z.enum(FOLLOW_UP_CHANNELS),
  outcome: z.enum(FOLLOW_UP_OUTCOMES),
  note: z
    .string()
    .trim()
    .max(FOLLOW_UP_NOTE_MAX)
    .optional()
    .transform((n) => n || undefined),
  /** The number called, when not the registry's. */
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+\-() ]{3,40}$/, 'a phone number: digits, spaces, + - ( )')
    .optional(),
});
export type FollowUpBody = z.input<typeof followUpBodySchema>;

export const followUpSchema = z.object({
  id: z.number().int(),
  channel: z.enum(FOLLOW_UP_CHANNELS),
  outcome: z.enum(FOLLOW_UP_OUTCOMES),
  note: z.string().nullable(),
  /** Masked (138****5678) for everyone but the admin. */
  phone: z.string().nullable(),
  createdBy: z.string(),
  at: z.string(),
});
export type FollowUp = z.infer<typeof followUpSchema>;

const dispositionBasis = z.enum(['submitted', 'drafted', 'opened', 'nothing', ...FOLLOW_UP_OUTCOMES]);

/** One invitation's log with its disposition; replacement says whether a backup can come in now. */
export const followUpLogSchema = z.object({
  uscc: z.string(),
  disposition: z.enum(DISPOSITIONS),
  basis: dispositionBasis,
  entries: z.array(followUpSchema),
  /** offered: the firm is gone (注销/停业) and the round still takes a replacement from the draw's backups. */
  replacement: z.enum(['offered', 'not_needed', 'not_now', 'done']),
});
export type FollowUpLog = z.infer<typeof followUpLogSchema>;

/** Per invitation, for the follow-up list: the disposition and the last call. */
export const followUpSummarySchema = z.object({
  uscc: z.string(),
  disposition: z.enum(DISPOSITIONS),
  basis: dispositionBasis,
  calls: z.number().int(),
  last: followUpSchema.nullable(),
});
export type FollowUpSummary = z.infer<typeof followUpSummarySchema>;

const nullableRate = z.number().min(0).max(1).nullable();
const dispositionCounts = z.object(
  Object.fromEntries(DISPOSITIONS.map((d) => [d, z.number().int()])) as Record<(typeof DISPOSITIONS)[number], z.ZodNumber>,
);
const rates = z.object({
  rr1: nullableRate,
  rr3: nullableRate,
  cooperation: nullableRate,
  contact: nullableRate,
  /** e, the estimated eligible share of the cases of unknown eligibility (RR3). */
  eligibility: nullableRate,
  cases: z.number().int(),
  dispositions: dispositionCounts,
});
export type RateFigures = z.infer<typeof rates>;

export const responseRatesSchema = rates.extend({
  roundId: z.string(),
  /** Final once the round has closed; interim while it runs (every reminded firm still counts as not answering). */
  final: z.boolean(),
  /** The progress page's rule for groups: all (the admin), suppressed (after close, 5+ respondents), after_close (none yet). */
  groups: z.enum(PROGRESS_GROUPS),
  /** What the strata are (township, industry, size), null for a round drawn without strata. */
  stratifyBy: z.enum(STRATIFY_BY).nullable(),
  strata: z.array(rates.extend({ key: z.string() })),
});
export type ResponseRates = z.infer<typeof responseRatesSchema>;
