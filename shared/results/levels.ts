// The rating levels and the default scale, with no dependencies: the survey page loads this.

/** Every answer an enterprise can give for one department, best first; 不了解 last. */
export const RATING_LEVELS = ['satisfied', 'fairly_satisfied', 'basically_satisfied', 'dissatisfied', 'not_applicable'] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number];

/** The levels that count (不了解 / no dealings is excluded from n, means and rates). */
export const APPLICABLE_LEVELS = ['satisfied', 'fairly_satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type ApplicableLevel = Exclude<RatingLevel, 'not_applicable'>;

export type ScaleEntry = { level: ApplicableLevel; score: number; labelZh: string; labelEn: string };
export type Scale = ScaleEntry[];

/** 满意 100 · 比较满意 80 · 基本满意 60 · 不满意 0; 不了解 is not on the scale (not counted). */
export const DEFAULT_SCALE: Scale = [
  { level: 'satisfied', score: 100, labelZh: '满意', labelEn: 'Satisfied' },
  { level: 'fairly_satisfied', score: 80, labelZh: '比较满意', labelEn: 'Fairly satisfied' },
  { level: 'basically_satisfied', score: 60, labelZh: '基本满意', labelEn: 'Basically satisfied' },
  { level: 'dissatisfied', score: 0, labelZh: '不满意', labelEn: 'Dissatisfied' },
];

/** Label of the excluded answer. */
export const NOT_APPLICABLE_LABEL = { zh: '不了解（未打交道）', en: 'No dealings (not counted)' } as const;
