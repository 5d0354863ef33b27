import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeDepartment } from './builders.ts';
import { ratingDistribution, wholePercents } from './distribution.ts';

describe('ratingDistribution', () => {
  const rows = ratingDistribution([
    makeDepartment({
      departmentId: 2,
      rank: 2,
      counts: { satisfied: 1, fairly_satisfied: 1, basically_satisfied: 1, dissatisfied: 1, not_applicable: 9 },
    }),
    makeDepartment({
      departmentId: 1,
      rank: 1,
      counts: { satisfied: 3, fairly_satisfied: 0, basically_satisfied: 0, dissatisfied: 1, not_applicable: 0 },
    }),
    makeDepartment({
      departmentId: 3,
      rank: null,
      status: 'insufficient',
      code: 'a',
      counts: { satisfied: 0, fairly_satisfied: 0, basically_satisfied: 0, dissatisfied: 0, not_applicable: 4 },
    }),
    makeDepartment({ departmentId: 4, rank: 3, counts: null }),
  ]);

  it('in ranking order; no counts or no applicable rating, no row', () => {
    expect(rows.map((r) => r.departmentId)).toEqual([1, 2]);
  });

  it('shares of applicable ratings (不了解 kept apart, not a share)', () => {
    expect(rows[0]).toMatchObject({
      n: 4,
      notApplicable: 0,
      satisfied: 0.75,
      fairly_satisfied: 0,
      basically_satisfied: 0,
      dissatisfied: 0.25,
    });
    expect(rows[1]).toMatchObject({
      n: 4,
      notApplicable: 9,
      satisfied: 0.25,
      dissatisfied: 0.25,
      counts: { satisfied: 1, fairly_satisfied: 1, basically_satisfied: 1, dissatisfied: 1 },
    });
  });

  it('shares add up to 1', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(50), { minLength: 4, maxLength: 4 }), ([a, b, c, d]) => {
        fc.pre(a! + b! + c! + d! > 0);
        const [row] = ratingDistribution([
          makeDepartment({ counts: { satisfied: a!, fairly_satisfied: b!, basically_satisfied: c!, dissatisfied: d!, not_applicable: 0 } }),
        ]);
        expect(row!.satisfied + row!.fairly_satisfied + row!.basically_satisfied + row!.dissatisfied).toBeCloseTo(1, 12);
      }),
    );
  });
});

describe('wholePercents', () => {
  it.each([
    { shares: [1 / 3, 1 / 3, 1 / 3], expected: [34, 33, 33] },
    { shares: [0.755, 0.245], expected: [76, 24] },
    { shares: [0.5, 0.5, 0], expected: [50, 50, 0] },
    { shares: [0, 0], expected: [0, 0] },
    { shares: [2, 2], expected: [50, 50] }, // counts work too
  ])('$shares → $expected', ({ shares, expected }) => {
    expect(wholePercents(shares)).toEqual(expected);
  });

  it('always adds up to 100 when anything is positive', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(1000), { minLength: 1, maxLength: 8 }), (xs) => {
        fc.pre(xs.some((x) => x > 0));
        expect(wholePercents(xs).reduce((a, b) => a + b, 0)).toBe(100);
      }),
    );
  });
});
