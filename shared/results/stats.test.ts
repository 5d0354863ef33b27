import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hashSeed, normalQuantile, seededNormal, seededUniform, studentTCdf, tQuantile } from './stats.ts';

describe('tQuantile', () => {
  // Printed t tables (two-sided 95%).
  it.each([
    [1, 12.706],
    [2, 4.303],
    [3, 3.182],
    [5, 2.571],
    [10, 2.228],
    [20, 2.086],
    [30, 2.042],
    [100, 1.984],
    [1000, 1.962],
    [100000, 1.96],
    [Infinity, 1.96],
  ])('t(0.975, %s) = %s', (df, expected) => {
    expect(tQuantile(0.975, df)).toBeCloseTo(expected, 3);
  });

  // Reference values to 12+ digits (scipy.stats.t.ppf).
  it.each([
    [0.975, 1, 12.706204736174698],
    [0.975, 5, 2.5705818356363146],
    [0.975, 10, 2.2281388519862744],
    [0.975, 30, 2.0422724563012373],
    [0.975, 100, 1.9839715184496334],
    [0.995, 4, 4.604094871415897],
    [0.9, 7, 1.4149239276505079],
    [0.6, 3, 0.2766706623326979],
  ])('t(%s, %s) = %s', (p, df, expected) => {
    expect(Math.abs(tQuantile(p, df) - expected) / expected).toBeLessThan(1e-10);
  });

  it('is symmetric and inverts the distribution function', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 0.999, noNaN: true }), fc.integer({ min: 1, max: 400 }), (p, df) => {
        const t = tQuantile(p, df);
        expect(tQuantile(1 - p, df)).toBeCloseTo(-t, 8);
        expect(studentTCdf(t, df)).toBeCloseTo(p, 10);
      }),
    );
  });

  it('decreases towards the normal quantile as df grows', () => {
    let previous = Infinity;
    for (const df of [1, 2, 3, 4, 6, 9, 15, 30, 60, 200, 999, 1000, 1001, 1e4]) {
      const t = tQuantile(0.975, df);
      expect(t).toBeLessThan(previous);
      expect(t).toBeGreaterThan(1.959963984540054);
      previous = t;
    }
  });

  it('rejects bad arguments', () => {
    expect(() => tQuantile(0, 5)).toThrow(RangeError);
    expect(() => tQuantile(1, 5)).toThrow(RangeError);
    expect(() => tQuantile(0.9, 0)).toThrow(RangeError);
    expect(() => tQuantile(0.9, 2.5)).toThrow(RangeError);
  });
});

describe('normalQuantile', () => {
  it.each([
    [0.5, 0],
    [0.975, 1.959963984540054],
    [0.999, 3.090232306167813],
    [0.025, -1.959963984540054],
    [1e-10, -6.361340902404056],
  ])('Φ⁻¹(%s) = %s', (p, expected) => {
    expect(normalQuantile(p)).toBeCloseTo(expected, 12);
  });
});

describe('studentTCdf', () => {
  it('matches closed forms for df 1 and 2', () => {
    for (const t of [-5, -1, 0, 0.5, 2, 30]) {
      expect(studentTCdf(t, 1)).toBeCloseTo(0.5 + Math.atan(t) / Math.PI, 14);
      expect(studentTCdf(t, 2)).toBeCloseTo(0.5 + t / (2 * Math.sqrt(2 + t * t)), 14);
    }
  });
});

describe('seeded generators', () => {
  it('repeat for the same seed and differ for another', () => {
    const a = seededUniform('2021Q1');
    const b = seededUniform('2021Q1');
    const c = seededUniform('2021Q2');
    const xs = Array.from({ length: 50 }, () => a());
    expect(Array.from({ length: 50 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 50 }, () => c())).not.toEqual(xs);
    expect(hashSeed('')).toEqual(hashSeed(''));
    expect(hashSeed('a')).not.toEqual(hashSeed('b'));
  });

  it('stay inside (0, 1) and look uniform and normal', () => {
    const u = seededUniform('uniform');
    const z = seededNormal('normal');
    const n = 100_000;
    let su = 0;
    let sz = 0;
    let szz = 0;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const x = u();
      if (!(x > 0 && x < 1)) outside++;
      su += x;
      const y = z();
      sz += y;
      szz += y * y;
    }
    expect(outside).toBe(0);
    expect(su / n).toBeCloseTo(0.5, 2);
    expect(sz / n).toBeCloseTo(0, 1);
    expect(szz / n).toBeCloseTo(1, 1);
  });
});
