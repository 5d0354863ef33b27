import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { netEffect, pointsAxis, pointsChartRows } from './points.ts';

const point = (date: string, total: number, deductions = 0) => ({ date, base: total - deductions, awards: 0, deductions, total });

describe('points chart', () => {
  it('labels months, and the last point with its day', () => {
    expect(pointsChartRows([point('2025-01-31', 1), point('2025-02-28', 2), point('2025-03-15', 2)]).map((r) => r.label)).toEqual([
      '2025-01',
      '2025-02',
      '2025-03-15',
    ]);
  });

  it('the axis holds zero and every value, with room', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -40, max: 60 }), fc.integer({ min: -30, max: 0 })), { minLength: 1, maxLength: 30 }),
        (raw) => {
          const rows = raw.map(([total, d], i) => point(`2025-01-${String((i % 28) + 1).padStart(2, '0')}`, total, d));
          const [lo, hi] = pointsAxis(rows);
          expect(lo).toBeLessThanOrEqual(0);
          for (const r of rows)
            for (const v of [r.total, r.base, r.deductions]) {
              expect(v).toBeGreaterThanOrEqual(lo);
              expect(v).toBeLessThan(hi);
            }
        },
      ),
    );
    expect(pointsAxis([])).toEqual([0, 10]);
  });

  it('the net effect counts approved entries only (a reversal cancels its entry)', () => {
    expect(
      netEffect([
        { status: 'approved', points: -2 },
        { status: 'approved', points: -5 },
        { status: 'pending', points: -3 },
        { status: 'approved', points: 2 },
      ]),
    ).toBe(-5);
  });
});
