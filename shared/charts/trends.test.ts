import { describe, expect, it } from 'vitest';
import { makeDepartment, makeRound } from './builders.ts';
import { defaultTrendDepartments, trendFromHistory, trendKey, trendSeries } from './trends.ts';

const A = 1;
const B = 2;
const rounds = [
  makeRound('2026Q2', [
    makeDepartment({ departmentId: A, rank: 3, mean: 60, flagged: true, name: '城管局' }),
    makeDepartment({ departmentId: B, rank: 1, mean: 90 }),
    makeDepartment({ departmentId: 3, rank: 2 }),
  ]),
  makeRound('2025Q4', [
    makeDepartment({ departmentId: A, rank: 1, mean: 88, name: '城管局（旧名）' }),
    makeDepartment({ departmentId: B, rank: 2, mean: 70, flagged: true }),
  ]),
  makeRound('2026Q1', [makeDepartment({ departmentId: B, rank: null, mean: 100, status: 'insufficient' })]),
];

describe('trendSeries', () => {
  const { rounds: ids, series, rows } = trendSeries(rounds, [A, B, A, 99]);

  it('orders rounds oldest first and keeps each chosen department once (unknown ones dropped)', () => {
    expect(ids).toEqual(['2025Q4', '2026Q1', '2026Q2']);
    expect(series.map((s) => s.departmentId)).toEqual([A, B]);
  });

  it('gives mean, rank and the flag per round, a gap where the department is absent, the newest name', () => {
    const a = series[0]!;
    expect(a.name).toBe('城管局');
    expect(a.points.map((p) => [p.roundId, p.mean, p.rank, p.flagged])).toEqual([
      ['2025Q4', 88, 1, false],
      ['2026Q1', null, null, false],
      ['2026Q2', 60, 3, true],
    ]);
    expect(series[1]!.points.map((p) => [p.mean, p.rank, p.flagged])).toEqual([
      [70, 2, true],
      [100, null, false],
      [90, 1, false],
    ]);
  });

  it('counts the ranked departments of each round (the rank axis)', () => {
    expect(series[0]!.points.map((p) => p.rankedCount)).toEqual([2, 0, 3]);
  });

  it('flattens to one row per round for the chart', () => {
    expect(rows[2]).toMatchObject({
      roundId: '2026Q2',
      [trendKey('mean', A)]: 60,
      [trendKey('rank', A)]: 3,
      [trendKey('flagged', A)]: true,
      [trendKey('mean', B)]: 90,
    });
    expect(rows[1]![trendKey('mean', A)]).toBeNull();
  });

  it('a round given twice counts once', () => {
    expect(trendSeries([...rounds, rounds[0]!], [A]).rounds).toHaveLength(3);
  });
});

describe('trendFromHistory', () => {
  it('maps a department history, oldest first', () => {
    const s = trendFromHistory({
      department: { id: 7, code: 'cgj', nameZh: '市城市管理执法局', nameEn: 'Urban Management' },
      rounds: [
        {
          roundId: '2026Q2',
          publishedAt: '',
          rank: 53,
          rankedCount: 53,
          mean: 61,
          n: 40,
          leastSatisfiedVotes: 9,
          satisfactionRate: 0.7,
          flagged: true,
          streak: 2,
          headStreak: 2,
          departmentStreak: 2,
          level: 'admonishment',
          measures: ['pledge', 'admonishment'],
          headName: null,
        },
        {
          roundId: '2026Q1',
          publishedAt: '',
          rank: 52,
          rankedCount: 53,
          mean: 63,
          n: 41,
          leastSatisfiedVotes: 12,
          satisfactionRate: 0.7,
          flagged: true,
          streak: 1,
          headStreak: 1,
          departmentStreak: 1,
          level: 'pledge',
          measures: ['pledge'],
          headName: null,
        },
      ],
    });
    expect(s).toMatchObject({ departmentId: 7, name: '市城市管理执法局' });
    expect(s.points).toEqual([
      { roundId: '2026Q1', mean: 63, rank: 52, flagged: true, rankedCount: 53 },
      { roundId: '2026Q2', mean: 61, rank: 53, flagged: true, rankedCount: 53 },
    ]);
  });
});

describe('defaultTrendDepartments', () => {
  it.each([
    { limit: 5, expected: [A, B] }, // flagged in the latest round first, then earlier
    { limit: 1, expected: [A] },
  ])('limit $limit → $expected', ({ limit, expected }) => {
    expect(defaultTrendDepartments(rounds, limit)).toEqual(expected);
  });

  it('none flagged, none picked', () => {
    expect(defaultTrendDepartments([makeRound('2026Q1', [makeDepartment()])])).toEqual([]);
  });
});
