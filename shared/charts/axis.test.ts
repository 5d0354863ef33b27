import { describe, expect, it } from 'vitest';
import { niceStep, niceTicks, rankTicks } from './axis.ts';

describe('niceStep', () => {
  it.each([
    [140, 5, 50],
    [90, 5, 20],
    [100, 5, 20],
    [10, 5, 2],
    [12, 5, 2.5],
    [3, 5, 1],
    [0.9, 5, 0.2],
    [0, 5, 1],
    [-3, 5, 1],
  ])('span %d in about %d steps → %d', (span, count, step) => {
    expect(niceStep(span, count)).toBeCloseTo(step, 12);
  });
});

describe('niceTicks', () => {
  it.each([
    { lo: 0, hi: 140, opts: {}, domain: [0, 150], ticks: [0, 50, 100, 150] },
    { lo: 10, hi: 100, opts: { min: 0, max: 100 }, domain: [0, 100], ticks: [0, 20, 40, 60, 80, 100] },
    { lo: 35, hi: 100, opts: { max: 100 }, domain: [20, 100], ticks: [20, 40, 60, 80, 100] },
    { lo: 55, hi: 99, opts: { max: 100 }, domain: [50, 100], ticks: [50, 60, 70, 80, 90, 100] },
  ])('$lo–$hi', ({ lo, hi, opts, domain, ticks }) => {
    expect(niceTicks(lo, hi, opts)).toEqual({ domain, ticks });
  });

  it('a clamp that cuts a step keeps the clamped end as a tick', () => {
    expect(niceTicks(0, 95, { max: 96 }).ticks.at(-1)).toBe(96);
  });
});

describe('rankTicks', () => {
  it.each([
    [53, [1, 10, 20, 30, 40, 53]],
    [12, [1, 4, 6, 8, 10, 12]],
    [3, [1, 2, 3]],
    [1, [1]],
  ])('up to rank %d → %o', (max, ticks) => {
    expect(rankTicks(max)).toEqual(ticks);
  });
});
