import { describe, expect, it } from 'vitest';
import { median, quarterOf, requestStats, type RequestFacts } from './stats.ts';

const make = (o: Partial<RequestFacts> = {}): RequestFacts => ({
  departmentId: 1,
  raisedAt: '2026-02-02T02:00:00.000Z',
  firstReplyAt: null,
  resolved: null,
  satisfied: null,
  ...o,
});
const hoursLater = (iso: string, h: number) => new Date(Date.parse(iso) + h * 3_600_000).toISOString();

describe('request statistics', () => {
  it('takes the median of an odd and an even count, and none of nothing', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it("puts a request in the city's quarter, not UTC's", () => {
    expect(quarterOf(new Date('2026-03-31T17:00:00Z'), 'Asia/Shanghai')).toBe('2026Q2'); // 1 April 01:00 there
    expect(quarterOf(new Date('2026-03-31T15:00:00Z'), 'Asia/Shanghai')).toBe('2026Q1');
  });

  it('counts requests, replies, the median first-reply time and the shares among those with feedback', () => {
    const t = '2026-02-02T02:00:00.000Z';
    const rows = requestStats(
      [
        make({ raisedAt: t, firstReplyAt: hoursLater(t, 2), resolved: true, satisfied: true }),
        make({ raisedAt: t, firstReplyAt: hoursLater(t, 10), resolved: false, satisfied: false }),
        make({ raisedAt: t, firstReplyAt: hoursLater(t, 30), resolved: true, satisfied: false }),
        make({ raisedAt: t }), // waiting: counted, no reply time, no feedback
      ],
      'Asia/Shanghai',
    );
    expect(rows).toEqual([
      {
        departmentId: 1,
        quarter: '2026Q1',
        requests: 4,
        replied: 3,
        medianFirstReplyHours: 10,
        feedbacks: 3,
        resolvedShare: 2 / 3,
        satisfiedShare: 1 / 3,
      },
    ]);
  });

  it('separates departments and quarters, newest quarter first', () => {
    const rows = requestStats(
      [
        make({ departmentId: 2, raisedAt: '2026-01-10T02:00:00.000Z' }),
        make({ departmentId: 1, raisedAt: '2026-04-10T02:00:00.000Z' }),
        make({ departmentId: 1, raisedAt: '2026-01-10T02:00:00.000Z' }),
      ],
      'Asia/Shanghai',
    );
    expect(rows.map((r) => [r.quarter, r.departmentId, r.requests])).toEqual([
      ['2026Q2', 1, 1],
      ['2026Q1', 1, 1],
      ['2026Q1', 2, 1],
    ]);
    expect(rows[0]).toMatchObject({ replied: 0, medianFirstReplyHours: null, feedbacks: 0, resolvedShare: null, satisfiedShare: null });
  });
});
