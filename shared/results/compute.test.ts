import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_RESULT_RULES,
  FUNNEL_Z95,
  RANKING_RULE_TEXT,
  compareDepartments,
  computeResults,
  countRatings,
  emptyCounts,
  funnelLimits,
} from './compute.ts';
import type { DepartmentRef, RatingCounts, ResultRules, ResultsInput, RoundResults } from './compute.ts';
import { DEFAULT_SCALE, RATING_LEVELS } from './scale.ts';
import type { RatingLevel } from './scale.ts';
import { seededUniform } from './stats.ts';

// ---------------------------------------------------------------------------------------------
// Builders

const makeInput = (overrides: Partial<ResultsInput> = {}): ResultsInput => ({
  rules: DEFAULT_RESULT_RULES,
  departments: [],
  counts: [],
  votes: [],
  scale: DEFAULT_SCALE,
  simulationSeed: 'test-seed',
  ...overrides,
});

const makeCounts = (partial: Partial<RatingCounts>): RatingCounts => ({ ...emptyCounts(), ...partial });

type GenDepartment = { code: string; counts: RatingCounts; votes: number };

/** A round from generated departments (ids 1…k in array order). */
const roundOf = (departments: readonly GenDepartment[], rules: ResultRules, seed = 'prop'): ResultsInput =>
  makeInput({
    rules,
    departments: departments.map((d, i) => ({ id: i + 1, code: d.code, name: `部门${d.code}` })),
    counts: departments.map((d, i) => ({ departmentId: i + 1, counts: d.counts })),
    votes: departments.map((d, i) => ({ departmentId: i + 1, votes: d.votes })),
    simulationSeed: seed,
  });

const expandRatings = (input: ResultsInput): { departmentId: number; level: RatingLevel }[] =>
  input.counts.flatMap(({ departmentId, counts }) =>
    RATING_LEVELS.flatMap((level) => Array.from({ length: counts[level] ?? 0 }, () => ({ departmentId, level }))),
  );

function shuffled<T>(items: readonly T[], seed: string): T[] {
  const random = seededUniform(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const ranked = (results: RoundResults) => results.departments.filter((d) => d.status === 'ranked');

// Small counts so that means, votes and rates often tie.
const countsArb = fc
  .tuple(fc.nat(4), fc.nat(4), fc.nat(4), fc.nat(4), fc.nat(3))
  .map(([s, f, b, d, na]) =>
    makeCounts({ satisfied: s, fairly_satisfied: f, basically_satisfied: b, dissatisfied: d, not_applicable: na }),
  );
const departmentsArb = (maxLength = 12) =>
  fc.uniqueArray(fc.record({ code: fc.stringMatching(/^[A-D][0-9]?$/), counts: countsArb, votes: fc.nat(3) }), {
    selector: (d) => d.code,
    minLength: 1,
    maxLength,
  });
const rulesArb = fc.record({
  minRatings: fc.integer({ min: 1, max: 8 }),
  bottomN: fc.integer({ min: 0, max: 5 }),
  simulations: fc.constant(200),
});

// ---------------------------------------------------------------------------------------------
// A worked example, by hand

describe('worked example (minRatings 4, bottom 2)', () => {
  // Scale 满意 100 · 比较满意 80 · 基本满意 60 · 不满意 0; 不了解 not counted.
  //
  // id code  ratings (applicable)        n  sum  mean  Σ(x−mean)²            sd = √(ss/(n−1))  sat   votes
  // 1  A     100 100 80 60  (+2 不了解)   4  340  85    225+225+25+625=1100  √(1100/3)≈19.149   4/4   0
  // 2  B     100 100 60 60               4  320  80    400·4=1600           √(1600/3)≈23.094   4/4   1
  // 3  C     100 80 80 60                4  320  80    400+0+0+400=800      √(800/3)≈16.330    4/4   0
  // 4  D     100 100 100 0               4  300  75    625·3+5625=7500      √2500=50           3/4   2
  // 5  E     80 80 80 60                 4  300  75    25·3+225=300         √100=10            4/4   2
  // 6  F     0 0  (+3 不了解)             2    0   0    0                    0                  0/2   3
  //
  // F has 2 < 4 applicable ratings: insufficient, not ranked, not flagged despite 3 votes.
  // Ranking: A 85 first; B and C tie at 80 → C first (0 votes vs 1); D and E tie at 75 and 2 votes
  // → E first (satisfaction 100% vs 75%). Ranks A 1, C 2, B 3, E 4, D 5; the bottom two E and D are flagged.
  // 95% intervals use t(0.975, 3) = 3.182446: E 75 ± 3.182446·10/2 = 75 ± 15.912 → [59.088, 90.912];
  // D 75 ± 3.182446·50/2 = 75 ± 79.56 → clipped to [0, 100]; A's upper end 85 + 30.47 is clipped to 100.
  // Round: 22 applicable ratings summing to 1580 → funnel mean 1580/22 ≈ 71.818; 5 不了解; 8 votes.
  const departments: DepartmentRef[] = [
    { id: 1, code: 'A', name: '税务局' },
    { id: 2, code: 'B', name: '市场监管局' },
    { id: 3, code: 'C', name: '住建局' },
    { id: 4, code: 'D', name: '城管局' },
    { id: 5, code: 'E', name: '城投公司' },
    { id: 6, code: 'F', name: '自然资源局' },
  ];
  const r = (departmentId: number, level: RatingLevel, times = 1) => Array.from({ length: times }, () => ({ departmentId, level }));
  const ratings = [
    ...r(1, 'satisfied', 2),
    ...r(1, 'fairly_satisfied'),
    ...r(1, 'basically_satisfied'),
    ...r(1, 'not_applicable', 2),
    ...r(2, 'satisfied', 2),
    ...r(2, 'basically_satisfied', 2),
    ...r(3, 'satisfied'),
    ...r(3, 'fairly_satisfied', 2),
    ...r(3, 'basically_satisfied'),
    ...r(4, 'satisfied', 3),
    ...r(4, 'dissatisfied'),
    ...r(5, 'fairly_satisfied', 3),
    ...r(5, 'basically_satisfied'),
    ...r(6, 'dissatisfied', 2),
    ...r(6, 'not_applicable', 3),
  ];
  const input = makeInput({
    rules: { minRatings: 4, bottomN: 2, simulations: 2000 },
    departments,
    counts: countRatings(ratings),
    votes: [
      { departmentId: 2, votes: 1 },
      { departmentId: 4, votes: 2 },
      { departmentId: 5, votes: 1 },
      { departmentId: 5, votes: 1 }, // rows for one department add up
      { departmentId: 6, votes: 3 },
    ],
  });
  const results = computeResults(input);
  const byCode = (code: string) => results.departments.find((d) => d.code === code)!;
  const t3 = 3.182446305284263;

  it('counts ratings by department and level', () => {
    expect(countRatings(ratings).find((c) => c.departmentId === 1)!.counts).toEqual(
      makeCounts({ satisfied: 2, fairly_satisfied: 1, basically_satisfied: 1, not_applicable: 2 }),
    );
    expect(countRatings(ratings).map((c) => c.departmentId)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('computes n, mean, sd and rates', () => {
    const table = results.departments.map((d) => [
      d.code,
      d.n,
      d.notApplicable,
      d.mean,
      d.satisfactionRate,
      d.dissatisfiedRate,
      d.leastSatisfiedVotes,
    ]);
    expect(table).toEqual([
      ['A', 4, 2, 85, 1, 0, 0],
      ['C', 4, 0, 80, 1, 0, 0],
      ['B', 4, 0, 80, 1, 0, 1],
      ['E', 4, 0, 75, 1, 0, 2],
      ['D', 4, 0, 75, 0.75, 0.25, 2],
      ['F', 2, 3, 0, 0, 1, 3],
    ]);
    expect(byCode('A').sd).toBeCloseTo(Math.sqrt(1100 / 3), 12);
    expect(byCode('B').sd).toBeCloseTo(Math.sqrt(1600 / 3), 12);
    expect(byCode('C').sd).toBeCloseTo(Math.sqrt(800 / 3), 12);
    expect(byCode('D').sd).toBe(50);
    expect(byCode('E').sd).toBe(10);
    expect(byCode('F').sd).toBe(0);
  });

  it('computes t intervals, clipped to [0, 100]', () => {
    const [eLo, eHi] = byCode('E').ci95!;
    expect(eLo).toBeCloseTo(75 - (t3 * 10) / 2, 9);
    expect(eHi).toBeCloseTo(75 + (t3 * 10) / 2, 9);
    expect(byCode('D').ci95).toEqual([0, 100]);
    expect(byCode('A').ci95![0]).toBeCloseTo(85 - (t3 * Math.sqrt(1100 / 3)) / 2, 9);
    expect(byCode('A').ci95![1]).toBe(100);
    expect(byCode('F').ci95).toEqual([0, 0]);
  });

  it('ranks by mean, then votes, then satisfaction rate; F is insufficient', () => {
    expect(results.departments.map((d) => [d.code, d.status, d.rank, d.flagged])).toEqual([
      ['A', 'ranked', 1, false],
      ['C', 'ranked', 2, false],
      ['B', 'ranked', 3, false],
      ['E', 'ranked', 4, true],
      ['D', 'ranked', 5, true],
      ['F', 'insufficient', null, false],
    ]);
    expect(results.rankedCount).toBe(5);
    expect(results.flaggedDepartmentIds).toEqual([5, 4]);
    expect(byCode('F').pBottom).toBeNull();
    expect(byCode('F').rankInterval).toBeNull();
  });

  it('reports round totals, the funnel and the rules it applied', () => {
    expect(results.totals).toEqual({ applicable: 22, notApplicable: 5, leastSatisfiedVotes: 8 });
    const scores = [100, 100, 80, 60, 100, 100, 60, 60, 100, 80, 80, 60, 100, 100, 100, 0, 80, 80, 80, 60, 0, 0];
    const mean = 1580 / 22;
    const sd = Math.sqrt(scores.reduce((s, x) => s + (x - mean) ** 2, 0) / 21);
    expect(results.funnel.mean).toBeCloseTo(mean, 12);
    expect(results.funnel.sd).toBeCloseTo(sd, 12);
    expect(results.funnel.n).toBe(22);
    // Every n from 2 to the largest department n (4) + 10.
    expect(results.funnel.points.map((p) => p.n)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(results.funnel.points[8]).toEqual({ n: 10, ...funnelLimits(mean, sd, 10) });
    expect(results.funnel.points[8]!.hi95).toBeCloseTo(mean + (FUNNEL_Z95 * sd) / Math.sqrt(10), 9);
    expect(results.funnel.points[2]!.hi95).toBe(100); // n = 4: 71.8 + 1.96·33.9/2 > 100, clipped
    expect(results.rules).toEqual({ minRatings: 4, bottomN: 2, simulations: 2000 });
    expect(results.scale).toEqual(DEFAULT_SCALE);
    expect(results.rankingRule).toBe(RANKING_RULE_TEXT);
    // pooled SD = √((1100+1600+800+7500+300+0)/(3·5+1))
    expect(results.simulation.pooledSd).toBeCloseTo(Math.sqrt(11300 / 16), 12);
  });

  it('simulates: probabilities in [0, 1] summing to 2, reproducible by seed', () => {
    const p = ranked(results).map((d) => d.pBottom!);
    for (const x of p) expect(x >= 0 && x <= 1).toBe(true);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(2, 9);
    // A (85, sd 19) is least likely to be in the bottom two; D (sd 50) and E most likely.
    expect(byCode('A').pBottom!).toBeLessThan(byCode('E').pBottom!);
    expect(computeResults(input)).toEqual(results);
    expect(computeResults({ ...input, simulationSeed: 'another' }).departments.map((d) => d.pBottom)).not.toEqual(
      results.departments.map((d) => d.pBottom),
    );
    for (const d of ranked(results)) {
      const [lo, hi] = d.rankInterval!;
      expect(1 <= lo && lo <= hi && hi <= 5).toBe(true);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Edge cases

describe('computeResults edge cases', () => {
  const dept = (id: number, code = `D${id}`): DepartmentRef => ({ id, code, name: code });

  it('handles a round without ratings', () => {
    const results = computeResults(makeInput({ departments: [dept(1), dept(2)] }));
    expect(results.rankedCount).toBe(0);
    expect(results.departments.map((d) => [d.code, d.n, d.mean, d.satisfactionRate, d.ci95, d.status])).toEqual([
      ['D1', 0, null, null, null, 'insufficient'],
      ['D2', 0, null, null, null, 'insufficient'],
    ]);
    expect(results.funnel).toEqual({ mean: null, sd: null, n: 0, points: [] });
    expect(results.simulation.pooledSd).toBeNull();
  });

  it('flags every ranked department when no more are ranked than bottomN', () => {
    const results = computeResults(
      makeInput({
        rules: { minRatings: 1, bottomN: 3, simulations: 100 },
        departments: [dept(1), dept(2)],
        counts: [
          { departmentId: 1, counts: { satisfied: 3 } },
          { departmentId: 2, counts: { dissatisfied: 1 } },
        ],
      }),
    );
    expect(results.departments.map((d) => [d.rank, d.flagged, d.pBottom])).toEqual([
      [1, true, 1],
      [2, true, 1],
    ]);
  });

  it('flags nothing when bottomN is 0', () => {
    const results = computeResults(
      makeInput({
        rules: { minRatings: 1, bottomN: 0, simulations: 100 },
        departments: [dept(1)],
        counts: [{ departmentId: 1, counts: { satisfied: 3 } }],
      }),
    );
    expect(results.flaggedDepartmentIds).toEqual([]);
    expect(results.departments[0]!.pBottom).toBe(0);
  });

  it.each<[string, Partial<ResultsInput>]>([
    ['a duplicate id', { departments: [dept(1), dept(1, 'X')] }],
    ['a duplicate code', { departments: [dept(1, 'X'), dept(2, 'X')] }],
    ['counts for an unknown department', { departments: [dept(1)], counts: [{ departmentId: 2, counts: {} }] }],
    ['votes for an unknown department', { departments: [dept(1)], votes: [{ departmentId: 2, votes: 1 }] }],
    ['a negative count', { departments: [dept(1)], counts: [{ departmentId: 1, counts: { satisfied: -1 } }] }],
    ['a fractional vote', { departments: [dept(1)], votes: [{ departmentId: 1, votes: 0.5 }] }],
  ])('rejects %s', (_name, overrides) => {
    expect(() => computeResults(makeInput(overrides))).toThrow(RangeError);
  });

  it('rejects an invalid scale', () => {
    const scale = DEFAULT_SCALE.map((e) => (e.level === 'satisfied' ? { ...e, score: 40 } : e)); // below 比较满意
    expect(() => computeResults(makeInput({ scale }))).toThrow();
  });

  it('uses the scale it is given', () => {
    const scale = DEFAULT_SCALE.map((e) => ({
      ...e,
      score: { satisfied: 10, fairly_satisfied: 8, basically_satisfied: 6, dissatisfied: 0 }[e.level],
    }));
    const results = computeResults(
      makeInput({
        rules: { minRatings: 1, bottomN: 1, simulations: 10 },
        departments: [dept(1)],
        counts: [{ departmentId: 1, counts: { satisfied: 1, basically_satisfied: 1 } }],
        scale,
      }),
    );
    expect(results.departments[0]!.mean).toBe(8);
  });

  it('gives a department far below the others pBottom ≈ 1 and the last rank', () => {
    const departments = Array.from({ length: 10 }, (_, i) => dept(i + 1));
    const counts = departments.map((d) => ({
      departmentId: d.id,
      counts: d.id === 7 ? { dissatisfied: 25, basically_satisfied: 5 } : { satisfied: 20, fairly_satisfied: 8, dissatisfied: 2 },
    }));
    const results = computeResults(makeInput({ departments, counts, rules: { minRatings: 10, bottomN: 3, simulations: 5000 } }));
    const worst = results.departments.find((d) => d.departmentId === 7)!;
    expect(worst.rank).toBe(10);
    expect(worst.pBottom).toBeGreaterThan(0.999);
    expect(worst.rankInterval).toEqual([10, 10]);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

describe('computeResults properties', () => {
  it('ranks exactly the departments with enough ratings, in compareDepartments order, and flags the last N', () => {
    fc.assert(
      fc.property(departmentsArb(), rulesArb, (gen, rules) => {
        const results = computeResults(roundOf(gen, rules));
        const list = ranked(results);
        expect(list.map((d) => d.rank)).toEqual(list.map((_, i) => i + 1));
        for (const d of results.departments) expect(d.status === 'ranked').toBe(d.n >= rules.minRatings);
        for (let i = 0; i + 1 < list.length; i++) {
          expect(compareDepartments(list[i]!, list[i + 1]!)).toBeLessThan(0);
        }
        const n = Math.min(rules.bottomN, list.length);
        const expectedFlagged = list.slice(list.length - n).map((d) => d.departmentId);
        expect(results.flaggedDepartmentIds).toEqual(expectedFlagged);
        expect(results.departments.filter((d) => d.flagged).map((d) => d.departmentId)).toEqual(expectedFlagged);
      }),
    );
  });

  it('does not depend on the order of ratings, departments or votes', () => {
    fc.assert(
      fc.property(departmentsArb(), rulesArb, fc.string(), (gen, rules, shuffleSeed) => {
        const input = roundOf(gen, rules);
        const permuted: ResultsInput = {
          ...input,
          departments: shuffled(input.departments, `${shuffleSeed}d`),
          counts: countRatings(shuffled(expandRatings(input), `${shuffleSeed}r`)),
          votes: shuffled(input.votes, `${shuffleSeed}v`),
        };
        expect(computeResults(permuted)).toEqual(computeResults(input));
      }),
    );
  });

  it('is unchanged in n, mean, rates, rank, flags and simulation by extra 不了解 ratings', () => {
    fc.assert(
      fc.property(departmentsArb(), rulesArb, fc.array(fc.nat(5), { minLength: 12, maxLength: 12 }), (gen, rules, extra) => {
        const more = gen.map((d, i) => ({ ...d, counts: { ...d.counts, not_applicable: d.counts.not_applicable + extra[i]! } }));
        const strip = (results: RoundResults) => results.departments.map(({ counts: _c, notApplicable: _n, ...rest }) => rest);
        const before = computeResults(roundOf(gen, rules));
        const after = computeResults(roundOf(more, rules));
        expect(strip(after)).toEqual(strip(before));
        expect(after.funnel).toEqual(before.funnel);
      }),
    );
  });

  it('gives pBottom in [0, 1] summing to min(bottomN, ranked) and rank intervals within 1…ranked', () => {
    fc.assert(
      fc.property(departmentsArb(), rulesArb, (gen, rules) => {
        const results = computeResults(roundOf(gen, rules));
        const list = ranked(results);
        let bottomRuns = 0;
        for (const d of list) {
          expect(d.pBottom! >= 0 && d.pBottom! <= 1).toBe(true);
          bottomRuns += Math.round(d.pBottom! * rules.simulations);
          const [lo, hi] = d.rankInterval!;
          expect(1 <= lo && lo <= hi && hi <= list.length).toBe(true);
        }
        // Each run puts exactly min(bottomN, ranked) departments in the bottom.
        expect(bottomRuns).toBe(Math.min(rules.bottomN, list.length) * rules.simulations);
        for (const d of results.departments.filter((x) => x.status === 'insufficient')) {
          expect([d.rank, d.pBottom, d.rankInterval, d.flagged]).toEqual([null, null, null, false]);
        }
      }),
    );
  });

  it('simulates the published ranking exactly when no department has any spread', () => {
    // Every department rated one level only: all SDs (and the pooled SD) are 0, so every run ranks the
    // published means, and ties must fall exactly as in the published ranking (exercises the sort).
    const oneLevel = fc
      .tuple(fc.constantFrom('satisfied', 'fairly_satisfied', 'basically_satisfied', 'dissatisfied'), fc.nat(6))
      .map(([level, count]) => makeCounts({ [level]: count }));
    const gen = fc.uniqueArray(fc.record({ code: fc.stringMatching(/^[A-Z][0-9]$/), counts: oneLevel, votes: fc.nat(2) }), {
      selector: (d) => d.code,
      minLength: 1,
      maxLength: 60,
      size: 'max',
    });
    fc.assert(
      fc.property(gen, rulesArb, (departments, rules) => {
        const results = computeResults(roundOf(departments, { ...rules, simulations: 20 }));
        for (const d of ranked(results)) {
          expect(d.pBottom).toBe(d.flagged ? 1 : 0);
          expect(d.rankInterval).toEqual([d.rank, d.rank]);
        }
      }),
      { numRuns: 50 },
    );
  });

  it('is reproducible for the same seed', () => {
    fc.assert(
      fc.property(departmentsArb(6), rulesArb, fc.string(), (gen, rules, seed) => {
        expect(computeResults(roundOf(gen, rules, seed))).toEqual(computeResults(roundOf(gen, rules, seed)));
      }),
      { numRuns: 30 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Performance

describe('performance', () => {
  it('computes 100 departments × 10 000 simulations in well under a second', () => {
    const random = seededUniform('perf');
    const departments = Array.from({ length: 100 }, (_, i) => ({ id: i + 1, code: `D${String(i).padStart(3, '0')}`, name: `部门${i}` }));
    const counts = departments.map((d) => {
      const c = emptyCounts();
      for (let k = 0; k < 40; k++) c[RATING_LEVELS[Math.floor(random() * 5)]!]++;
      return { departmentId: d.id, counts: c };
    });
    const input = makeInput({ departments, counts, rules: DEFAULT_RESULT_RULES });
    computeResults({ ...input, rules: { ...DEFAULT_RESULT_RULES, simulations: 500 } }); // warm up
    const start = performance.now();
    const results = computeResults(input);
    const elapsed = performance.now() - start;
    expect(results.rankedCount).toBe(100);
    expect(elapsed).toBeLessThan(1000);
  });
});
