import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MIN_GROUP, suppressedGroups } from './breakdowns.ts';

const groups = (o: Record<string, number>) => new Map(Object.entries(o));

describe('suppressedGroups', () => {
  it.each([
    ['all groups large enough', { A: 5, B: 12 }, []],
    ['one small group takes the next smallest with it', { A: 3, B: 6, C: 20 }, ['A', 'B']],
    ['two small groups adding up to 5 or more suffice', { A: 2, B: 3, C: 9 }, ['A', 'B']],
    ['small groups adding up to 4 take the next smallest too', { A: 1, B: 3, C: 7, D: 8 }, ['A', 'B', 'C']],
    ['a lone group smaller than 5 goes', { A: 4 }, ['A']],
    ['empty groups are no groups', { A: 0, B: 7 }, []],
  ])('%s', (_name, counts, hidden) => {
    expect([...suppressedGroups(groups(counts))].sort()).toEqual(hidden);
  });

  it('never shows a group under 5, and what it hides is none or at least 5 respondents (or everything)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1, maxLength: 3 }), fc.integer({ min: 0, max: 30 })), (counts) => {
        const m = groups(counts);
        const hidden = suppressedGroups(m);
        const shown = [...m].filter(([v, n]) => n > 0 && !hidden.has(v));
        expect(shown.every(([, n]) => n >= MIN_GROUP)).toBe(true);
        const hiddenTotal = [...hidden].reduce((s, v) => s + m.get(v)!, 0);
        expect(hiddenTotal === 0 || hiddenTotal >= MIN_GROUP || shown.length === 0).toBe(true);
      }),
    );
  });
});
