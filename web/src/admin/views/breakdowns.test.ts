import { describe, expect, it } from 'vitest';
import type { Breakdowns } from '#shared/schemas/breakdowns.ts';
import { breakdownTable, cellText } from './breakdowns.ts';

const dept = (departmentId: number, code: string, n: number | null, mean: number | null) => ({
  departmentId,
  code,
  name: `部门${code}`,
  n,
  mean,
  satisfactionRate: n === null ? null : 0.8,
});

const breakdowns: Breakdowns = {
  roundId: '2026Q1',
  minGroup: 5,
  dimensions: [
    {
      dimension: 'township',
      hiddenRespondents: 7,
      groups: [
        { value: '干河街道', respondents: 30, departments: [dept(2, 'b', 12, 71.25), dept(1, 'a', null, null)] },
        { value: '龙华山街道', respondents: 9, departments: [dept(2, 'b', 6, 80), dept(1, 'a', 5, 64)] },
      ],
    },
    { dimension: 'industry', hiddenRespondents: 0, groups: [] },
    { dimension: 'size', hiddenRespondents: 0, groups: [] },
  ],
};

describe('breakdownTable', () => {
  it('gives one row per department (by code) and one cell per group, with the small cells empty', () => {
    const t = breakdownTable(breakdowns, 'township');
    expect(t.groups).toEqual([
      { value: '干河街道', respondents: 30 },
      { value: '龙华山街道', respondents: 9 },
    ]);
    expect(t.rows.map((r) => r.code)).toEqual(['a', 'b']);
    expect(t.rows[0]!.cells).toEqual([null, { n: 5, mean: 64, satisfactionRate: 0.8 }]);
    expect(t.rows[1]!.cells[0]).toEqual({ n: 12, mean: 71.25, satisfactionRate: 0.8 });
    expect(t.suppressedCells).toBe(1);
    expect(t.hiddenRespondents).toBe(7);
  });

  it('is empty for a dimension with no group shown', () => {
    expect(breakdownTable(breakdowns, 'industry')).toEqual({ groups: [], rows: [], hiddenRespondents: 0, suppressedCells: 0 });
  });

  it('reads a suppressed cell as "<5" and never as a number', () => {
    const [a] = breakdownTable(breakdowns, 'township').rows;
    expect(a!.cells.map((c) => cellText(c, 5))).toEqual(['<5', '64.0']);
  });
});
