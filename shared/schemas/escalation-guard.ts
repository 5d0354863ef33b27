import { z } from 'zod';
import { GUARD_REASONS, WATCH_REVIEW_DECISIONS } from '../results/escalation-guard.ts';

/** A bottom-N department the policy's statistical guard watches (观察) instead of measuring, with its review. */
export const watchSchema = z.object({
  roundId: z.string(),
  departmentId: z.number().int(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  reasons: z.array(z.enum(GUARD_REASONS)),
  pBottom: z.number().nullable(),
  mean: z.number().nullable(),
  lo95: z.number().nullable(),
  policyVersion: z.string(),
  /** The supervisor's review; null while it waits for one (the watch stands meanwhile). */
  review: z
    .object({ decision: z.enum(WATCH_REVIEW_DECISIONS), reason: z.string(), reviewedBy: z.string(), reviewedAt: z.string() })
    .nullable(),
});
export type Watch = z.infer<typeof watchSchema>;

/** POST /escalations/watches/review: the supervisor confirms or overrides one watch, with a reason. */
export const watchReviewBodySchema = z.object({
  roundId: z.string().min(1).max(40),
  departmentId: z.number().int().positive(),
  decision: z.enum(WATCH_REVIEW_DECISIONS),
  reason: z.string().trim().min(5, 'a reason of at least 5 characters is required').max(2000),
});
