import { describe, expect, it } from 'vitest';
import { makeDepartment, makeRound } from './builders.ts';
import { votesOverTime, votesRoundsThrough } from './votes.ts';

const round = (id: string, votes: [id: number, votes: number, rank: number][]) =>
  makeRound(
    id,
    votes.map(([departmentId, leastSatisfiedVotes, rank]) =>
      makeDepartment({ departmentId, leastSatisfiedVotes, rank, code: `d${departmentId}` }),
    ),
  );

describe('votesOverTime', () => {
  it('totals each round and finds the worst department: "17 in the first round, 5 in the latest"', () => {
    const { points, headline } = votesOverTime([
      round('2026Q3', [
        [1, 5, 53],
        [2, 3, 40],
        [3, 1, 2],
      ]),
      round('2025Q4', [
        [1, 4, 50],
        [2, 17, 53],
        [3, 2, 1],
      ]),
      round('2026Q1', [
        [1, 11, 52],
        [2, 6, 51],
      ]),
    ]);
    expect(points.map((p) => [p.roundId, p.total, p.worst, p.worstDepartmentId])).toEqual([
      ['2025Q4', 23, 17, 2],
      ['2026Q1', 17, 11, 1],
      ['2026Q3', 9, 5, 1],
    ]);
    expect(headline).toEqual({ fromRound: '2025Q4', from: 17, toRound: '2026Q3', to: 5, change: -12 });
  });

  it.each([
    {
      name: 'ties go to the worse-ranked department',
      votes: [
        [1, 4, 10],
        [2, 4, 30],
      ] as [number, number, number][],
      worst: 2,
    },
    {
      name: 'equal rank: the lower code',
      votes: [
        [2, 4, 10],
        [1, 4, 10],
      ] as [number, number, number][],
      worst: 1,
    },
    {
      name: 'nobody voted: no worst department',
      votes: [
        [1, 0, 1],
        [2, 0, 2],
      ] as [number, number, number][],
      worst: null,
    },
  ])('$name', ({ votes, worst }) => {
    expect(votesOverTime([round('2026Q1', votes)]).points[0]!.worstDepartmentId).toBe(worst);
  });

  it('no headline with fewer than two rounds', () => {
    expect(votesOverTime([]).headline).toBeNull();
    expect(votesOverTime([round('2026Q1', [[1, 3, 1]])]).headline).toBeNull();
  });
});

describe('votesRoundsThrough', () => {
  it("an unpublished selected round is the headline's latest round, not the last published one", () => {
    const q3 = round('2026Q3', [[1, 5, 53]]);
    const q4 = { ...round('2026Q4', [[2, 9, 53]]), round: { ...round('2026Q4', []).round, status: 'closed' as const, publishedAt: null } };
    const { headline, points } = votesOverTime(votesRoundsThrough([round('2026Q1', [[1, 17, 53]]), q3], q4));
    expect(headline).toMatchObject({ fromRound: '2026Q1', from: 17, toRound: '2026Q4', to: 9 });
    expect(points.at(-1)!.worstDepartmentId).toBe(2);
  });

  it('an earlier selected round ends the headline there, later rounds left out', () => {
    const q1 = round('2026Q1', [[1, 17, 53]]);
    const q2 = round('2026Q2', [[1, 11, 53]]);
    expect(votesRoundsThrough([q1, q2, round('2026Q3', [[1, 5, 53]])], q2).map((r) => r.round.id)).toEqual(['2026Q1', '2026Q2']);
  });
});
