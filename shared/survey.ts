// The survey's contract and completeness rules, the same in the form and on the server.
import { z } from 'zod';
import { RATING_LEVELS, scaleSchema } from './results/scale.ts';
import { RECEIPT_HASH_PATTERN } from './receipt.ts';
import { cityProfileSchema } from './schemas/profile.ts';
import { COMMENT_MAX, OVERALL_COMMENT_MAX } from './survey-rules.ts';

export * from './survey-rules.ts';

const comment = (max: number) => z.string().max(max, `comment: at most ${max} characters`).optional();

export const ratingAnswerSchema = z.object({
  departmentId: z.number().int().positive(),
  level: z.enum(RATING_LEVELS, { message: `level must be one of ${RATING_LEVELS.join(', ')}` }),
  comment: comment(COMMENT_MAX),
  /** Reason codes for a 不满意 rating; which codes and how many are checked against the round (checkSubmission). */
  reasons: z.array(z.string().max(40)).max(10, 'reasons: at most 10 codes').optional(),
});
export type RatingAnswer = z.infer<typeof ratingAnswerSchema>;

export const submissionSchema = z.object({
  submissionId: z.uuid({ message: 'submissionId must be a UUID' }),
  ratings: z.array(ratingAnswerSchema).max(500),
  leastSatisfied: z.array(z.number().int().positive()).max(20).default([]),
  comment: comment(OVERALL_COMMENT_MAX),
  /** SHA-256 (hex) of the receipt code the page made and keeps (shared/receipt.ts); the code never leaves the page. */
  receiptHash: z.string().regex(RECEIPT_HASH_PATTERN, 'receiptHash must be 64 lower-case hex characters').optional(),
});
export type Submission = z.infer<typeof submissionSchema>;

/** A draft is whatever has been answered so far; completeness is only required to submit. */
export const draftSchema = z.object({
  ratings: z
    .array(ratingAnswerSchema.extend({ level: z.enum(RATING_LEVELS).nullable() }))
    .max(500)
    .default([]),
  leastSatisfied: z.array(z.number().int().positive()).max(20).default([]),
  comment: comment(OVERALL_COMMENT_MAX),
});
export type Draft = z.infer<typeof draftSchema>;

export const SURVEY_STATES = ['open', 'submitted', 'closed', 'not_open', 'revoked'] as const;
export type SurveyState = (typeof SURVEY_STATES)[number];

export const surveyViewSchema = z.object({
  state: z.enum(SURVEY_STATES),
  // closedAt: when a closed round actually stopped taking answers (earlier than closesAt if closed early).
  round: z.object({ id: z.string(), opensAt: z.string(), closesAt: z.string(), closedAt: z.string().nullable() }),
  /** Who runs the survey and whom to call (the city profile). */
  issuer: cityProfileSchema,
  scale: scaleSchema,
  departments: z.array(
    z.object({ id: z.number().int(), code: z.string(), nameZh: z.string(), nameEn: z.string().nullable(), category: z.string() }),
  ),
  votesLimit: z.number().int(),
  /** The reasons for 不满意 the round offers, in its order. */
  reasons: z.array(z.object({ code: z.string(), label: z.object({ zh: z.string(), en: z.string() }) })),
  /** The day of submission (YYYY-MM-DD, the city's): no time is kept. */
  submittedAt: z.string().nullable(),
  draft: draftSchema.nullable(),
  draftSavedAt: z.string().nullable(),
});
export type SurveyView = z.infer<typeof surveyViewSchema>;

/**
 * receipt: null when the page sent its own receipt hash (it shows its own code); otherwise a random code
 * shown in this reply only. submittedAt: the day of submission.
 */
export const submitResultSchema = z.object({ receipt: z.string().nullable(), submittedAt: z.string() });
export const draftSavedSchema = z.object({ savedAt: z.string() });
export const tokenParamSchema = z.object({ token: z.string().min(1).max(100) });
/** POST /rounds/:id/receipts: the code travels in the body, never in a URL. */
export const receiptCheckSchema = z.object({
  receipt: z.string().trim().min(4, 'receipt: a receipt code such as 7KQ2-M9PX-4TRD').max(40, 'receipt: at most 40 characters'),
});
export const receiptCheckResultSchema = z.object({ counted: z.boolean() });
