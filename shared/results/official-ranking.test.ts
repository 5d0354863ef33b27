import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeResults, emptyCounts } from './compute.ts';
import { officialResults, rankingLine } from './official-ranking.ts';
import { DEFAULT_SCALE, scoresByLevel, type ApplicableLevel } from './scale.ts';
import { weightedResults, type StratumInput } from './weighting.ts';

// Two strata: A is 80 % of the registry but half of the 20 respondents (weight 1.6), B 20 % (weight 0.4).
// Each department's ratings per stratum (10 each): A's level, B's level.
const LEVELS: Record<number, [ApplicableLevel, ApplicableLevel]> = {
  1: ['satisfied', 'dissatisfied'], // unweighted 50, weighted 80
  2: ['basically_satisfied', 'satisfied'], // unweighted 80, weighted 68
  3: ['satisfied', 'satisfied'], // 100 either way
  4: ['basically_satisfied', 'basically_satisfied'], // 60 either way
};
const scores = scoresByLevel(DEFAULT_SCALE);

function round(bottomN = 2) {
  const departments = [1, 2, 3, 4].map((id) => ({ id, code: `d${id}`, name: `部门${id}` }));
  const counts = departments.map(({ id }) => {
    const c = emptyCounts();
    for (const level of LEVELS[id]!) c[level] += 10;
    return { departmentId: id, counts: c };
  });
  const results = computeResults({
    rules: { minRatings: 10, bottomN, simulations: 2000 },
    departments,
    counts,
    votes: [],
    scale: DEFAULT_SCALE,
    simulationSeed: 'official',
  });
  const strata: StratumInput[] = (['A', 'B'] as const).map((stratum, k) => ({
    stratum,
    registry: stratum === 'A' ? 80 : 20,
    respondents: 10,
    ratings: [1, 2, 3, 4].map((departmentId) => ({ departmentId, level: LEVELS[departmentId]![k]!, n: 10 })),
  }));
  const ranked = results.departments.filter((d) => d.status === 'ranked');
  const weighted = weightedResults({ strata, scores, ranked, flaggedDepartmentIds: results.flaggedDepartmentIds });
  return { results, weighted };
}

describe('the official ranking', () => {
  it('stays the unweighted one unless the rules say weighted', () => {
    const { results, weighted } = round();
    const official = officialResults(results, weighted, 'unweighted');
    expect(official).toEqual({ results, applied: 'unweighted', unweighted: null });
    // Unweighted: 3 (100), 2 (80), 4 (60), 1 (50): the bottom two are 4 and 1.
    expect(results.flaggedDepartmentIds).toEqual([4, 1]);
  });

  it('under a weighted rule ranks by the post-stratified means and keeps the unweighted bottom as the robustness line', () => {
    const { results, weighted } = round();
    const { results: w, applied, unweighted } = officialResults(results, weighted, 'weighted');
    expect(applied).toBe('weighted');
    // Weighted: 3 (100), 1 (80), 2 (68), 4 (60).
    expect(w.departments.map((d) => [d.departmentId, d.rank])).toEqual([
      [3, 1],
      [1, 2],
      [2, 3],
      [4, 4],
    ]);
    expect(w.departments.find((d) => d.departmentId === 1)!.mean).toBeCloseTo(80, 10);
    expect(w.departments.find((d) => d.departmentId === 2)!.mean).toBeCloseTo(68, 10);
    expect(w.flaggedDepartmentIds).toEqual([2, 4]);
    expect(w.departments.filter((d) => d.flagged).map((d) => d.departmentId)).toEqual([2, 4]);
    expect(unweighted).toEqual({ bottomThree: [4, 1], changed: true, entering: [1], leaving: [2] });
    // Counts, rates and the funnel are the answers' own; P(倒数三位) follows the weighted means.
    expect(w.departments.find((d) => d.departmentId === 1)!.counts).toEqual(results.departments.find((d) => d.departmentId === 1)!.counts);
    expect(w.funnel).toEqual(results.funnel);
    expect(w.departments.find((d) => d.departmentId === 1)!.pBottom!).toBeLessThan(0.5);
    expect(w.departments.find((d) => d.departmentId === 4)!.pBottom!).toBeGreaterThan(0.5);
  });

  it('widens the interval by the design effect around the weighted mean', () => {
    const { results, weighted } = round();
    const d2 = officialResults(results, weighted, 'weighted').results.departments.find((d) => d.departmentId === 2)!;
    const plain = results.departments.find((d) => d.departmentId === 2)!;
    const width = (ci: [number, number] | null) => ci![1] - ci![0];
    // n = 20, Kish n_eff = 400 / 27.2 ≈ 14.7: the half-width grows by √(20 / 14.7).
    expect(width(d2.ci95)).toBeCloseTo(width(plain.ci95) * Math.sqrt(20 / (400 / 27.2)), 6);
    expect((d2.ci95![0] + d2.ci95![1]) / 2).toBeCloseTo(68, 6);
  });

  it('falls back to the unweighted ranking when there is no weighted variant', () => {
    const { results } = round();
    expect(officialResults(results, null, 'weighted').applied).toBe('unweighted');
  });

  it('words the other ranking as a line: entering and leaving', () => {
    expect(rankingLine([1, 2, 3], [1, 2, 3])).toEqual({ bottomThree: [1, 2, 3], changed: false, entering: [], leaving: [] });
    expect(rankingLine([1, 2, 4], [1, 2, 3])).toMatchObject({ changed: true, entering: [4], leaving: [3] });
  });
});

describe('the weighted official ranking, whatever the answers', () => {
  const LEVEL_LIST: ApplicableLevel[] = ['satisfied', 'fairly_satisfied', 'basically_satisfied', 'dissatisfied'];
  it('properties: the same departments and counts, ranks 1…k by the weighted means, the same number flagged and they are the last', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ registry: fc.integer({ min: 1, max: 100 }), respondents: fc.integer({ min: 5, max: 20 }) }), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.array(fc.nat(3), { minLength: 24, maxLength: 24 }),
        fc.integer({ min: 1, max: 4 }),
        (strataSpec, levelPicks, bottomN) => {
          const ids = [1, 2, 3, 4, 5, 6];
          const strata: StratumInput[] = strataSpec.map((s, k) => ({
            stratum: `s${k}`,
            registry: s.registry,
            respondents: s.respondents,
            ratings: ids.map((departmentId, j) => ({
              departmentId,
              level: LEVEL_LIST[levelPicks[(k * 6 + j) % levelPicks.length]!]!,
              n: s.respondents,
            })),
          }));
          const counts = ids.map((id) => {
            const c = emptyCounts();
            for (const s of strata) for (const r of s.ratings) if (r.departmentId === id) c[r.level] += r.n;
            return { departmentId: id, counts: c };
          });
          const results = computeResults({
            rules: { minRatings: 1, bottomN, simulations: 200 },
            departments: ids.map((id) => ({ id, code: `d${id}`, name: `部门${id}` })),
            counts,
            votes: [],
            scale: DEFAULT_SCALE,
            simulationSeed: 'prop',
          });
          const ranked = results.departments.filter((d) => d.status === 'ranked');
          const weighted = weightedResults({ strata, scores, ranked, flaggedDepartmentIds: results.flaggedDepartmentIds });
          const { results: w, applied, unweighted } = officialResults(results, weighted, 'weighted');
          expect(applied).toBe('weighted');
          expect(w.departments.map((d) => d.rank)).toEqual(ids.map((_, i) => i + 1));
          expect(w.departments.map((d) => d.departmentId)).toEqual(weighted.departments.map((d) => d.departmentId));
          expect(w.flaggedDepartmentIds).toEqual(weighted.bottomThree);
          expect(w.departments.slice(-results.flaggedDepartmentIds.length).every((d) => d.flagged)).toBe(true);
          for (const d of w.departments) {
            const plain = results.departments.find((x) => x.departmentId === d.departmentId)!;
            expect(d.counts).toEqual(plain.counts);
            expect(d.n).toBe(plain.n);
          }
          expect(unweighted!.bottomThree).toEqual(results.flaggedDepartmentIds);
          expect(unweighted!.changed).toBe(weighted.changed);
        },
      ),
      { numRuns: 60 },
    );
  });
});
