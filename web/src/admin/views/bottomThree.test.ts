import { describe, expect, it } from 'vitest';
import type { DepartmentResultView } from '#shared/schemas/results.ts';
import { bottomThree } from './bottomThree.ts';

const dept = (rank: number | null, mean: number | null, over: Partial<DepartmentResultView> = {}): DepartmentResultView => ({
  departmentId: rank ?? 99,
  code: `d${rank}`,
  name: `部门${rank}`,
  nameEn: null,
  category: 'service',
  n: 40,
  notApplicable: 0,
  mean,
  sd: 10,
  ci95: mean === null ? null : [mean - 5, mean + 5],
  satisfactionRate: 0.5,
  dissatisfiedRate: 0.3,
  leastSatisfiedVotes: 0,
  rank,
  previousRank: null,
  flagged: false,
  pBottom: 0,
  rankInterval: null,
  status: rank === null ? 'insufficient' : 'ranked',
  counts: null,
  reasons: null,
  ...over,
});

// The figures: 16.3 / 26.1 / 39.8 at the bottom of 53, against 66.4 for the 50th.
const departments = [
  ...Array.from({ length: 49 }, (_, i) => dept(i + 1, 95 - i * 0.5)),
  dept(50, 66.4),
  dept(51, 39.8, { flagged: true, pBottom: 0.97, leastSatisfiedVotes: 3 }),
  dept(52, 26.1, { flagged: true, pBottom: 1, leastSatisfiedVotes: 4 }),
  dept(53, 16.3, { flagged: true, pBottom: 1, leastSatisfiedVotes: 5 }),
  dept(null, null),
];

describe('bottomThree', () => {
  it('lists the last first, with place from the bottom, score, interval, gap to the one above, P(bottom 3) and votes', () => {
    const { rows, rankedCount, line } = bottomThree(departments, []);
    expect(rankedCount).toBe(53);
    expect(rows.map((r) => [r.rank, r.fromBottom, r.mean, r.votes, r.pBottom])).toEqual([
      [53, 1, 16.3, 5, 1],
      [52, 2, 26.1, 4, 1],
      [51, 3, 39.8, 3, 0.97],
    ]);
    expect(rows[0]!.gap).toBeCloseTo(9.8, 6);
    expect(rows[2]!.gap).toBeCloseTo(26.6, 6);
    expect(rows[0]!.ci95).toEqual([11.3, 21.3]);
    expect(line).toMatchObject({ rank: 50, mean: 66.4 });
  });

  it('takes the head streak and measures from the record; without listed measures, from its level', () => {
    const { rows } = bottomThree(departments, [
      {
        departmentId: 53,
        level: 'reassignment',
        streak: 3,
        headStreak: 3,
        departmentStreak: 4,
        measures: ['pledge', 'reassignment'],
        headName: '王志强',
      },
      { departmentId: 52, level: 'admonishment', streak: 2, headName: null },
    ]);
    expect(rows[0]).toMatchObject({ headStreak: 3, departmentStreak: 4, measures: ['pledge', 'reassignment'], headName: '王志强' });
    expect(rows[1]).toMatchObject({ headStreak: 2, measures: ['pledge', 'admonishment'] });
    expect(rows[2]).toMatchObject({ headStreak: null, measures: [] });
  });
});
