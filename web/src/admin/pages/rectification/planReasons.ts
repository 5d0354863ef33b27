// The plan against the department's top reasons for 不满意: each needs a measure aimed at it.
import type { ReasonCode } from '#shared/reasons.ts';
import type { PlanBody, TopReason } from '#shared/schemas/rectification.ts';

type Measure = PlanBody['measures'][number];

/** Top reasons no measure is aimed at yet, in their order (what the server refuses as reasons_unanswered). */
export function unansweredReasons(
  top: readonly Pick<TopReason, 'code'>[],
  measures: readonly Partial<Measure>[] | undefined,
): ReasonCode[] {
  const aimed = new Set((measures ?? []).map((m) => m?.reason));
  return top.filter((r) => !aimed.has(r.code)).map((r) => r.code);
}

/** A new plan starts with one measure row per top reason (and a general one when there is none). */
export function startingMeasures(
  top: readonly Pick<TopReason, 'code'>[],
  saved: readonly Partial<Measure>[] | undefined,
): Partial<Measure>[] {
  if (saved?.length) return [...saved];
  const blank = { measure: '', owner: '', due: '' };
  return top.length ? top.map((r) => ({ ...blank, reason: r.code })) : [blank];
}
