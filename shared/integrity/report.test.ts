import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCALE, type RatingLevel } from '../results/scale.ts';
import { cleanShares, designedAnswers } from '../../test/support/integrity.ts';
import type { AnswerPattern } from './answers.ts';
import { integrityReport, type IntegrityReport } from './report.ts';
import { DEFAULT_INTEGRITY_THRESHOLDS } from './thresholds.ts';

const IDS = [11, 12, 13, 14, 15, 16, 17, 18, 19, 20];
const DEPARTMENTS = IDS.map((id) => ({ id, code: `d${id}`, name: `部门${id}` }));
const RULES = { minRatings: 5, bottomN: 3 };

const report = (answers: AnswerPattern[], departments = DEPARTMENTS) =>
  integrityReport({ departments, answers, rules: RULES, scale: DEFAULT_SCALE });
const signal = (r: IntegrityReport, kind: string) => r.signals.find((s) => s.kind === kind)!;
const raisedKinds = (r: IntegrityReport) => r.signals.filter((s) => s.raised).map((s) => s.kind);
const same = (level: RatingLevel, ids = IDS) => Object.fromEntries(ids.map((id) => [id, level])) as Record<number, RatingLevel>;
const clean = () => designedAnswers('clean round', IDS, 200);

describe('integrity signals on designed rounds', () => {
  it('clean answers raise no signal and the bottom three stand', () => {
    const r = report(clean());
    expect(raisedKinds(r)).toEqual([]);
    expect(r.flaggedAnswers).toBe(0);
    expect(r.signals.map((s) => s.kind)).toEqual([
      'straight_lining',
      'identical_answers',
      'not_applicable_outlier',
      'top_box_outlier',
      'votes_unexplained',
    ]);
    for (const s of r.signals) {
      expect(s.measured.zh.length).toBeGreaterThan(5);
      expect(s.threshold.en.length).toBeGreaterThan(5);
    }
    expect(r.robustness.variants.map((v) => [v.variant, v.changes])).toEqual([
      ['without_flagged', false],
      ['without_straight_lined', false],
    ]);
    expect(r.robustness.variants[0]!.answersRemoved).toBe(0);
  });

  it('pasted answers: one cluster, its size, and the answers it touches', () => {
    const pasted = {
      ratings: { ...same('fairly_satisfied'), 12: 'dissatisfied', 15: 'not_applicable', 19: 'satisfied' } as Record<number, RatingLevel>,
      votes: [12],
      count: 1,
    };
    const answers = [...clean(), ...Array.from({ length: 7 }, () => pasted), { ...pasted, count: 2 }];
    const r = report(answers);
    expect(raisedKinds(r)).toEqual(['identical_answers']);
    expect(signal(r, 'identical_answers')).toMatchObject({ raised: true, clusterSizes: [9], answers: 9 });
    expect(r.flaggedAnswers).toBe(9);
    expect(r.robustness.variants[0]!.answersRemoved).toBe(9);
  });

  it('a pair of identical answers is no cluster', () => {
    const pasted = { ratings: { ...same('fairly_satisfied'), 12: 'dissatisfied' } as Record<number, RatingLevel>, votes: [], count: 2 };
    expect(raisedKinds(report([...clean(), pasted]))).toEqual([]);
  });

  it('with few departments, repeats are likely by chance and raise nothing', () => {
    const ids = [11, 12];
    const answers = designedAnswers('two departments', ids, 100);
    const r = report(answers, DEPARTMENTS.slice(0, 2));
    expect(signal(r, 'identical_answers').raised).toBe(false);
  });

  it('straight-lining: counted and raised over its share, not taken for a pasted cluster', () => {
    const answers = [
      ...clean(),
      { ratings: same('satisfied'), votes: [], count: 25 },
      { ratings: same('dissatisfied'), votes: [13], count: 5 },
    ];
    const r = report(answers);
    expect(raisedKinds(r)).toContain('straight_lining');
    expect(raisedKinds(r)).not.toContain('identical_answers');
    expect(signal(r, 'straight_lining')).toMatchObject({ raised: true, answers: 30 });
    expect(signal(r, 'straight_lining').observed).toBeCloseTo(30 / 230, 10);
    expect(r.robustness.variants[1]).toMatchObject({ variant: 'without_straight_lined', answersRemoved: 30 });
  });

  it('a few straight-lined answers are normal (below the share)', () => {
    const r = report([...clean(), { ratings: same('satisfied'), votes: [], count: 4 }]);
    expect(signal(r, 'straight_lining')).toMatchObject({ raised: false, answers: 0 });
    // … but the separate recomputation still leaves them out
    expect(r.robustness.variants[1]!.answersRemoved).toBeGreaterThanOrEqual(4);
  });

  it('an answer all 不了解 or rating fewer departments than the minimum is not straight-lined', () => {
    const r = report([
      ...clean(),
      { ratings: same('not_applicable'), votes: [], count: 40 },
      { ratings: same('satisfied', [11, 12]), votes: [], count: 40 },
    ]);
    expect(signal(r, 'straight_lining').raised).toBe(false);
  });

  it('a coached department: no 不了解 and nearly all 满意 while its peers answer as usual', () => {
    const coached = 14;
    const answers = designedAnswers('coached round', IDS, 200, (position, id) =>
      id === coached ? { satisfied: 0.92, fairly_satisfied: 0.08 } : cleanShares(position),
    );
    const r = report(answers);
    expect(raisedKinds(r)).toEqual(['not_applicable_outlier', 'top_box_outlier']);
    const na = signal(r, 'not_applicable_outlier').departments;
    expect(na.map((d) => d.code)).toEqual(['d14']);
    expect(na[0]!.observed).toBe(0);
    expect(na[0]!.expected).toBeGreaterThan(0.2);
    expect(na[0]!.answers).toBe(200);
    expect(signal(r, 'top_box_outlier').departments.map((d) => d.code)).toEqual(['d14']);
    // department signals name no answer to remove: the ranking check leaves the answers in
    expect(r.flaggedAnswers).toBe(0);
  });

  it('several coached departments: the answers a signal touches are counted once, never more than the round has', () => {
    const coached = new Set([13, 14, 15]);
    const answers = designedAnswers('coached trio', IDS, 114, (position, id) =>
      coached.has(id) ? { satisfied: 0.95, fairly_satisfied: 0.05 } : cleanShares(position),
    );
    const r = report(answers);
    const na = signal(r, 'not_applicable_outlier');
    expect(na.departments.map((d) => d.code)).toEqual(['d13', 'd14', 'd15']);
    // each finding is about all 114 answers; the signal still touches 114 answers, not 3 × 114
    expect(na.answers).toBe(114);
    for (const s of r.signals) expect(s.answers).toBeLessThanOrEqual(r.answers);
  });

  it('a department ahead of its peers by less than the gap is not flagged', () => {
    const answers = designedAnswers('good department', IDS, 200, (position, id) =>
      id === 14 ? { ...cleanShares(position), not_applicable: 0.2, satisfied: 0.4 } : cleanShares(position),
    );
    expect(raisedKinds(report(answers))).toEqual([]);
  });

  it('votes the same answers rated 满意 are unexplained, concentrated on one department', () => {
    const campaign = Array.from({ length: 12 }, (_, i) => ({ ...designedAnswers(`campaign ${i}`, IDS, 1)[0]!, votes: [17] })).map((a) => ({
      ...a,
      ratings: { ...a.ratings, 17: 'satisfied' as RatingLevel },
    }));
    const r = report([...clean(), ...campaign]);
    expect(raisedKinds(r)).toEqual(['votes_unexplained']);
    expect(signal(r, 'votes_unexplained').departments).toMatchObject([{ code: 'd17', observed: 12, answers: 12 }]);
    expect(r.flaggedAnswers).toBe(12);
  });

  it('no answers: nothing raised, nothing ranked', () => {
    const r = report([]);
    expect(raisedKinds(r)).toEqual([]);
    expect(r.answers).toBe(0);
    expect(r.robustness.flaggedDepartmentIds).toEqual([]);
  });
});

describe('robustness of the bottom three', () => {
  // Six departments drawn from close shares: d13, d15 and d16 are the last three (means 75.1, 71.9,
  // 64.3; d11 79.1). A pasted block of 不满意 for d11, 满意 for d13, puts d11 there in place of d13.
  const depts = DEPARTMENTS.slice(0, 6);
  const ids = depts.map((d) => d.id);
  const clean6 = designedAnswers('robustness round', ids, 60, (position) => cleanShares(position * 1.5));
  const pasted: AnswerPattern = {
    ratings: { 11: 'dissatisfied', 12: 'satisfied', 13: 'satisfied', 14: 'satisfied', 15: 'fairly_satisfied', 16: 'not_applicable' },
    votes: [11],
    count: 8,
  };

  it('removing a pasted cluster changes the bottom three, and says which department leaves and which enters', () => {
    const before = integrityReport({ departments: depts, answers: clean6, rules: RULES, scale: DEFAULT_SCALE });
    expect(raisedKinds(before)).toEqual([]);
    expect(new Set(before.robustness.flaggedDepartmentIds)).toEqual(new Set([13, 15, 16]));

    const r = integrityReport({ departments: depts, answers: [...clean6, pasted], rules: RULES, scale: DEFAULT_SCALE });
    expect(signal(r, 'identical_answers')).toMatchObject({ raised: true, clusterSizes: [8], answers: 8 });
    expect(new Set(r.robustness.flaggedDepartmentIds)).toEqual(new Set([11, 15, 16]));
    const v = r.robustness.variants.find((x) => x.variant === 'without_flagged')!;
    expect(v).toMatchObject({ answersRemoved: 8, changes: true, leaving: [11], entering: [13] });
    expect(new Set(v.flaggedDepartmentIds)).toEqual(new Set([13, 15, 16]));
    // no straight-lined answers here: that recomputation changes nothing
    expect(r.robustness.variants.find((x) => x.variant === 'without_straight_lined')).toMatchObject({ answersRemoved: 0, changes: false });
  });
});

describe('properties', () => {
  const level = fc.constantFrom<RatingLevel>('satisfied', 'fairly_satisfied', 'basically_satisfied', 'dissatisfied', 'not_applicable');
  const answer = fc.record({
    ratings: fc
      .tuple(level, level, level, level, level)
      .map((ls) => Object.fromEntries(ls.map((l, i) => [11 + i, l])) as Record<number, RatingLevel>),
    votes: fc.subarray([11, 12, 13, 14, 15], { maxLength: 3 }),
    count: fc.integer({ min: 1, max: 4 }),
  });
  const depts = DEPARTMENTS.slice(0, 5);
  const run = (answers: AnswerPattern[]) =>
    integrityReport({ departments: depts, answers, rules: RULES, scale: DEFAULT_SCALE, thresholds: DEFAULT_INTEGRITY_THRESHOLDS });

  it('the report does not depend on the order of the answers, nor on how identical answers are grouped', () => {
    fc.assert(
      fc.property(fc.array(answer, { maxLength: 40 }), (answers) => {
        const a = run(answers);
        expect(run([...answers].reverse())).toEqual(a);
        const split = answers.flatMap((x) => Array.from({ length: x.count }, () => ({ ...x, count: 1 })));
        expect(run(split)).toEqual(a);
      }),
      { numRuns: 60 },
    );
  });

  it('counts stay within the answers, and nothing removed means nothing changes', () => {
    fc.assert(
      fc.property(fc.array(answer, { maxLength: 40 }), (answers) => {
        const r = run(answers);
        expect(r.flaggedAnswers).toBeLessThanOrEqual(r.answers);
        for (const s of r.signals) {
          if (!s.raised) expect(s.answers).toBe(0);
          expect(s.answers).toBeLessThanOrEqual(r.answers);
        }
        for (const v of r.robustness.variants) {
          expect(v.answersRemoved).toBeLessThanOrEqual(r.answers);
          if (v.answersRemoved === 0) expect(v.changes).toBe(false);
        }
      }),
      { numRuns: 60 },
    );
  });
});
