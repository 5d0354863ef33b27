import { describe, expect, it } from 'vitest';
import { compareRounds, measuredQuarter } from './quarters.ts';

describe('measured quarter', () => {
  it('a re-run measures the quarter it re-runs', () => {
    expect(measuredQuarter('2027Q1R2')).toEqual({ year: 2027, quarter: 1, run: 2, key: '2027Q1' });
    expect(measuredQuarter('2027Q1')).toEqual({ year: 2027, quarter: 1, run: 1, key: '2027Q1' });
    expect(measuredQuarter('spring')).toBeNull();
  });

  it('orders by quarter, then run, never by the id string', () => {
    const ids = ['2028Q2', '2027Q1R2', '2027Q4', '2027Q1', '2028Q1', '2027Q2'];
    expect([...ids].sort(compareRounds)).toEqual(['2027Q1', '2027Q1R2', '2027Q2', '2027Q4', '2028Q1', '2028Q2']);
    expect(compareRounds('2027Q1R3', '2027Q1R2')).toBeGreaterThan(0);
    expect(compareRounds('2027Q1R9', '2027Q2')).toBeLessThan(0);
  });
});
