import { describe, expect, it } from 'vitest';
import { appealDeadline, filingRefusal, type FilingFacts } from './appeals.ts';

const published = new Date('2026-04-10T02:00:00Z');
const facts = (over: Partial<FilingFacts> = {}): FilingFacts => ({
  roundStatus: 'published',
  publishedAt: published,
  flagged: true,
  alreadyAppealed: false,
  now: new Date('2026-04-12T00:00:00Z'),
  windowDays: 7,
  ...over,
});

describe('filing an appeal', () => {
  it.each([
    ['a flagged department within the window', {}, null],
    ['on the last instant of the window', { now: new Date('2026-04-17T02:00:00Z') }, null],
    ['one millisecond late', { now: new Date('2026-04-17T02:00:00.001Z') }, 'window_closed'],
    ['a shorter window from the config', { windowDays: 1 }, 'window_closed'],
    ['an unflagged department', { flagged: false }, 'not_flagged'],
    ['a second appeal for the round', { alreadyAppealed: true }, 'appeal_exists'],
    ['a round not yet published', { roundStatus: 'closed', publishedAt: null }, 'not_published'],
    ['a voided round', { roundStatus: 'voided' }, 'not_published'],
    ['unflagged and late: the flag is the first reason', { flagged: false, now: new Date('2026-05-01T00:00:00Z') }, 'not_flagged'],
  ] as const)('%s', (_name, over, code) => {
    expect(filingRefusal(facts(over))?.code ?? null).toBe(code);
  });

  it('the refusal after the window names the deadline', () => {
    const r = filingRefusal(facts({ now: new Date('2026-05-01T00:00:00Z') }));
    expect(r?.details).toEqual({ publishedAt: published.toISOString(), deadline: '2026-04-17T02:00:00.000Z', windowDays: 7 });
    expect(appealDeadline(published, 7).toISOString()).toBe('2026-04-17T02:00:00.000Z');
  });
});
