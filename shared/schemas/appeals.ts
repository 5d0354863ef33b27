import { z } from 'zod';
import { APPEAL_DECISIONS, APPEAL_STATUSES } from '../appeals.ts';
import { roundIdSchema } from './rounds.ts';

const evidenceItem = z.string().trim().min(1).max(2000);

/** POST /appeals: the head's department is the one appealing; evidence as one text or a list of items. */
export const fileAppealSchema = z.object({
  roundId: roundIdSchema,
  reasons: z.string().trim().min(2, 'reasons are required').max(20_000),
  evidence: z
    .union([z.string().trim().max(20_000), z.array(evidenceItem).max(50)])
    .default([])
    .transform((e) => (typeof e === 'string' ? (e ? [e] : []) : e)),
});
export type FileAppeal = z.input<typeof fileAppealSchema>;

export const appealDecisionSchema = z.object({
  decision: z.enum(APPEAL_DECISIONS),
  reasons: z.string().trim().min(2, 'reasons are required').max(20_000),
});

export const appealCorrectionSchema = z.object({
  version: z.number().int(),
  answersExcluded: z.number().int(),
  flaggedBefore: z.array(z.string()),
  flaggedAfter: z.array(z.string()),
});

export const appealSchema = z.object({
  id: z.number().int(),
  roundId: z.string(),
  departmentId: z.number().int(),
  departmentCode: z.string(),
  departmentName: z.string(),
  departmentNameEn: z.string().nullable(),
  status: z.enum(APPEAL_STATUSES),
  reasons: z.string(),
  evidence: z.array(z.string()),
  filedBy: z.string(),
  filedAt: z.string(),
  deadline: z.string(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decisionReasons: z.string().nullable(),
  correction: appealCorrectionSchema.nullable(),
});
export type Appeal = z.infer<typeof appealSchema>;

export const appealListQuerySchema = z.object({
  roundId: z.string().optional(),
  status: z.enum(APPEAL_STATUSES).optional(),
});

/** The filing window of a round: its length and when it closes (null until the round is published). */
export const appealWindowSchema = z.object({ windowDays: z.number().int(), deadline: z.string().nullable() });
export type AppealWindow = z.infer<typeof appealWindowSchema>;
