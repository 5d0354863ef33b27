import { describe, expect, it } from 'vitest';
import { roundHeadline } from './disclosure.ts';

const row = (
  mean: number | null,
  n: number,
  satisfactionRate: number | null,
  dissatisfiedRate: number | null,
  status: 'ranked' | 'insufficient' = 'ranked',
) => ({ mean, n, satisfactionRate, dissatisfiedRate, status });

describe('roundHeadline', () => {
  it('leads with the mean of ranked scores and the share dissatisfied, each rate weighted by ratings', () => {
    const h = roundHeadline([row(90, 100, 1, 0), row(60, 100, 0.7, 0.3), row(null, 2, 1, 0, 'insufficient')]);
    expect(h.meanScore).toBe(75);
    expect(h.dissatisfiedRate).toBeCloseTo(30 / 202, 10);
    // 满意率 keeps its conventional meaning (基本满意 or better): high even when a department is poor
    expect(h.satisfactionRate).toBeCloseTo(172 / 202, 10);
  });

  it('nothing rated: no headline figures', () => {
    expect(roundHeadline([row(null, 0, null, null, 'insufficient')])).toEqual({
      meanScore: null,
      dissatisfiedRate: null,
      satisfactionRate: null,
    });
  });
});
