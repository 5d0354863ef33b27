import { describe, expect, it } from 'vitest';
import { DEFAULT_RESULT_RULES, resultRulesSchema } from './rules.ts';

describe('rules', () => {
  it('default to 10 ratings, bottom 3, 10 000 simulations', () => {
    expect(resultRulesSchema.parse({})).toEqual({ minRatings: 10, bottomN: 3, simulations: 10_000 });
    expect(DEFAULT_RESULT_RULES).toEqual({ minRatings: 10, bottomN: 3, simulations: 10_000 });
    expect(resultRulesSchema.safeParse({ minRatings: 0 }).success).toBe(false);
    expect(resultRulesSchema.safeParse({ bottomN: 1.5 }).success).toBe(false);
    expect(resultRulesSchema.safeParse({ simulations: 0 }).success).toBe(false);
  });
});
