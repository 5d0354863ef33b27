import { describe, expect, it } from 'vitest';
import type { RobustnessView } from '../schemas/integrity.ts';
import { weightedLine } from './weighted.ts';

const departments = [
  { departmentId: 1, mean: 90, rank: 1, flagged: false },
  { departmentId: 2, mean: 80, rank: 2, flagged: false },
  { departmentId: 3, mean: 75, rank: 3, flagged: true },
  { departmentId: 4, mean: null, rank: null, flagged: false },
];
const names: Record<number, string> = { 1: '甲', 2: '乙', 3: '丙' };
const base: RobustnessView = { flaggedDepartmentIds: [3], variants: [] };
const weighted = (over: Partial<NonNullable<RobustnessView['weighted']>>): RobustnessView => ({
  ...base,
  weighted: {
    dimension: 'size',
    bottomThree: [3],
    changed: false,
    entering: [],
    leaving: [],
    effectiveN: 41.5,
    respondents: 50,
    strata: [],
    departments: [
      { departmentId: 1, mean: 88, effectiveN: 40 },
      { departmentId: 2, mean: 78, effectiveN: 40 },
      { departmentId: 3, mean: 76, effectiveN: 40 },
    ],
    ...over,
  },
});

describe('the weighted robustness line', () => {
  it('is absent for results without the variant', () => {
    expect(weightedLine(null, departments, (id) => names[id]!)).toBeNull();
    expect(weightedLine(base, departments, (id) => names[id]!)).toBeNull();
  });

  it('says the bottom stands, with the gap between the 4th and 3rd from the bottom before and after weighting', () => {
    expect(weightedLine(weighted({}), departments, (id) => names[id]!)).toEqual({
      official: 'unweighted',
      outcome: 'same',
      leaving: [],
      entering: [],
      effectiveN: 41.5,
      respondents: 50,
      gap: { unweighted: 5, weighted: 2 },
    });
  });

  it('names who would leave and enter', () => {
    const line = weightedLine(
      weighted({
        changed: true,
        leaving: [3],
        entering: [2],
        bottomThree: [2],
        departments: [
          { departmentId: 1, mean: 88, effectiveN: 40 },
          { departmentId: 3, mean: 79, effectiveN: 40 },
          { departmentId: 2, mean: 77, effectiveN: 40 },
        ],
      }),
      departments,
      (id) => names[id]!,
    );
    expect(line).toMatchObject({ outcome: 'changes', leaving: ['丙'], entering: ['乙'], gap: { unweighted: 5, weighted: 2 } });
  });

  it('where the rules make the weighted ranking official, it is the unweighted ranking that is the line', () => {
    // Official (weighted) places: 1 (88), 2 (78), 3 (76, flagged); unweighted: 1 (90), 3 (80), 2 (70).
    const official = [
      { departmentId: 1, mean: 88, rank: 1, flagged: false },
      { departmentId: 2, mean: 78, rank: 2, flagged: false },
      { departmentId: 3, mean: 76, rank: 3, flagged: true },
    ];
    const view: RobustnessView = {
      ...weighted({}),
      official: 'weighted',
      unweighted: {
        bottomThree: [2],
        changed: true,
        entering: [2],
        leaving: [3],
        departments: [
          { departmentId: 1, mean: 90 },
          { departmentId: 3, mean: 80 },
          { departmentId: 2, mean: 70 },
        ],
      },
    };
    expect(weightedLine(view, official, (id) => names[id]!)).toEqual({
      official: 'weighted',
      outcome: 'changes',
      leaving: ['丙'],
      entering: ['乙'],
      effectiveN: 41.5,
      respondents: 50,
      gap: { unweighted: 10, weighted: 2 },
    });
  });
});
