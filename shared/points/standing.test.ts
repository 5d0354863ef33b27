import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_RULEBOOK, rulebookInForce, ruleSignProblems, type Rulebook } from './rulebook.ts';
import { standingOn, totalsOverTime, type ScoredEntry } from './standing.ts';
import { ineligibility, sanctionWindowStart, shortlist } from './shortlist.ts';
import { rankCohort } from './ranking.ts';

const BOOKS: Rulebook[] = [EXAMPLE_RULEBOOK];
const tenures = [
  { since: '2015-03-01', until: '2019-02-28' },
  { since: '2019-03-01', until: null },
];
const entry = (id: number, date: string, ruleCode: string, points: number, reversesId: number | null = null): ScoredEntry => ({
  id,
  date,
  ruleCode,
  kind: points > 0 && reversesId === null ? 'award' : ruleCode.startsWith('award') ? 'award' : 'deduction',
  points,
  reversesId,
});

describe('a cadre standing', () => {
  it('adds base, awards and deductions, explaining each entry up to the date', () => {
    const entries = [
      entry(1, '2022-05-01', 'award_city', 3),
      entry(2, '2023-02-01', 'pledge', -2),
      entry(3, '2024-09-01', 'award_provincial', 6),
    ];
    const s = standingOn(tenures, entries, BOOKS, '2023-12-31');
    expect(s.base).toMatchObject({ fullYears: 8, points: 8, perYear: 1, cap: 30 });
    expect(s).toMatchObject({ awards: 3, deductions: -2, total: 9, rulebookVersion: '2021-example' });
    expect(s.entries.map((e) => e.id)).toEqual([1, 2]);
  });

  it('a reversing entry cancels the one it reverses from its own date on', () => {
    const entries = [
      entry(1, '2022-05-01', 'admonishment', -5),
      { ...entry(2, '2022-08-01', 'admonishment', 5, 1), kind: 'deduction' as const },
    ];
    expect(standingOn(tenures, entries, BOOKS, '2022-06-30').deductions).toBe(-5);
    expect(standingOn(tenures, entries, BOOKS, '2022-08-01').deductions).toBe(0);
  });

  it('the total equals base + awards + deductions on every date, and the series ends on the date asked', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3000 }), fc.constantFrom(['award_city', 3], ['pledge', -2], ['discipline', -15])), {
          maxLength: 12,
        }),
        (raw) => {
          const entries = raw.map(([d, [code, pts]], i) =>
            entry(i + 1, new Date(Date.UTC(2018, 0, 1 + d)).toISOString().slice(0, 10), code as string, pts as number),
          );
          const series = totalsOverTime(tenures, entries, BOOKS, '2026-06-15');
          expect(series.at(-1)!.date).toBe('2026-06-15');
          for (const p of series) expect(p.total).toBe(p.base + p.awards + p.deductions);
          expect(series.at(-1)!.total).toBe(standingOn(tenures, entries, BOOKS, '2026-06-15').total);
        },
      ),
    );
  });

  it('uses the rulebook in force on the date', () => {
    const v2: Rulebook = { ...EXAMPLE_RULEBOOK, version: '2025-v2', effectiveFrom: '2025-01-01', basePerYear: 2, baseCap: 40 };
    expect(rulebookInForce([EXAMPLE_RULEBOOK, v2], '2024-12-31')!.version).toBe('2021-example');
    expect(rulebookInForce([v2, EXAMPLE_RULEBOOK], '2025-01-01')!.version).toBe('2025-v2');
    expect(rulebookInForce([v2], '2020-01-01')).toBeNull();
    expect(standingOn(tenures, [], [EXAMPLE_RULEBOOK, v2], '2025-06-30').base.points).toBe(20);
  });

  it('refuses a rulebook whose signs contradict the kind', () => {
    expect(ruleSignProblems(EXAMPLE_RULEBOOK.rules)).toEqual([]);
    expect(ruleSignProblems([{ code: 'x', kind: 'award', level: 'city', nameZh: 'x', nameEn: 'x', points: -1 }])[0]).toMatch(/must add/);
    expect(ruleSignProblems([{ code: 'pledge', kind: 'deduction', level: null, nameZh: 'x', nameEn: 'x', points: 2 }])[0]).toMatch(
      /take points away/,
    );
  });
});

describe('promotion shortlist', () => {
  it('bars cadres out of service or under a recent sanction', () => {
    expect(sanctionWindowStart('2026-03-31', 24)).toBe('2024-03-31');
    expect(sanctionWindowStart('2026-03-31', 1)).toBe('2026-02-28');
    expect(ineligibility({ status: 'left_leadership', sanctionDates: [] }, '2026-01-01', 24)).toBeNull();
    expect(ineligibility({ status: 'retired', sanctionDates: [] }, '2026-01-01', 24)).toBe('out_of_service');
    expect(ineligibility({ status: 'in_post', sanctionDates: ['2025-06-01'] }, '2026-01-01', 24)).toBe('under_sanction');
    expect(ineligibility({ status: 'in_post', sanctionDates: ['2023-06-01'] }, '2026-01-01', 24)).toBeNull();
  });

  it('takes the first places in points order and says when a tie decided the cut', () => {
    const ranked = rankCohort(
      [10, 9, 9, 7].map((total, i) => ({ cadreId: i + 1, code: `C${i}`, total, awards: 0, deductions: 0, serviceDays: 100 })),
    );
    const two = shortlist(ranked, 2);
    expect(two.shortlisted.map((r) => r.total)).toEqual([10, 9]);
    expect(two.reserve.map((r) => r.total)).toEqual([9, 7]);
    expect(two.tieAtCut).toBe(true);
    expect(shortlist(ranked, 3).tieAtCut).toBe(false);
  });
});
