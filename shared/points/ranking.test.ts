import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareStanding, rankByCohort, rankCohort, TIE_BREAK, type Rankable } from './ranking.ts';

const make = (o: Partial<Rankable> & { cadreId: number }): Rankable => ({
  code: `C${String(o.cadreId).padStart(5, '0')}`,
  total: 10,
  awards: 0,
  deductions: 0,
  serviceDays: 1000,
  ...o,
});

const cohort = fc.uniqueArray(fc.integer({ min: 1, max: 10_000 }), { minLength: 0, maxLength: 40 }).chain((ids) =>
  fc.tuple(
    ...ids.map((id) =>
      fc
        .record({
          total: fc.integer({ min: -5, max: 5 }),
          awards: fc.integer({ min: 0, max: 3 }),
          deductions: fc.integer({ min: -3, max: 0 }),
          serviceDays: fc.integer({ min: 0, max: 3 }),
        })
        .map((r) => make({ cadreId: id, ...r })),
    ),
  ),
);

describe('cohort ranking', () => {
  it('states its tie-break in both languages', () => {
    expect(TIE_BREAK.zh).toContain('扣分少');
    expect(TIE_BREAK.en).toContain('staff number');
  });

  it.each<[string, Rankable, Rankable]>([
    ['higher total', make({ cadreId: 2, total: 11, deductions: -9 }), make({ cadreId: 1 })],
    ['equal totals: fewer deductions', make({ cadreId: 2, deductions: -1, awards: 0 }), make({ cadreId: 1, deductions: -2, awards: 5 })],
    ['then more awards', make({ cadreId: 2, awards: 3, serviceDays: 1 }), make({ cadreId: 1, awards: 2 })],
    ['then longer service', make({ cadreId: 2, serviceDays: 2000 }), make({ cadreId: 1 })],
    ['then staff number', make({ cadreId: 1 }), make({ cadreId: 2 })],
  ])('%s comes first', (_n, better, worse) => {
    expect(compareStanding(better, worse)).toBeLessThan(0);
    expect(rankCohort([worse, better]).map((r) => r.cadreId)).toEqual([better.cadreId, worse.cadreId]);
  });

  it('gives positions 1..n in non-increasing total, whatever the input order', () => {
    fc.assert(
      fc.property(cohort, fc.func(fc.integer()), (items, shuffleKey) => {
        const ranked = rankCohort(items);
        const shuffled = rankCohort([...items].sort((a, b) => shuffleKey(a.cadreId) - shuffleKey(b.cadreId)));
        expect(shuffled).toEqual(ranked);
        expect(ranked.map((r) => r.position)).toEqual(items.map((_, i) => i + 1));
        for (let i = 1; i < ranked.length; i++) expect(ranked[i]!.total).toBeLessThanOrEqual(ranked[i - 1]!.total);
        for (const r of ranked) expect(r.cohortSize).toBe(items.length);
      }),
    );
  });

  it('flags exactly the cadres sharing a total with someone else, and orders them by the tie-break', () => {
    fc.assert(
      fc.property(cohort, (items) => {
        const ranked = rankCohort(items);
        for (const r of ranked) {
          expect(r.tiedOnTotal).toBe(items.some((o) => o.cadreId !== r.cadreId && o.total === r.total));
        }
        for (let i = 1; i < ranked.length; i++) expect(compareStanding(ranked[i - 1]!, ranked[i]!)).toBeLessThan(0);
      }),
    );
  });

  it('ranks each rank cohort on its own', () => {
    fc.assert(
      fc.property(cohort, (items) => {
        const cohortOf = (r: Rankable) => (r.cadreId % 2 ? 'odd' : 'even');
        const ranked = rankByCohort(items, cohortOf);
        expect(ranked).toHaveLength(items.length);
        for (const key of ['odd', 'even']) {
          const members = items.filter((r) => cohortOf(r) === key);
          expect(ranked.filter((r) => cohortOf(r) === key)).toEqual(rankCohort(members));
        }
      }),
    );
  });
});
