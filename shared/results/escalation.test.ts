import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CURRENT_POLICY,
  ESCALATION_LABELS,
  ESCALATION_LEVELS,
  POLICIES,
  POLICY_V1,
  currentEscalations,
  escalationPolicySchema,
  levelForStreak,
  policyForVersion,
  streakFor,
  streaks,
} from './escalation.ts';
import type { EscalationPolicy, FlaggedRound } from './escalation.ts';

const round = (roundId: string, ...flaggedDepartmentIds: number[]): FlaggedRound => ({ roundId, flaggedDepartmentIds });

describe('policy 2021-v1', () => {
  it('is registered, current and valid', () => {
    expect(POLICY_V1.version).toBe('2021-v1');
    expect(POLICIES['2021-v1']).toBe(POLICY_V1);
    expect(policyForVersion('2021-v1')).toBe(POLICY_V1);
    expect(CURRENT_POLICY).toBe(POLICY_V1);
    expect(escalationPolicySchema.parse(POLICY_V1)).toEqual(POLICY_V1);
    expect(() => policyForVersion('2099-v9')).toThrow(RangeError);
    expect(() => policyForVersion('toString')).toThrow(RangeError);
  });

  it.each([
    [0, null],
    [1, 'pledge'],
    [2, 'admonishment'],
    [3, 'reassignment'],
    [4, 'reassignment'],
    [12, 'reassignment'],
  ] as const)('streak %i → %s', (streak, level) => {
    expect(levelForStreak(POLICY_V1, streak)).toBe(level);
  });

  it('rejects impossible streaks', () => {
    expect(() => levelForStreak(POLICY_V1, -1)).toThrow(RangeError);
    expect(() => levelForStreak(POLICY_V1, 1.5)).toThrow(RangeError);
  });

  it('labels every level in Chinese and English', () => {
    expect(ESCALATION_LEVELS).toEqual(['pledge', 'admonishment', 'reassignment']);
    expect(ESCALATION_LABELS).toEqual({
      pledge: { zh: '大会表态发言 + 约谈提醒', en: 'Public pledge and reminder talk' },
      admonishment: { zh: '诫勉谈话', en: 'Admonishment talk' },
      reassignment: { zh: '调离岗位', en: 'Reassignment (removal from post)' },
    });
  });

  it('never gets milder as the streak grows', () => {
    let previous = -1;
    for (let streak = 0; streak <= 20; streak++) {
      const level = levelForStreak(POLICY_V1, streak);
      const severity = level === null ? -1 : ESCALATION_LEVELS.indexOf(level);
      expect(severity).toBeGreaterThanOrEqual(previous);
      previous = severity;
    }
  });
});

describe('escalationPolicySchema', () => {
  it.each<[string, unknown]>([
    ['no thresholds', { version: 'x', thresholds: [] }],
    ['an empty version', { ...POLICY_V1, version: '' }],
    ['a zero streak', { version: 'x', thresholds: [{ level: 'pledge', minStreak: 0 }] }],
    ['decreasing streaks', { version: 'x', thresholds: [{ level: 'pledge', minStreak: 2 }, { level: 'admonishment', minStreak: 1 }] }],
    ['a milder level later', { version: 'x', thresholds: [{ level: 'admonishment', minStreak: 1 }, { level: 'pledge', minStreak: 2 }] }],
    ['an unknown level', { version: 'x', thresholds: [{ level: 'dismissal', minStreak: 1 }] }],
  ])('rejects %s', (_name, policy) => {
    expect(escalationPolicySchema.safeParse(policy).success).toBe(false);
  });

  it('accepts a policy that skips a level', () => {
    const policy: EscalationPolicy = {
      version: 'test',
      thresholds: [{ level: 'pledge', minStreak: 1 }, { level: 'reassignment', minStreak: 4 }],
    };
    expect(escalationPolicySchema.safeParse(policy).success).toBe(true);
    expect([0, 1, 2, 3, 4, 5].map((s) => levelForStreak(policy, s))).toEqual([
      null, 'pledge', 'pledge', 'pledge', 'reassignment', 'reassignment',
    ]);
  });
});

describe('streaks', () => {
  it('counts consecutive flagged rounds up to the last one', () => {
    // 城投公司 (7) third from the bottom in 2021 Q1, 城管局 (9) last in Q2; 9 stays for Q3 and Q4.
    const history = [
      round('2021Q1', 5, 6, 7),
      round('2021Q2', 7, 8, 9),
      round('2021Q3', 9, 10, 11),
      round('2021Q4', 9, 11, 12),
    ];
    expect(streaks(history)).toEqual(new Map([[9, 3], [11, 2], [12, 1]]));
    expect(streakFor(history, 9)).toBe(3);
    expect(streakFor(history, 7)).toBe(0); // left the bottom after Q2
    expect(streakFor(history, 99)).toBe(0);
    expect(currentEscalations(POLICY_V1, history)).toEqual([
      { departmentId: 9, streak: 3, level: 'reassignment' },
      { departmentId: 11, streak: 2, level: 'admonishment' },
      { departmentId: 12, streak: 1, level: 'pledge' },
    ]);
  });

  it('restarts after a round out of the bottom', () => {
    const history = [round('r1', 1), round('r2', 1), round('r3', 2), round('r4', 1)];
    expect(streakFor(history, 1)).toBe(1);
  });

  it('is empty for no history and after a round with nobody flagged', () => {
    expect(streaks([])).toEqual(new Map());
    expect(streaks([round('r1', 1, 2), round('r2')])).toEqual(new Map());
  });

  it('counts a department listed twice in one round once', () => {
    expect(streakFor([round('r1', 3, 3), round('r2', 3)], 3)).toBe(2);
  });

  it('match a simple count backwards from the last round', () => {
    const historyArb = fc.array(fc.uniqueArray(fc.integer({ min: 1, max: 6 }), { maxLength: 3 }), { maxLength: 12 });
    fc.assert(
      fc.property(historyArb, (flaggedPerRound) => {
        const history = flaggedPerRound.map((ids, i) => round(`r${i}`, ...ids));
        const result = streaks(history);
        for (let id = 1; id <= 6; id++) {
          let expected = 0;
          for (let i = flaggedPerRound.length - 1; i >= 0 && flaggedPerRound[i]!.includes(id); i--) expected++;
          expect(result.get(id) ?? 0).toBe(expected);
          expect(streakFor(history, id)).toBe(expected);
          if (expected === 0) expect(result.has(id)).toBe(false);
        }
        expect(currentEscalations(POLICY_V1, history).map((e) => e.departmentId)).toEqual(
          [...(flaggedPerRound.at(-1) ?? [])].sort((a, b) => a - b),
        );
      }),
    );
  });
});
