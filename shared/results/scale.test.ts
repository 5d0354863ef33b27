import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  type APPLICABLE_LEVELS,
  DEFAULT_SCALE,
  RATING_LEVELS,
  isSatisfiedOrBetter,
  ratingLevelSchema,
  scaleSchema,
  scoresByLevel,
} from './scale.ts';
import type { Scale } from './scale.ts';

const makeScale = (scores: Partial<Record<(typeof APPLICABLE_LEVELS)[number], number>> = {}): Scale =>
  DEFAULT_SCALE.map((e) => ({ ...e, score: scores[e.level] ?? e.score }));

describe('rating levels', () => {
  it('lists the four applicable levels and 不了解', () => {
    expect(RATING_LEVELS).toEqual(['satisfied', 'fairly_satisfied', 'basically_satisfied', 'dissatisfied', 'not_applicable']);
    expect(ratingLevelSchema.safeParse('not_applicable').success).toBe(true);
    expect(ratingLevelSchema.safeParse('neutral').success).toBe(false);
  });

  it.each([
    ['satisfied', true],
    ['fairly_satisfied', true],
    ['basically_satisfied', true],
    ['dissatisfied', false],
    ['not_applicable', false],
  ] as const)('isSatisfiedOrBetter(%s) = %s', (level, expected) => {
    expect(isSatisfiedOrBetter(level)).toBe(expected);
  });
});

describe('DEFAULT_SCALE', () => {
  it('is 满意 100 · 比较满意 80 · 基本满意 60 · 不满意 0, and valid', () => {
    expect(DEFAULT_SCALE.map((e) => [e.labelZh, e.score])).toEqual([
      ['满意', 100],
      ['比较满意', 80],
      ['基本满意', 60],
      ['不满意', 0],
    ]);
    expect(scaleSchema.parse(DEFAULT_SCALE)).toEqual(DEFAULT_SCALE);
    expect(scoresByLevel(DEFAULT_SCALE)).toEqual({
      satisfied: 100,
      fairly_satisfied: 80,
      basically_satisfied: 60,
      dissatisfied: 0,
    });
  });
});

describe('scaleSchema', () => {
  it('accepts any entry order', () => {
    expect(scaleSchema.safeParse([...DEFAULT_SCALE].reverse()).success).toBe(true);
  });

  it('accepts equal neighbouring scores', () => {
    expect(scaleSchema.safeParse(makeScale({ fairly_satisfied: 100 })).success).toBe(true);
  });

  it.each<[string, unknown]>([
    ['three entries', DEFAULT_SCALE.slice(0, 3)],
    ['five entries', [...DEFAULT_SCALE, DEFAULT_SCALE[0]]],
    ['a level twice', [DEFAULT_SCALE[0], DEFAULT_SCALE[0], DEFAULT_SCALE[2], DEFAULT_SCALE[3]]],
    ['not_applicable on the scale', [...DEFAULT_SCALE.slice(0, 3), { ...DEFAULT_SCALE[3], level: 'not_applicable' }]],
    ['a score above 100', makeScale({ satisfied: 101 })],
    ['a negative score', makeScale({ dissatisfied: -1 })],
    ['a worse answer scoring more', makeScale({ dissatisfied: 70 })],
    ['fairly above satisfied', makeScale({ fairly_satisfied: 100.5, satisfied: 100 })],
    ['an empty label', [{ ...DEFAULT_SCALE[0], labelZh: ' ' }, ...DEFAULT_SCALE.slice(1)]],
    ['a non-finite score', makeScale({ basically_satisfied: Number.NaN })],
  ])('rejects %s', (_name, scale) => {
    expect(scaleSchema.safeParse(scale).success).toBe(false);
  });

  it('accepts exactly the monotone scores within 0–100', () => {
    const score = fc.integer({ min: -20, max: 120 });
    fc.assert(
      fc.property(fc.tuple(score, score, score, score), ([s, f, b, d]) => {
        const ok = [s, f, b, d].every((x) => x >= 0 && x <= 100) && s >= f && f >= b && b >= d;
        const scale = makeScale({ satisfied: s, fairly_satisfied: f, basically_satisfied: b, dissatisfied: d });
        expect(scaleSchema.safeParse(scale).success).toBe(ok);
      }),
    );
  });
});
