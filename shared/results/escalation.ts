// Escalation (问责升级): consecutive flagged evaluations, in the order of the quarters they measure, raise
// the consequence for the responsible head. The policy is versioned so that a published escalation
// always names the rule it applied. Pure: the server feeds it rounds and head tenures.
import { z } from 'zod';
import { ESCALATION_LEVELS, type EscalationLevel } from './escalation-levels.ts';
import { compareRounds, measuredQuarter } from './quarters.ts';

export { ESCALATION_LABELS, ESCALATION_LEVELS, type EscalationLevel } from './escalation-levels.ts';
export const escalationLevelSchema = z.enum(ESCALATION_LEVELS);

/**
 * Where a record, and each of its measures, stands. `on_hold` while an appeal against the round is
 * pending; `withdrawn` when the rule no longer calls for it (or an admin withdraws a measure).
 */
export const ESCALATION_STATUSES = ['pending', 'scheduled', 'on_hold', 'done', 'withdrawn'] as const;
export type EscalationStatus = (typeof ESCALATION_STATUSES)[number];

export type EscalationPolicy = {
  version: string;
  /**
   * Whose streak decides: `department` (2021-v1: the department's consecutive flagged evaluations) or
   * `head` (2021-v2: those attributed to the responsible head; a new head starts afresh).
   */
  basis: 'department' | 'head';
  /** Every flagged evaluation keeps the first measure (the pledge) beside the one its streak reaches. */
  cumulative: boolean;
  /** A streak of at least minStreak flagged rounds reaches level; the highest reached threshold applies. */
  thresholds: { level: EscalationLevel; minStreak: number }[];
  /**
   * The statistical guard (escalation-guard.ts), absent = off: a bottom-N department whose P(倒数三位) is
   * below minPBottom, or (funnel95) whose mean lies inside the funnel's 95 % limits, is watched instead.
   */
  guard?: { minPBottom: number; funnel95: boolean };
};

/**
 * A policy: at least one threshold, minStreak a positive integer strictly increasing down the list,
 * and levels in increasing severity (a longer streak never gets a milder level).
 */
export const escalationPolicySchema = z
  .object({
    version: z.string().trim().min(1).max(40),
    basis: z.enum(['department', 'head']),
    cumulative: z.boolean(),
    thresholds: z.array(z.object({ level: escalationLevelSchema, minStreak: z.number().int().min(1) })).min(1),
    guard: z.object({ minPBottom: z.number().min(0).max(1), funnel95: z.boolean() }).optional(),
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

const THRESHOLDS_2021: EscalationPolicy['thresholds'] = [
  { level: 'pledge', minStreak: 1 },
  { level: 'admonishment', minStreak: 2 },
  { level: 'reassignment', minStreak: 3 },
];

/**
 * The 2021 rule as first implemented: the department's streak, one level per record
 * (1 → pledge, 2 → admonishment, 3 or more → reassignment). Kept so records made under it stay readable.
 */
export const POLICY_V1: EscalationPolicy = { version: '2021-v1', basis: 'department', cumulative: false, thresholds: THRESHOLDS_2021 };

/**
 * The 2021 rule as the city states it: the responsible head's streak decides; every flagged quarter
 * brings the pledge, two in a row add admonishment, three or more add reassignment.
 */
export const POLICY_V2: EscalationPolicy = { version: '2021-v2', basis: 'head', cumulative: true, thresholds: THRESHOLDS_2021 };

/**
 * 2021-v2 with the statistical guard on: a bottom-three department the ranking cannot tell apart from the
 * rest (P(倒数三位) < 0.5, or a mean inside the funnel's 95 % limits) is watched (观察) instead of
 * measured, until the supervisor (纪委) confirms or overrides it; streaks count only quarters with measures.
 */
export const POLICY_V3_GUARD: EscalationPolicy = { ...POLICY_V2, version: '2027-guard', guard: { minPBottom: 0.5, funnel95: true } };

/** Every policy ever published, by version. Never edit a published one: add a new version. */
export const POLICIES: Readonly<Record<string, EscalationPolicy>> = {
  [POLICY_V1.version]: POLICY_V1,
  [POLICY_V2.version]: POLICY_V2,
  [POLICY_V3_GUARD.version]: POLICY_V3_GUARD,
};
export const CURRENT_POLICY: EscalationPolicy = POLICY_V2;

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

/**
 * The measures a flagged evaluation brings under the policy, least severe first. A cumulative policy
 * keeps its first measure (the pledge) on every flagged evaluation and adds the one the streak reaches.
 */
export function measuresFor(policy: EscalationPolicy, streak: number): EscalationLevel[] {
  const level = levelForStreak(policy, streak);
  if (level === null) return [];
  const first = policy.thresholds[0]!.level;
  return policy.cumulative && level !== first ? [first, level] : [level];
}

/** The most severe of the measures. */
export const mostSevere = (measures: readonly EscalationLevel[]): EscalationLevel | null =>
  measures.reduce<EscalationLevel | null>(
    (worst, m) => (worst === null || ESCALATION_LEVELS.indexOf(m) > ESCALATION_LEVELS.indexOf(worst) ? m : worst),
    null,
  );

/** A round as escalation sees it. */
export type RoundOutcome = {
  roundId: string;
  /** A voided round is not an evaluation (its re-run is). */
  voided?: boolean;
  policyVersion: string;
  /** The round's scheduled closing day in the city's time zone (cityDay of closesAt). */
  closingDay: string;
  flaggedDepartmentIds: readonly number[];
};

/** A head's tenure: in office from `since` to `until` inclusive (null: still, or appointed ahead). */
export type Tenure = { headId: number; departmentId: number; since: string; until: string | null };

/**
 * The evaluations in the order of the quarters they measure: voided rounds dropped, and where a quarter
 * has more than one run the latest run stands for it. Ids that are not quarters are not evaluations.
 */
export function evaluationsInOrder<R extends RoundOutcome>(rounds: readonly R[]): R[] {
  const byQuarter = new Map<string, R>();
  for (const r of rounds) {
    const q = measuredQuarter(r.roundId);
    if (r.voided || !q) continue;
    const held = byQuarter.get(q.key);
    if (!held || compareRounds(held.roundId, r.roundId) < 0) byQuarter.set(q.key, r);
  }
  return [...byQuarter.values()].sort((a, b) => compareRounds(a.roundId, b.roundId));
}

/** The head in office at the department on the day; the latest appointment wins if records overlap. */
export function responsibleHead(tenures: readonly Tenure[], departmentId: number, day: string): number | null {
  let best: Tenure | null = null;
  for (const t of tenures) {
    if (t.departmentId !== departmentId || t.since > day || (t.until !== null && t.until < day)) continue;
    if (!best || t.since > best.since || (t.since === best.since && t.headId > best.headId)) best = t;
  }
  return best?.headId ?? null;
}

/** One escalation record as the rule derives it. */
export type DerivedEscalation = {
  roundId: string;
  departmentId: number;
  policyVersion: string;
  /** The head in office on the round's scheduled closing day; null if the post was vacant. */
  responsibleHeadId: number | null;
  /** Consecutive flagged evaluations of the department attributed to this head, ending here. */
  headStreak: number;
  /** Consecutive flagged evaluations of the department, ending here, whoever was head. */
  departmentStreak: number;
  /** The streak the round's policy decides by. */
  streak: number;
  measures: EscalationLevel[];
  level: EscalationLevel;
};

/**
 * Every escalation record the published rounds call for, whatever order they were published in:
 * evaluations in quarter order; a department not flagged in an evaluation (out of the bottom, unranked
 * or not taking part) ends both streaks; the head's streak restarts when the responsible head changes.
 * Records come in evaluation order, then by department id.
 */
export function deriveEscalations(rounds: readonly RoundOutcome[], tenures: readonly Tenure[]): DerivedEscalation[] {
  const out: DerivedEscalation[] = [];
  let previous = new Map<number, DerivedEscalation>();
  for (const round of evaluationsInOrder(rounds)) {
    const policy = policyForVersion(round.policyVersion);
    const current = new Map<number, DerivedEscalation>();
    for (const departmentId of [...new Set(round.flaggedDepartmentIds)].sort((a, b) => a - b)) {
      const before = previous.get(departmentId);
      const responsibleHeadId = responsibleHead(tenures, departmentId, round.closingDay);
      const departmentStreak = (before?.departmentStreak ?? 0) + 1;
      const headStreak = before && before.responsibleHeadId === responsibleHeadId ? before.headStreak + 1 : 1;
      const streak = policy.basis === 'head' ? headStreak : departmentStreak;
      const measures = measuresFor(policy, streak);
      const level = mostSevere(measures);
      if (level === null) continue;
      const record = {
        roundId: round.roundId,
        departmentId,
        policyVersion: policy.version,
        responsibleHeadId,
        headStreak,
        departmentStreak,
        streak,
        measures,
        level,
      };
      current.set(departmentId, record);
      out.push(record);
    }
    previous = current;
  }
  return out;
}

/** A stored record, as far as re-derivation compares it. */
export type StoredEscalation = Omit<DerivedEscalation, 'streak'> & {
  id: number;
  streak: number;
  /** A record with a measure done is never changed by re-derivation: it is flagged for the admin. */
  hasDoneMeasure: boolean;
};

export type RevisionPlan = {
  /** Records the rule calls for that do not exist yet. */
  create: DerivedEscalation[];
  /** Records that change: the stored one is superseded by the derived one. */
  supersede: { stored: StoredEscalation; derived: DerivedEscalation }[];
  /** Records the rule no longer calls for: superseded with nothing in their place. */
  withdraw: StoredEscalation[];
  /** Records that would change (or go) but already have a measure done: flagged, not changed. */
  review: { stored: StoredEscalation; derived: DerivedEscalation | null }[];
};

const sameEscalation = (a: Omit<DerivedEscalation, 'roundId' | 'departmentId'>, b: Omit<DerivedEscalation, 'roundId' | 'departmentId'>) =>
  a.policyVersion === b.policyVersion &&
  a.responsibleHeadId === b.responsibleHeadId &&
  a.headStreak === b.headStreak &&
  a.departmentStreak === b.departmentStreak &&
  a.streak === b.streak &&
  a.level === b.level &&
  a.measures.length === b.measures.length &&
  a.measures.every((m, i) => m === b.measures[i]);

/**
 * What publishing (or correcting) `fromRoundId` changes: the records of that round and of every later
 * quarter are compared with the rule's; earlier quarters cannot be affected and are left alone.
 * `stored` holds the current records (not superseded, not withdrawn).
 */
export function planRevisions(
  derived: readonly DerivedEscalation[],
  stored: readonly StoredEscalation[],
  fromRoundId: string,
): RevisionPlan {
  const from = measuredQuarter(fromRoundId);
  const inScope = (roundId: string) => {
    const q = measuredQuarter(roundId);
    return !from || !q || q.year > from.year || (q.year === from.year && q.quarter >= from.quarter);
  };
  const key = (r: { roundId: string; departmentId: number }) => `${r.roundId}|${r.departmentId}`;
  const storedByKey = new Map(stored.filter((s) => inScope(s.roundId)).map((s) => [key(s), s]));
  const plan: RevisionPlan = { create: [], supersede: [], withdraw: [], review: [] };
  for (const d of derived) {
    if (!inScope(d.roundId)) continue;
    const s = storedByKey.get(key(d));
    storedByKey.delete(key(d));
    if (!s) plan.create.push(d);
    else if (sameEscalation(s, d)) continue;
    else if (s.hasDoneMeasure) plan.review.push({ stored: s, derived: d });
    else plan.supersede.push({ stored: s, derived: d });
  }
  for (const s of storedByKey.values()) {
    if (s.hasDoneMeasure) plan.review.push({ stored: s, derived: null });
    else plan.withdraw.push(s);
  }
  return plan;
}
