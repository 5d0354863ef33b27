import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { effectiveSampleSize, mergeStrata, stratumWeights, weightedResults, type StratumInput } from './weighting.ts';

const scores = { satisfied: 100, fairly_satisfied: 80, basically_satisfied: 60, dissatisfied: 0 };
const key = (departmentId: number, code: string) => ({ departmentId, code, leastSatisfiedVotes: 0, satisfactionRate: 0.5, mean: 0 });

describe('post-stratification weights', () => {
  it('weighs a respondent by registry share ÷ respondent share (worked by hand)', () => {
    // A is 80 % of the registry but half the respondents: 0.8 / 0.5 = 1.6; B: 0.2 / 0.5 = 0.4.
    const [a, b] = stratumWeights([
      { stratum: 'A', registry: 80, respondents: 10 },
      { stratum: 'B', registry: 20, respondents: 10 },
    ]);
    expect(a).toMatchObject({ members: ['A'], registryShare: 0.8, respondentShare: 0.5 });
    expect(a!.weight).toBeCloseTo(1.6, 12);
    expect(b!.weight).toBeCloseTo(0.4, 12);
  });

  it('gives the hand-computed post-stratified mean and Kish effective n', () => {
    // Department 1: A's 10 all 满意 (100), B's 10 all 不满意 (0). Unweighted 50; weighted
    // (1.6·10·100 + 0.4·10·0) / (1.6·10 + 0.4·10) = 1600 / 20 = 80. Kish: (16 + 4)² / (25.6 + 1.6) = 14.70588…
    const strata: StratumInput[] = [
      {
        stratum: 'A',
        registry: 80,
        respondents: 10,
        ratings: [
          { departmentId: 1, level: 'satisfied', n: 10 },
          { departmentId: 2, level: 'basically_satisfied', n: 10 },
        ],
      },
      {
        stratum: 'B',
        registry: 20,
        respondents: 10,
        ratings: [
          { departmentId: 1, level: 'dissatisfied', n: 10 },
          { departmentId: 2, level: 'satisfied', n: 10 },
        ],
      },
    ];
    const r = weightedResults({ strata, scores, ranked: [key(2, 'b'), key(1, 'a')], flaggedDepartmentIds: [1] });
    const one = r.departments.find((d) => d.departmentId === 1)!;
    expect(one.mean).toBeCloseTo(80, 10);
    // Department 2: (1.6·10·60 + 0.4·10·100) / 20 = 68: weighting swaps the two.
    expect(r.departments.find((d) => d.departmentId === 2)!.mean).toBeCloseTo(68, 10);
    expect(r.effectiveN).toBeCloseTo(400 / 27.2, 10);
    expect(one.effectiveN).toBeCloseTo(400 / 27.2, 10);
    expect(r).toMatchObject({ bottomThree: [2], changed: true, entering: [2], leaving: [1], respondents: 20 });
  });

  it('merges the smallest stratum into the next smallest until each has 5 respondents', () => {
    expect(
      mergeStrata([
        { stratum: 'C', registry: 50, respondents: 20 },
        { stratum: 'A', registry: 10, respondents: 3 },
        { stratum: 'B', registry: 10, respondents: 4 },
      ]),
    ).toEqual([
      { members: ['A', 'B'], registry: 20, respondents: 7 },
      { members: ['C'], registry: 50, respondents: 20 },
    ]);
    // A stratum of the registry nobody from answered joins another, so no respondent is left without a weight.
    expect(
      mergeStrata([
        { stratum: 'x', registry: 30, respondents: 0 },
        { stratum: 'y', registry: 10, respondents: 12 },
        { stratum: 'z', registry: 10, respondents: 9 },
      ]),
    ).toEqual([
      { members: ['x', 'z'], registry: 40, respondents: 9 },
      { members: ['y'], registry: 10, respondents: 12 },
    ]);
    // Everything too small: one stratum, weight 1.
    const [only] = stratumWeights([
      { stratum: 'a', registry: 5, respondents: 2 },
      { stratum: 'b', registry: 7, respondents: 2 },
    ]);
    expect(only).toMatchObject({ members: ['a', 'b'], weight: 1 });
  });

  it('Kish effective n is n for equal weights and smaller for unequal ones', () => {
    expect(
      effectiveSampleSize([
        { weight: 2, count: 10 },
        { weight: 2, count: 5 },
      ]),
    ).toBeCloseTo(15, 12);
    expect(
      effectiveSampleSize([
        { weight: 1, count: 10 },
        { weight: 3, count: 10 },
      ]),
    ).toBeCloseTo(1600 / 100, 12);
  });

  const strataArb = fc.uniqueArray(
    fc.record({ stratum: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), registry: fc.nat(200), respondents: fc.nat(40) }),
    { selector: (s) => s.stratum, minLength: 1 },
  );

  it('properties: merged strata keep every respondent and registry entry, hold ≥ 5 each (or are the only one), shares sum to 1', () => {
    fc.assert(
      fc.property(strataArb, (strata) => {
        const merged = stratumWeights(strata);
        const resp = strata.reduce((s, x) => s + x.respondents, 0);
        const reg = strata.reduce((s, x) => s + x.registry, 0);
        expect(merged.reduce((s, g) => s + g.respondents, 0)).toBe(resp);
        expect(merged.reduce((s, g) => s + g.registry, 0)).toBe(reg);
        if (merged.length > 1) for (const g of merged) expect(g.respondents >= 5 && g.registry > 0).toBe(true);
        if (resp > 0 && reg > 0) {
          expect(merged.reduce((s, g) => s + g.registryShare, 0)).toBeCloseTo(1, 9);
          // Weighted respondents add up to the sample: Σ w·n = n.
          expect(merged.reduce((s, g) => s + g.weight * g.respondents, 0)).toBeCloseTo(resp, 6);
          const eff = effectiveSampleSize(merged.map((g) => ({ weight: g.weight, count: g.respondents })));
          expect(eff).toBeLessThanOrEqual(resp + 1e-9);
          expect(eff).toBeGreaterThan(0);
        }
      }),
    );
  });

  it('property: when respondents mirror the registry, weighting changes nothing', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 5 }),
        fc.array(fc.nat(3), { minLength: 4, maxLength: 4 }),
        (sizes, levels) => {
          const strata: StratumInput[] = sizes.map((k, i) => ({
            stratum: `s${i}`,
            registry: k * 50,
            respondents: k * 5,
            ratings: [1, 2, 3, 4].map((departmentId, j) => ({
              departmentId,
              level: (['satisfied', 'fairly_satisfied', 'basically_satisfied', 'dissatisfied'] as const)[(levels[j]! + i) % 4]!,
              n: k * 5,
            })),
          }));
          const ranked = [key(1, 'a'), key(2, 'b'), key(3, 'c'), key(4, 'd')];
          const r = weightedResults({ strata, scores, ranked, flaggedDepartmentIds: [] });
          for (const s of r.strata) expect(s.weight).toBeCloseTo(1, 9);
          expect(r.effectiveN).toBeCloseTo(r.respondents, 6);
        },
      ),
    );
  });
});
