import { describe, expect, it } from 'vitest';
import {
  CURRENT_POLICY,
  ESCALATION_LABELS,
  ESCALATION_LEVELS,
  POLICIES,
  POLICY_V1,
  POLICY_V2,
  escalationPolicySchema,
  levelForStreak,
  measuresFor,
  policyForVersion,
} from './escalation.ts';
import type { EscalationPolicy } from './escalation.ts';

describe('policy 2021-v1', () => {
  it('is registered, current and valid', () => {
    expect(POLICY_V1.version).toBe('2021-v1');
    expect(POLICIES['2021-v1']).toBe(POLICY_V1);
    expect(policyForVersion('2021-v1')).toBe(POLICY_V1);
    expect(CURRENT_POLICY).toBe(POLICY_V2);
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
    ['no thresholds', { ...POLICY_V2, thresholds: [] }],
    ['no basis', { version: 'x', cumulative: true, thresholds: POLICY_V2.thresholds }],
    ['an empty version', { ...POLICY_V1, version: '' }],
    ['a zero streak', { version: 'x', basis: 'head', cumulative: true, thresholds: [{ level: 'pledge', minStreak: 0 }] }],
    [
      'decreasing streaks',
      {
        version: 'x',
        basis: 'head',
        cumulative: true,
        thresholds: [
          { level: 'pledge', minStreak: 2 },
          { level: 'admonishment', minStreak: 1 },
        ],
      },
    ],
    [
      'a milder level later',
      {
        version: 'x',
        basis: 'head',
        cumulative: true,
        thresholds: [
          { level: 'admonishment', minStreak: 1 },
          { level: 'pledge', minStreak: 2 },
        ],
      },
    ],
    ['an unknown level', { version: 'x', basis: 'head', cumulative: true, thresholds: [{ level: 'dismissal', minStreak: 1 }] }],
  ])('rejects %s', (_name, policy) => {
    expect(escalationPolicySchema.safeParse(policy).success).toBe(false);
  });

  it('accepts a policy that skips a level', () => {
    const policy: EscalationPolicy = {
      version: 'test',
      basis: 'head',
      cumulative: false,
      thresholds: [
        { level: 'pledge', minStreak: 1 },
        { level: 'reassignment', minStreak: 4 },
      ],
    };
    expect(escalationPolicySchema.safeParse(policy).success).toBe(true);
    expect([0, 1, 2, 3, 4, 5].map((s) => levelForStreak(policy, s))).toEqual([
      null,
      'pledge',
      'pledge',
      'pledge',
      'reassignment',
      'reassignment',
    ]);
  });
});

describe('policy 2021-v2', () => {
  it('is registered, valid and decides by the head', () => {
    expect(POLICIES['2021-v2']).toBe(POLICY_V2);
    expect(escalationPolicySchema.parse(POLICY_V2)).toEqual(POLICY_V2);
    expect(POLICY_V2.basis).toBe('head');
    expect(POLICY_V1.basis).toBe('department');
  });

  it.each([
    [0, []],
    [1, ['pledge']],
    [2, ['pledge', 'admonishment']],
    [3, ['pledge', 'reassignment']],
    [4, ['pledge', 'reassignment']],
  ] as const)('head streak %i → measures %j', (streak, measures) => {
    expect(measuresFor(POLICY_V2, streak)).toEqual(measures);
  });

  it('2021-v1 records carry their one level', () => {
    expect([1, 2, 3].map((s) => measuresFor(POLICY_V1, s))).toEqual([['pledge'], ['admonishment'], ['reassignment']]);
  });
});
