// The optional statistical guard of an escalation policy: a bottom-N department whose place the ranking
// cannot vouch for — P(倒数三位) below the policy's threshold, or a mean inside the funnel's 95 % limits
// (not distinguishable from the city's average at its n) — gets 观察 (watch) instead of measures. The
// supervisor (纪委) confirms each watch or overrides it (then measures apply). Pure: results in, decisions out.
import { funnelLimits } from './funnel.ts';
import type { EscalationPolicy } from './escalation.ts';

export const GUARD_REASONS = ['p_bottom_below', 'inside_funnel_95'] as const;
export type GuardReason = (typeof GUARD_REASONS)[number];
export const WATCH_REVIEW_DECISIONS = ['confirm', 'override'] as const;
export type WatchReviewDecision = (typeof WATCH_REVIEW_DECISIONS)[number];

export type GuardInput = {
  /** The flagged departments (the official bottom N) with their pBottom, mean and n. */
  flagged: readonly { departmentId: number; pBottom: number | null; mean: number | null; n: number }[];
  /** The round's funnel centre and spread. */
  funnel: { mean: number | null; sd: number | null };
};

export type GuardDecision = {
  departmentId: number;
  decision: 'measures' | 'watch';
  reasons: GuardReason[];
  pBottom: number | null;
  mean: number | null;
  /** The funnel's lower 95 % limit at the department's n; null without a funnel. */
  lo95: number | null;
};

/** One decision per flagged department, in the given order; without a guard every one gets measures. */
export function guardDecisions(policy: Pick<EscalationPolicy, 'guard'>, input: GuardInput): GuardDecision[] {
  const { funnel } = input;
  return input.flagged.map((d) => {
    const lim = funnel.mean !== null && funnel.sd !== null && d.n > 0 ? funnelLimits(funnel.mean, funnel.sd, d.n) : null;
    const reasons: GuardReason[] = [];
    if (policy.guard) {
      if (d.pBottom !== null && d.pBottom < policy.guard.minPBottom) reasons.push('p_bottom_below');
      if (policy.guard.funnel95 && lim && d.mean !== null && d.mean >= lim.lo95 && d.mean <= lim.hi95) reasons.push('inside_funnel_95');
    }
    return {
      departmentId: d.departmentId,
      decision: reasons.length ? 'watch' : 'measures',
      reasons,
      pBottom: d.pBottom,
      mean: d.mean,
      lo95: lim?.lo95 ?? null,
    };
  });
}

/**
 * The departments watched in a round, after the supervisor's reviews: a watch stands unless overridden
 * (a confirmed or not yet reviewed watch keeps the department out of measures and out of its streak).
 */
export function watchedDepartments(decisions: readonly GuardDecision[], overridden: ReadonlySet<number>): Set<number> {
  return new Set(decisions.filter((d) => d.decision === 'watch' && !overridden.has(d.departmentId)).map((d) => d.departmentId));
}
