import { describe, expect, it } from 'vitest';
import { makeDepartment } from './builders.ts';
import { rankChange, rankChangeOrder, rankingBars, splitRanking, type RankChange } from './ranking.ts';

describe('rankingBars', () => {
  const rows = [
    makeDepartment({ departmentId: 3, rank: 3, mean: 60, flagged: true, ci95: [50, 70] }),
    makeDepartment({ departmentId: 1, rank: 1, mean: 95, ci95: [90, 100] }),
    makeDepartment({ departmentId: 9, rank: null, status: 'insufficient', mean: 100 }),
    makeDepartment({ departmentId: 2, rank: 2, mean: 80, ci95: null }),
  ];

  it('keeps ranked departments only, best first, the flagged marked', () => {
    const bars = rankingBars(rows);
    expect(bars.map((b) => [b.rank, b.departmentId, b.flagged])).toEqual([
      [1, 1, false],
      [2, 2, false],
      [3, 3, true],
    ]);
  });

  it('turns the 95% interval into error-bar lengths below and above the mean', () => {
    const bars = rankingBars(rows);
    expect(bars.map((b) => b.error)).toEqual([[5, 5], null, [10, 10]]);
  });
});

describe('splitRanking', () => {
  it('ranked in rank order, unranked apart by code', () => {
    const { ranked, insufficient } = splitRanking([
      makeDepartment({ departmentId: 2, code: 'b', rank: 2 }),
      makeDepartment({ departmentId: 8, code: 'z', rank: null, status: 'insufficient' }),
      makeDepartment({ departmentId: 1, code: 'c', rank: 1 }),
      makeDepartment({ departmentId: 7, code: 'a', rank: null, status: 'insufficient' }),
    ]);
    expect(ranked.map((d) => d.code)).toEqual(['c', 'b']);
    expect(insufficient.map((d) => d.code)).toEqual(['a', 'z']);
  });
});

describe('rankChange', () => {
  it.each<[number | null, number | null, RankChange]>([
    [5, 8, { kind: 'up', places: 3 }],
    [8, 5, { kind: 'down', places: 3 }],
    [4, 4, { kind: 'same' }],
    [4, null, { kind: 'new' }],
    [null, 4, { kind: 'none' }],
    [null, null, { kind: 'none' }],
  ])('rank %s after %s is %o', (rank, previous, change) => {
    expect(rankChange(rank, previous)).toEqual(change);
  });

  it('orders most improved first and the unranked last', () => {
    const changes: RankChange[] = [
      { kind: 'none' },
      { kind: 'down', places: 2 },
      { kind: 'same' },
      { kind: 'up', places: 5 },
      { kind: 'new' },
      { kind: 'up', places: 1 },
    ];
    const sorted = [...changes].sort((a, b) => rankChangeOrder(a) - rankChangeOrder(b));
    expect(sorted).toEqual([
      { kind: 'up', places: 5 },
      { kind: 'up', places: 1 },
      { kind: 'same' },
      { kind: 'new' },
      { kind: 'down', places: 2 },
      { kind: 'none' },
    ]);
  });
});
