// Escalation (问责升级): consecutive rounds in the bottom N raise the consequence for the department's
// head. The policy is versioned so that a published escalation always names the rule it applied.
import { z } from 'zod';

/** Least to most severe. */
export const ESCALATION_LEVELS = ['pledge', 'admonishment', 'reassignment'] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];
export const escalationLevelSchema = z.enum(ESCALATION_LEVELS);

export const ESCALATION_LABELS: Record<EscalationLevel, { zh: string; en: string }> = {
  pledge: { zh: '大会表态发言 + 约谈提醒', en: 'Public pledge and reminder talk' },
  admonishment: { zh: '诫勉谈话', en: 'Admonishment talk' },
  reassignment: { zh: '调离岗位', en: 'Reassignment (removal from post)' },
};

export type EscalationPolicy = {
  version: string;
  /** A streak of at least minStreak flagged rounds reaches level; the highest reached threshold applies. */
  thresholds: { level: EscalationLevel; minStreak: number }[];
};

/**
 * A policy: at least one threshold, minStreak a positive integer strictly increasing down the list,
 * and levels in increasing severity (a longer streak never gets a milder level).
 */
export const escalationPolicySchema = z
  .object({
    version: z.string().trim().min(1).max(40),
    thresholds: z
      .array(z.object({ level: escalationLevelSchema, minStreak: z.number().int().min(1) }))
      .min(1),
  })
  .superRefine((policy, ctx) => {
    for (let i = 1; i < policy.thresholds.length; i++) {
      const prev = policy.thresholds[i - 1]!;
      const cur = policy.thresholds[i]!;
      if (cur.minStreak <= prev.minStreak) {
        ctx.addIssue({ code: 'custom', path: ['thresholds', i, 'minStreak'], message: 'minStreak must increase' });
      }
      if (ESCALATION_LEVELS.indexOf(cur.level) <= ESCALATION_LEVELS.indexOf(prev.level)) {
        ctx.addIssue({ code: 'custom', path: ['thresholds', i, 'level'], message: 'levels must increase in severity' });
      }
    }
  });

/** The 2021 rule: 1 round → pledge, 2 in a row → admonishment, 3 or more → reassignment. */
export const POLICY_V1: EscalationPolicy = {
  version: '2021-v1',
  thresholds: [
    { level: 'pledge', minStreak: 1 },
    { level: 'admonishment', minStreak: 2 },
    { level: 'reassignment', minStreak: 3 },
  ],
};

/** Every policy ever published, by version. Never edit a published one: add a new version. */
export const POLICIES: Readonly<Record<string, EscalationPolicy>> = { [POLICY_V1.version]: POLICY_V1 };
export const CURRENT_POLICY: EscalationPolicy = POLICY_V1;

export function policyForVersion(version: string): EscalationPolicy {
  const policy = Object.hasOwn(POLICIES, version) ? POLICIES[version] : undefined;
  if (!policy) throw new RangeError(`unknown escalation policy version: ${version}`);
  return policy;
}

/** The level a streak reaches under the policy; null for a streak of 0 (not flagged). */
export function levelForStreak(policy: EscalationPolicy, streak: number): EscalationLevel | null {
  if (!(Number.isInteger(streak) && streak >= 0)) {
    throw new RangeError(`streak must be a non-negative integer, got ${streak}`);
  }
  let best: { level: EscalationLevel; minStreak: number } | null = null;
  for (const threshold of policy.thresholds) {
    if (threshold.minStreak <= streak && (best === null || threshold.minStreak > best.minStreak)) best = threshold;
  }
  return best?.level ?? null;
}

/** One published round: which departments it flagged. */
export type FlaggedRound = { roundId: string; flaggedDepartmentIds: readonly number[] };

/**
 * Current streaks after the last round of `history` (published rounds, oldest first): for each
 * department flagged in the last round, how many rounds in a row, ending with the last, flagged it.
 * Departments not flagged in the last round are absent (streak 0): leaving the bottom, or not being
 * ranked at all in a round, ends the streak. Duplicate ids within a round count once.
 */
export function streaks(history: readonly FlaggedRound[]): Map<number, number> {
  let current = new Map<number, number>();
  for (const round of history) {
    const next = new Map<number, number>();
    for (const id of round.flaggedDepartmentIds) {
      if (!next.has(id)) next.set(id, (current.get(id) ?? 0) + 1);
    }
    current = next;
  }
  return current;
}

/** The department's current streak (0 if it was not flagged in the last round). */
export function streakFor(history: readonly FlaggedRound[], departmentId: number): number {
  return streaks(history).get(departmentId) ?? 0;
}

export type Escalation = { departmentId: number; streak: number; level: EscalationLevel };

/** Escalations due after the last round of `history`, by department id. */
export function currentEscalations(policy: EscalationPolicy, history: readonly FlaggedRound[]): Escalation[] {
  const result: Escalation[] = [];
  for (const [departmentId, streak] of streaks(history)) {
    const level = levelForStreak(policy, streak);
    if (level !== null) result.push({ departmentId, streak, level });
  }
  return result.sort((a, b) => a.departmentId - b.departmentId);
}
