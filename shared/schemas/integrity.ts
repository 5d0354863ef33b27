import { z } from 'zod';
import { ROBUSTNESS_VARIANTS } from '../integrity/report.ts';
import { SIGNAL_KINDS } from '../integrity/signals.ts';

const text = z.object({ zh: z.string(), en: z.string() });
const ids = z.array(z.number().int());

export const robustnessVariantSchema = z.object({
  variant: z.enum(ROBUSTNESS_VARIANTS),
  answersRemoved: z.number().int(),
  flaggedDepartmentIds: ids,
  changes: z.boolean(),
  entering: ids,
  leaving: ids,
});
export const robustnessSchema = z.object({ flaggedDepartmentIds: ids, variants: z.array(robustnessVariantSchema) });
export type RobustnessView = z.infer<typeof robustnessSchema>;

export const departmentFindingSchema = z.object({
  departmentId: z.number().int(), code: z.string(), name: z.string(),
  observed: z.number(), expected: z.number(), chance: z.number(), answers: z.number().int(),
});

export const signalSchema = z.object({
  kind: z.enum(SIGNAL_KINDS),
  raised: z.boolean(),
  measured: text,
  threshold: text,
  answers: z.number().int(),
  observed: z.number().nullable(),
  clusterSizes: z.array(z.number().int()),
  departments: z.array(departmentFindingSchema),
});

/** GET /rounds/:id/integrity: patterns in the answers, never which enterprise gave them. */
export const integritySchema = z.object({
  roundId: z.string(),
  /** The results version it was stored with; null when computed for a closed round not yet computed. */
  version: z.number().int().nullable(),
  computedAt: z.string(),
  answers: z.number().int(),
  flaggedAnswers: z.number().int(),
  raised: z.number().int(),
  thresholds: z.record(z.string(), z.record(z.string(), z.number())),
  signals: z.array(signalSchema),
  robustness: robustnessSchema,
  departments: z.array(z.object({ departmentId: z.number().int(), code: z.string(), name: z.string(), nameEn: z.string().nullable() })),
});
export type Integrity = z.infer<typeof integritySchema>;
