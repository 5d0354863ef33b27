import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_REASONS, REASON_CODES, reasonCounts, topReasons, type ReasonCode } from './reasons.ts';
import { checkSubmission } from './survey-rules.ts';

describe('reasonCounts', () => {
  const offered = DEFAULT_REASONS.map((r) => r.code);

  it('lists every offered reason, most chosen first, and hides fewer than 3 (0 included) behind null', () => {
    const chosen = new Map<ReasonCode, number>([
      ['repeat_trips', 9],
      ['slow', 4],
      ['poor_attitude', 3],
      ['other', 2],
      ['improper_fees', 1],
    ]);
    expect(reasonCounts(offered, chosen)).toEqual([
      { code: 'repeat_trips', count: 9 },
      { code: 'slow', count: 4 },
      { code: 'poor_attitude', count: 3 },
      // The suppressed ones in the round's order: 0, 1 and 2 look alike.
      { code: 'unclear_requirements', count: null },
      { code: 'policy_not_implemented', count: null },
      { code: 'improper_fees', count: null },
      { code: 'other', count: null },
    ]);
  });

  it("keeps the round's order among equal counts and leaves out reasons the round did not offer", () => {
    const chosen = new Map<ReasonCode, number>([
      ['other', 5],
      ['slow', 5],
      ['improper_fees', 8],
    ]);
    expect(reasonCounts(['other', 'slow'], chosen)).toEqual([
      { code: 'other', count: 5 },
      { code: 'slow', count: 5 },
    ]);
  });

  it('never shows a count below 3, and every shown count is the true one', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(8), { minLength: REASON_CODES.length, maxLength: REASON_CODES.length }), (ns) => {
        const chosen = new Map(REASON_CODES.map((c, i) => [c, ns[i]!]));
        const shown = reasonCounts(REASON_CODES, chosen);
        expect(shown.map((r) => r.code).sort()).toEqual([...REASON_CODES].sort());
        for (const r of shown) expect(r.count).toBe(chosen.get(r.code)! >= 3 ? chosen.get(r.code) : null);
        const counts = shown.map((r) => r.count ?? -1);
        expect(counts).toEqual([...counts].sort((a, b) => b - a));
      }),
    );
  });
});

describe('topReasons', () => {
  it('takes the three most chosen shown reasons, none that are suppressed', () => {
    expect(
      topReasons([
        { code: 'slow', count: 7 },
        { code: 'other', count: 3 },
        { code: 'poor_attitude', count: 5 },
        { code: 'improper_fees', count: 4 },
        { code: 'repeat_trips', count: null },
      ]),
    ).toEqual([
      { code: 'slow', count: 7 },
      { code: 'poor_attitude', count: 5 },
      { code: 'improper_fees', count: 4 },
    ]);
    expect(topReasons([{ code: 'slow', count: null }])).toEqual([]);
  });
});

describe('checkSubmission: reasons', () => {
  const rules = { departmentIds: [1, 2], votesLimit: 3, reasonCodes: ['slow', 'repeat_trips', 'poor_attitude', 'other'] };
  const codes = (ratings: { departmentId: number; level: 'dissatisfied' | 'satisfied'; reasons?: string[] }[]) =>
    checkSubmission({ ratings, leastSatisfied: [] }, rules).map((p) => [p.code, p.departmentIds]);

  it('accepts up to three offered reasons on a 不满意 rating, or none', () => {
    expect(
      codes([
        { departmentId: 1, level: 'dissatisfied', reasons: ['slow', 'repeat_trips', 'other'] },
        { departmentId: 2, level: 'dissatisfied' },
      ]),
    ).toEqual([]);
  });
  it('refuses reasons without 不满意, more than three, twice the same, or a code the round did not offer', () => {
    expect(
      codes([
        { departmentId: 1, level: 'satisfied', reasons: ['slow'] },
        { departmentId: 2, level: 'satisfied', reasons: [] },
      ]),
    ).toEqual([['reasons_need_dissatisfied', [1]]]);
    expect(
      codes([
        { departmentId: 1, level: 'dissatisfied', reasons: ['slow', 'repeat_trips', 'other', 'poor_attitude'] },
        { departmentId: 2, level: 'satisfied' },
      ]),
    ).toEqual([['too_many_reasons', [1]]]);
    expect(
      codes([
        { departmentId: 1, level: 'dissatisfied', reasons: ['slow', 'slow'] },
        { departmentId: 2, level: 'satisfied' },
      ]),
    ).toEqual([['duplicate_reason', [1]]]);
    expect(
      codes([
        { departmentId: 1, level: 'satisfied' },
        { departmentId: 2, level: 'dissatisfied', reasons: ['improper_fees', 'bribery'] },
      ]),
    ).toEqual([['unknown_reason', [2]]]);
  });
});
