import { describe, expect, it } from 'vitest';
import type { RoundStatus } from '../schemas/rounds.ts';
import { countdown, defaultRoundId, followUpOrder, publishedUpTo, selectableRounds } from './rounds.ts';

const r = (id: string, status: RoundStatus) => ({ id, status });
const HISTORY = [
  r('2025Q4', 'published'),
  r('2026Q4', 'open'),
  r('2026Q2', 'published'),
  r('2026Q3', 'published'),
  r('2026Q1', 'published'),
  r('2025Q3', 'voided'),
  r('2027Q1', 'draft'),
];

describe('round selection', () => {
  it('lists rounds with a sample, newest first (drafts and voided ones left out)', () => {
    expect(selectableRounds(HISTORY).map((x) => x.id)).toEqual(['2026Q4', '2026Q3', '2026Q2', '2026Q1', '2025Q4']);
  });

  it.each([
    { name: 'the latest published, not the open one', rounds: HISTORY, expected: '2026Q3' },
    { name: 'nothing published: the open round', rounds: [r('2026Q1', 'open'), r('2025Q4', 'voided')], expected: '2026Q1' },
    { name: 'nothing published: the closed round', rounds: [r('2026Q1', 'closed')], expected: '2026Q1' },
    { name: 'only a draft: none', rounds: [r('2026Q1', 'draft')], expected: null },
    { name: 'no rounds', rounds: [], expected: null },
  ])('$name', ({ rounds, expected }) => {
    expect(defaultRoundId(rounds)).toBe(expected);
  });

  it.each([
    { id: '2026Q3', limit: 8, expected: ['2025Q4', '2026Q1', '2026Q2', '2026Q3'] },
    { id: '2026Q2', limit: 8, expected: ['2025Q4', '2026Q1', '2026Q2'] },
    { id: '2026Q4', limit: 2, expected: ['2026Q2', '2026Q3'] },
  ])('published rounds up to $id (at most $limit)', ({ id, limit, expected }) => {
    expect(publishedUpTo(HISTORY, id, limit)).toEqual(expected);
  });
});

describe('countdown', () => {
  const now = new Date('2026-11-10T08:00:00Z');
  it.each([
    { closesAt: '2026-11-12T10:30:59Z', expected: { past: false, days: 2, hours: 2, minutes: 30 } },
    { closesAt: '2026-11-10T08:00:59Z', expected: { past: false, days: 0, hours: 0, minutes: 0 } },
    { closesAt: '2026-11-10T08:00:00Z', expected: { past: true, days: 0, hours: 0, minutes: 0 } },
    { closesAt: '2026-11-01T00:00:00+08:00', expected: { past: true, days: 0, hours: 0, minutes: 0 } },
  ])('to $closesAt', ({ closesAt, expected }) => {
    expect(countdown(closesAt, now)).toEqual(expected);
  });
});

describe('followUpOrder', () => {
  it('lowest response rate first, then the larger group, then the key', () => {
    const g = (key: string, invited: number, responseRate: number) => ({ key, invited, responseRate });
    expect(followUpOrder([g('a', 10, 0.5), g('b', 5, 0.2), g('c', 20, 0.2), g('d', 20, 0.2)]).map((x) => x.key)).toEqual([
      'c',
      'd',
      'b',
      'a',
    ]);
  });
});
