import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RANKING_RULE_TEXT, compareDepartments } from './ranking.ts';
import type { RankKey } from './ranking.ts';

describe('RANKING_RULE_TEXT', () => {
  it('states the ranking rule in both languages', () => {
    expect(RANKING_RULE_TEXT.zh).toContain('最不满意');
    expect(RANKING_RULE_TEXT.en).toContain('department code');
  });
});

describe('compareDepartments', () => {
  const key = (overrides: Partial<RankKey>): RankKey => ({
    mean: 80,
    leastSatisfiedVotes: 0,
    satisfactionRate: 0.9,
    code: 'A01',
    ...overrides,
  });

  it.each<[string, RankKey, RankKey]>([
    ['higher mean', key({ mean: 80.5, leastSatisfiedVotes: 9 }), key({})],
    ['fewer votes', key({ leastSatisfiedVotes: 1, satisfactionRate: 0.1 }), key({ leastSatisfiedVotes: 2 })],
    ['higher satisfaction rate', key({ satisfactionRate: 0.95, code: 'Z' }), key({})],
    ['code ascending', key({ code: 'A01' }), key({ code: 'A02' })],
    ['plain string order, not numeric', key({ code: 'A10' }), key({ code: 'A9' })],
    ['any mean above none', key({ mean: 0, leastSatisfiedVotes: 5 }), key({ mean: null, satisfactionRate: null })],
  ])('%s ranks first', (_name, better, worse) => {
    expect(compareDepartments(better, worse)).toBeLessThan(0);
    expect(compareDepartments(worse, better)).toBeGreaterThan(0);
  });

  it('is a total order', () => {
    const keyArb = fc.record({
      mean: fc.option(fc.constantFrom(0, 60, 75, 80, 80.5, 100), { nil: null }),
      leastSatisfiedVotes: fc.nat(2),
      satisfactionRate: fc.option(fc.constantFrom(0, 0.5, 0.75, 1), { nil: null }),
      code: fc.string({ maxLength: 2 }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(keyArb, { selector: (k) => k.code, maxLength: 7 }), (keys) => {
        const sign = (x: number) => Math.sign(x);
        for (const a of keys) {
          expect(compareDepartments(a, a)).toBe(0);
          for (const b of keys) {
            if (a !== b) expect(compareDepartments(a, b)).not.toBe(0); // distinct codes never tie
            expect(sign(compareDepartments(a, b)) + sign(compareDepartments(b, a))).toBe(0);
            for (const c of keys) {
              if (compareDepartments(a, b) < 0 && compareDepartments(b, c) < 0) {
                expect(compareDepartments(a, c)).toBeLessThan(0);
              }
            }
          }
        }
      }),
    );
  });
});
