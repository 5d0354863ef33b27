import { describe, expect, it } from 'vitest';
import { actualClose, linksWork, statusAt } from './round-lifecycle.ts';

const closesAt = new Date('2026-03-31T16:00:00Z');
const before = new Date(closesAt.getTime() - 1);

describe('statusAt: what a reader sees of a round', () => {
  it('an open round reads as open until its deadline and closed from the deadline on, without anyone closing it', () => {
    expect(statusAt('open', closesAt, before)).toBe('open');
    expect(statusAt('open', closesAt, closesAt)).toBe('closed');
    expect(statusAt('open', closesAt, new Date(closesAt.getTime() + 86_400_000))).toBe('closed');
  });

  it('every other status is what is stored, whatever the date', () => {
    for (const status of ['draft', 'pool_frozen', 'drawn', 'closed', 'published', 'voided'] as const) {
      expect(statusAt(status, closesAt, new Date(closesAt.getTime() + 1))).toBe(status);
      expect(statusAt(status, closesAt, before)).toBe(status);
    }
  });

  it('links work exactly while the round reads as open', () => {
    expect(linksWork('open', closesAt, before)).toBe(true);
    expect(linksWork('open', closesAt, closesAt)).toBe(false);
    expect(linksWork('drawn', closesAt, before)).toBe(false);
  });
});

describe('actualClose: when a round really stopped taking answers', () => {
  const deadline = '2026-12-20T07:30:00.000Z';
  it('closed early: the real close time, marked early', () => {
    expect(actualClose(deadline, '2026-12-06T02:00:00.000Z')).toEqual({ at: '2026-12-06T02:00:00.000Z', early: true });
  });
  it('sealed at or after its deadline, or not closed yet: the deadline', () => {
    expect(actualClose(deadline, '2026-12-20T07:30:01.000Z')).toEqual({ at: deadline, early: false });
    expect(actualClose(deadline, deadline)).toEqual({ at: deadline, early: false });
    expect(actualClose(deadline, null)).toEqual({ at: deadline, early: false });
  });
});
