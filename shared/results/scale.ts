// The rating scale of a round: which answers exist, what each scores, and which count as "satisfied".
// The score mapping is the city's choice and is printed with the results; 不满意 scores 0, never 50.
import { z } from 'zod';
import { APPLICABLE_LEVELS, RATING_LEVELS, type ApplicableLevel, type RatingLevel, type ScaleEntry } from './levels.ts';

export * from './levels.ts';
export const ratingLevelSchema = z.enum(RATING_LEVELS);

const scaleEntrySchema = z.object({
  level: z.enum(APPLICABLE_LEVELS),
  score: z.number().min(0).max(100),
  labelZh: z.string().trim().min(1).max(40),
  labelEn: z.string().trim().min(1).max(80),
});

/**
 * A round's scale: exactly the four applicable levels, each once, scores within 0–100 and never
 * better-scored for a worse answer (satisfied ≥ fairly ≥ basically ≥ dissatisfied). Entry order is free.
 */
export const scaleSchema = z
  .array(scaleEntrySchema)
  .length(APPLICABLE_LEVELS.length)
  .superRefine((entries, ctx) => {
    const byLevel = new Map<ApplicableLevel, number>();
    entries.forEach((entry, i) => {
      if (byLevel.has(entry.level)) {
        ctx.addIssue({ code: 'custom', path: [i, 'level'], message: `level ${entry.level} appears twice` });
      }
      byLevel.set(entry.level, entry.score);
    });
    if (byLevel.size !== APPLICABLE_LEVELS.length) return;
    for (let i = 1; i < APPLICABLE_LEVELS.length; i++) {
      const better = APPLICABLE_LEVELS[i - 1]!;
      const worse = APPLICABLE_LEVELS[i]!;
      if (byLevel.get(better)! < byLevel.get(worse)!) {
        ctx.addIssue({
          code: 'custom',
          path: [entries.findIndex((e) => e.level === worse), 'score'],
          message: `${worse} must not score above ${better}`,
        });
      }
    }
  });

/** Scores by level, from a scale that passed scaleSchema. */
export function scoresByLevel(scale: readonly ScaleEntry[]): Record<ApplicableLevel, number> {
  const scores = {} as Record<ApplicableLevel, number>;
  for (const entry of scale) scores[entry.level] = entry.score;
  for (const level of APPLICABLE_LEVELS) {
    if (scores[level] === undefined) throw new RangeError(`scale has no score for ${level}`);
  }
  return scores;
}

/** True at 基本满意 or better: what the satisfaction rate counts. 不满意 and 不了解 are not. */
export function isSatisfiedOrBetter(level: RatingLevel): boolean {
  return level === 'satisfied' || level === 'fairly_satisfied' || level === 'basically_satisfied';
}
