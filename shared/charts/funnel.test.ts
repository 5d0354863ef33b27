import { describe, expect, it } from 'vitest';
import { makeDepartment } from './builders.ts';
import { funnelSeries, limitsAt, zoneOf } from './funnel.ts';

const limit = (n: number, half95: number, half998: number, mean = 80) => ({
  n,
  lo95: mean - half95,
  hi95: mean + half95,
  lo998: mean - half998,
  hi998: mean + half998,
});
const POINTS = [limit(2, 30, 45), limit(10, 12, 19), limit(50, 5, 8)];

describe('limitsAt', () => {
  it.each([
    { n: 2, lo95: 50 },
    { n: 10, lo95: 68 },
    { n: 6, lo95: 59 }, // halfway between n = 2 and n = 10
    { n: 30, lo95: 71.5 },
    { n: 50, lo95: 75 },
  ])('at n = $n the lower 95% limit is $lo95', ({ n, lo95 }) => {
    expect(limitsAt(POINTS, n)?.lo95).toBeCloseTo(lo95, 10);
  });

  it.each([1, 51])('is null outside the sampled range (n = %i)', (n) => {
    expect(limitsAt(POINTS, n)).toBeNull();
  });

  it('is null without points', () => {
    expect(limitsAt([], 10)).toBeNull();
  });
});

describe('zoneOf', () => {
  const at = { lo95: 70, hi95: 90, lo998: 60, hi998: 95 };
  it.each([
    [96, 'above998'],
    [95, 'above95'],
    [91, 'above95'],
    [90, 'within'],
    [80, 'within'],
    [70, 'within'],
    [69, 'below95'],
    [60, 'below95'],
    [59.9, 'below998'],
  ] as const)('mean %d is %s', (mean, zone) => {
    expect(zoneOf(mean, at)).toBe(zone);
  });
});

describe('funnelSeries', () => {
  const departments = [
    makeDepartment({ departmentId: 1, n: 50, mean: 90 }),
    makeDepartment({ departmentId: 2, n: 10, mean: 50, flagged: true, rank: 3 }),
    makeDepartment({ departmentId: 3, n: 4, mean: 100, status: 'insufficient', rank: null }),
    makeDepartment({ departmentId: 4, n: 0, mean: null, status: 'insufficient', rank: null }),
    makeDepartment({ departmentId: 5, n: 30, mean: 78 }),
  ];
  const series = funnelSeries({ departments, funnel: { mean: 80, points: [...POINTS].reverse() } });

  it('splits departments into normal, flagged (red) and too few ratings; no mean, no dot', () => {
    expect(series.normal.map((d) => d.departmentId)).toEqual([1, 5]);
    expect(series.flagged.map((d) => d.departmentId)).toEqual([2]);
    expect(series.insufficient.map((d) => d.departmentId)).toEqual([3]);
    expect(series.flagged[0]).toMatchObject({ n: 10, mean: 50, name: '部门2', flagged: true, ranked: true });
  });

  it('sorts the limit lines by n and places each department against them', () => {
    expect(series.limits.map((l) => l.n)).toEqual([2, 10, 50]);
    expect(series.flagged[0]!.zone).toBe('below998');
    expect(series.normal.find((d) => d.departmentId === 1)!.zone).toBe('above998');
    expect(series.normal.find((d) => d.departmentId === 5)!.zone).toBe('within');
    expect(series.mean).toBe(80);
  });

  it('covers every dot and limit with nice ticks, y within 0–100', () => {
    expect(series.x).toEqual({ domain: [0, 50], ticks: [0, 10, 20, 30, 40, 50] });
    expect(series.y).toEqual({ domain: [20, 100], ticks: [20, 40, 60, 80, 100] }); // lo998 at n = 2 is 35, hi998 125 is clamped
  });

  it('an empty round gives empty series and a full y axis', () => {
    const empty = funnelSeries({ departments: [], funnel: { mean: null, points: [] } });
    expect(empty).toMatchObject({ mean: null, limits: [], normal: [], flagged: [], insufficient: [] });
    expect(empty.y.domain).toEqual([0, 100]);
    expect(empty.x.domain).toEqual([0, 10]);
  });

  it('widens a flat y range so the axis is never empty', () => {
    const flat = funnelSeries({ departments: [makeDepartment({ n: 5, mean: 100 })], funnel: { mean: 100, points: [] } });
    expect(flat.y.domain).toEqual([90, 100]);
  });
});
