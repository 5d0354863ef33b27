import { describe, expect, it } from 'vitest';
import { deriveEscalations, POLICY_V2, POLICY_V3_GUARD, escalationPolicySchema, policyForVersion } from './escalation.ts';
import { guardDecisions, watchedDepartments, type GuardReason } from './escalation-guard.ts';

// Round mean 70, SD 30: at n = 100 the 95 % limits are 70 ± 1.96·3 = [64.12, 75.88]; at n = 25, [58.24, 81.76].
const funnel = { mean: 70, sd: 30 };

describe('the statistical guard', () => {
  it('is a policy of its own, valid, and off in the seed rule', () => {
    expect(policyForVersion('2027-guard')).toBe(POLICY_V3_GUARD);
    expect(escalationPolicySchema.parse(POLICY_V3_GUARD)).toEqual(POLICY_V3_GUARD);
    expect(POLICY_V2.guard).toBeUndefined();
  });

  it.each<[string, { pBottom: number | null; mean: number | null; n: number }, 'measures' | 'watch', GuardReason[]]>([
    ['sure and far below', { pBottom: 0.9, mean: 50, n: 100 }, 'measures', []],
    ['unsure of its place', { pBottom: 0.3, mean: 50, n: 100 }, 'watch', ['p_bottom_below']],
    ['exactly at the threshold counts as sure', { pBottom: 0.5, mean: 50, n: 100 }, 'measures', []],
    ['inside the funnel at its n', { pBottom: 0.8, mean: 65, n: 100 }, 'watch', ['inside_funnel_95']],
    ['the same mean outside the funnel at a larger n', { pBottom: 0.8, mean: 63, n: 100 }, 'measures', []],
    ['a small n widens the funnel', { pBottom: 0.8, mean: 60, n: 25 }, 'watch', ['inside_funnel_95']],
    ['both reasons', { pBottom: 0.2, mean: 66, n: 100 }, 'watch', ['p_bottom_below', 'inside_funnel_95']],
    ['no pBottom (unranked) is not a reason', { pBottom: null, mean: 40, n: 100 }, 'measures', []],
  ])('%s', (_, d, decision, reasons) => {
    const [got] = guardDecisions(POLICY_V3_GUARD, { flagged: [{ departmentId: 7, ...d }], funnel });
    expect(got).toMatchObject({ departmentId: 7, decision, reasons });
    // Off (the seed's rule): always measures, whatever the statistics.
    expect(guardDecisions(POLICY_V2, { flagged: [{ departmentId: 7, ...d }], funnel })[0]).toMatchObject({
      decision: 'measures',
      reasons: [],
    });
  });

  it('a watch stands until overridden', () => {
    const decisions = guardDecisions(POLICY_V3_GUARD, {
      flagged: [
        { departmentId: 1, pBottom: 0.2, mean: 50, n: 100 },
        { departmentId: 2, pBottom: 0.2, mean: 50, n: 100 },
        { departmentId: 3, pBottom: 0.9, mean: 40, n: 100 },
      ],
      funnel,
    });
    expect([...watchedDepartments(decisions, new Set())]).toEqual([1, 2]);
    expect([...watchedDepartments(decisions, new Set([2]))]).toEqual([1]);
  });

  it('streaks count only quarters with measures: a watched quarter ends the run', () => {
    // The server leaves watched departments out of a round's flagged list; the rule sees a quarter without measures.
    const rounds = [
      { roundId: '2026Q1', policyVersion: '2027-guard', closingDay: '2026-03-31', flaggedDepartmentIds: [5] },
      { roundId: '2026Q2', policyVersion: '2027-guard', closingDay: '2026-06-30', flaggedDepartmentIds: [] }, // 5 watched
      { roundId: '2026Q3', policyVersion: '2027-guard', closingDay: '2026-09-30', flaggedDepartmentIds: [5] },
    ];
    const derived = deriveEscalations(rounds, [{ headId: 1, departmentId: 5, since: '2020-01-01', until: null }]);
    expect(derived.map((d) => [d.roundId, d.streak, d.measures])).toEqual([
      ['2026Q1', 1, ['pledge']],
      ['2026Q3', 1, ['pledge']],
    ]);
  });
});
