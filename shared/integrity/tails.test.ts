import { describe, expect, it } from 'vitest';
import { binomialLowerTail, binomialUpperTail, logGamma, poissonUpperTail } from './tails.ts';

describe('tail probabilities', () => {
  it('logGamma matches factorials', () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(1)).toBeCloseTo(0, 12);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
    expect(logGamma(101)).toBeCloseTo(363.73937555556347, 8);
  });

  it('binomial tails match exact sums', () => {
    expect(binomialUpperTail(3, 5, 0.5)).toBeCloseTo(0.5, 12);
    expect(binomialLowerTail(0, 30, 0.4)).toBeCloseTo(0.6 ** 30, 18);
    expect(binomialLowerTail(2, 10, 0.3) + binomialUpperTail(3, 10, 0.3)).toBeCloseTo(1, 12);
    expect(binomialUpperTail(0, 10, 0.3)).toBe(1);
    expect(binomialUpperTail(11, 10, 0.3)).toBe(0);
    expect(binomialLowerTail(10, 10, 0.3)).toBe(1);
  });

  it('large n neither underflows to a wrong answer nor exceeds 1', () => {
    expect(binomialLowerTail(4000, 10_000, 0.4)).toBeGreaterThan(0.4);
    expect(binomialLowerTail(4000, 10_000, 0.4)).toBeLessThan(0.6);
    expect(binomialLowerTail(0, 10_000, 0.4)).toBe(0);
  });

  it('Poisson tail', () => {
    expect(poissonUpperTail(2, 1)).toBeCloseTo(1 - 2 * Math.exp(-1), 12);
    expect(poissonUpperTail(3, 1e-9)).toBeCloseTo(1e-27 / 6, 35);
    expect(poissonUpperTail(0, 5)).toBe(1);
    expect(poissonUpperTail(1, 0)).toBe(0);
  });

  it('refuses nonsense', () => {
    expect(() => binomialUpperTail(1, 5, 1.5)).toThrow(RangeError);
    expect(() => logGamma(0)).toThrow(RangeError);
  });
});
