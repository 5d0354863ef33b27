import { z } from 'zod';
import { ROBUSTNESS_VARIANTS } from '../integrity/report.ts';
import { SIGNAL_KINDS } from '../integrity/signals.ts';
import { OFFICIAL_RANKINGS } from '../results/official-ranking.ts';

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
/** The bottom N with the answers post-stratified to the registry (server/results/weighted.ts). */
export const weightedVariantSchema = z.object({
  /** The registry attribute weighted by: the draw's stratification, or size when it had none. */
  dimension: z.enum(['township', 'industry', 'size']),
  bottomThree: ids,
  changed: z.boolean(),
  entering: ids,
  leaving: ids,
  /** Kish's effective sample size under the weights, beside the respondents. */
  effectiveN: z.number(),
  respondents: z.number().int(),
  /** Merged strata; a null member is the remainder of the groups too small to keep (never named). */
  strata: z.array(
    z.object({ members: z.array(z.string().nullable()), registryShare: z.number(), respondentShare: z.number(), weight: z.number() }),
  ),
  /** Ranked departments, best weighted mean first. */
  departments: z.array(z.object({ departmentId: z.number().int(), mean: z.number().nullable(), effectiveN: z.number() })),
});
export type WeightedVariantView = z.infer<typeof weightedVariantSchema>;
/** The unweighted ranking as a robustness line, where the round's rules make the weighted one official. */
export const unweightedLineSchema = z.object({
  bottomThree: ids,
  changed: z.boolean(),
  /** In the unweighted bottom N but not in the official one. */
  entering: ids,
  /** In the official bottom N but not in the unweighted one. */
  leaving: ids,
  /** Ranked departments, best unweighted mean first. */
  departments: z.array(z.object({ departmentId: z.number().int(), mean: z.number().nullable() })),
});
export type UnweightedLineView = z.infer<typeof unweightedLineSchema>;
export const robustnessSchema = z.object({
  flaggedDepartmentIds: ids,
  variants: z.array(robustnessVariantSchema),
  /** Absent on the integrity page; null where the round kept no tallies to weight by. */
  weighted: weightedVariantSchema.nullable().optional(),
  /** Which ranking is official (the round's rules; unweighted where no weighted variant could be made). */
  official: z.enum(OFFICIAL_RANKINGS).optional(),
  /** The unweighted line when the weighted ranking is official; null otherwise. */
  unweighted: unweightedLineSchema.nullable().optional(),
});
export type RobustnessView = z.infer<typeof robustnessSchema>;

export const departmentFindingSchema = z.object({
  departmentId: z.number().int(),
  code: z.string(),
  name: z.string(),
  observed: z.number(),
  expected: z.number(),
  chance: z.number(),
  answers: z.number().int(),
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
