import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { funnelLimits, funnelPoints } from './funnel.ts';

describe('funnel', () => {
  it('limits are mean ± z·sd/√n, clipped to [0, 100]', () => {
    expect(funnelLimits(70, 20, 16)).toEqual({
      lo95: 70 - 1.959963984540054 * 5,
      hi95: 70 + 1.959963984540054 * 5,
      lo998: 70 - 3.090232306167813 * 5,
      hi998: 70 + 3.090232306167813 * 5,
    });
    expect(funnelLimits(95, 30, 4)).toMatchObject({ hi95: 100, hi998: 100 });
    expect(funnelLimits(5, 30, 4)).toMatchObject({ lo95: 0, lo998: 0 });
    expect(() => funnelLimits(50, 10, 0)).toThrow(RangeError);
  });

  it('limits narrow as n grows, and the 99.8% band contains the 95% band', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 60, noNaN: true }),
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 1, max: 500 }),
        (mean, sd, a, b) => {
          const [n1, n2] = a <= b ? [a, b] : [b, a];
          const wide = funnelLimits(mean, sd, n1);
          const narrow = funnelLimits(mean, sd, n2);
          expect(narrow.lo95).toBeGreaterThanOrEqual(wide.lo95);
          expect(narrow.hi95).toBeLessThanOrEqual(wide.hi95);
          expect(narrow.lo998).toBeGreaterThanOrEqual(wide.lo998);
          expect(narrow.hi998).toBeLessThanOrEqual(wide.hi998);
          expect(wide.lo998 <= wide.lo95 && wide.lo95 <= wide.hi95 && wide.hi95 <= wide.hi998).toBe(true);
        },
      ),
    );
  });

  it('points cover 2…maxN, increasing, at most `count` of them', () => {
    expect(funnelPoints(70, 20, 1)).toEqual([]);
    expect(funnelPoints(70, 20, 5).map((p) => p.n)).toEqual([2, 3, 4, 5]);
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 5000 }), fc.integer({ min: 2, max: 60 }), (maxN, count) => {
        const ns = funnelPoints(70, 20, maxN, count).map((p) => p.n);
        expect(ns[0]).toBe(2);
        expect(ns[ns.length - 1]).toBe(maxN);
        expect(ns.length).toBeLessThanOrEqual(count + 1);
        for (let i = 1; i < ns.length; i++) expect(ns[i]!).toBeGreaterThan(ns[i - 1]!);
      }),
    );
  });
});
