// The statistical guard's watches (观察, shared/results/escalation-guard.ts) as the stored results give
// them, with the supervisor's reviews: a watched department is left out of its round's flagged list for
// the escalation rule (no measures, and its streak ends), until the supervisor overrides the watch.
import type { WatchReviewDecision } from '#shared/results/escalation-guard.ts';
import { appendAudit } from '../audit/audit.writer.ts';
import type { ServiceContext } from '../context.ts';
import { currentResult } from '../results/results.queries.ts';
import { Conflict, NotFound } from '../errors.ts';
import { reconcileEscalations } from './reconcile.ts';
import * as q from './escalations.queries.ts';

/** Every watch of every published round (of one department, unless null), newest quarter first, with its review if any. */
export async function watchList({ tx, zone }: ServiceContext, { departmentId: onlyDepartmentId }: { departmentId: number | null }) {
  const { outcomes, history } = await q.roundOutcomes(tx, zone);
  const reviews = await q.watchReviews(tx);
  const reviewOf = new Map(reviews.map((x) => [`${x.r.roundId}:${x.r.departmentId}`, x]));
  const depts = new Map((await q.departmentRows(tx)).map((d) => [d.id, d]));
  const policyOf = new Map(outcomes.map((o) => [o.roundId, o.policyVersion]));
  const out = [];
  for (const h of [...history].reverse()) {
    for (const d of q.roundGuard(h, policyOf.get(h.roundId)!)) {
      if (d.decision !== 'watch' || (onlyDepartmentId !== null && d.departmentId !== onlyDepartmentId)) continue;
      const dept = depts.get(d.departmentId)!;
      const review = reviewOf.get(`${h.roundId}:${d.departmentId}`);
      out.push({
        roundId: h.roundId,
        departmentId: d.departmentId,
        code: dept.code,
        name: dept.nameZh,
        nameEn: dept.nameEn,
        reasons: d.reasons,
        pBottom: d.pBottom,
        mean: d.mean,
        lo95: d.lo95,
        policyVersion: policyOf.get(h.roundId)!,
        review: review
          ? {
              decision: review.r.decision as WatchReviewDecision,
              reason: review.r.reason,
              reviewedBy: review.by,
              reviewedAt: review.r.reviewedAt.toISOString(),
            }
          : null,
      });
    }
  }
  return out;
}

/**
 * The supervisor confirms a watch (no measures) or overrides it (measures apply: the rule re-derives this
 * quarter and the later ones, audited as revisions). Once per watch; both audited with the reason.
 */
export async function reviewWatch(
  ctx: ServiceContext,
  body: { roundId: string; departmentId: number; decision: WatchReviewDecision; reason: string },
) {
  const { tx: db, actor, now } = ctx;
  return db.transaction(async (tx) => {
    const inTx = { ...ctx, tx };
    const watches = await watchList(inTx, { departmentId: body.departmentId });
    const watch = watches.find((w) => w.roundId === body.roundId);
    if (!watch) throw new NotFound('No watch for this department in this round');
    const existing = await q.watchReviewOf(tx, body.roundId, body.departmentId);
    if (existing) throw new Conflict('This watch has already been reviewed', { decision: existing.decision }, 'already_reviewed');
    await q.insertWatchReview(tx, { ...body, reviewedBy: actor.id!, reviewedAt: now });
    const escalations =
      body.decision === 'override'
        ? await reconcileEscalations(inTx, { cause: { kind: 'watch_override', roundId: body.roundId, reason: body.reason } })
        : null;
    const dept = await q.departmentById(tx, body.departmentId);
    await appendAudit(
      tx,
      actor,
      {
        action: 'escalation.watch_review',
        entityType: 'round',
        entityId: body.roundId,
        summary: {
          departmentId: body.departmentId,
          code: dept?.code,
          decision: body.decision,
          reason: body.reason,
          reasons: watch.reasons,
          pBottom: watch.pBottom,
          escalations,
        },
      },
      now,
    );
    return (await watchList(inTx, { departmentId: body.departmentId })).find((w) => w.roundId === body.roundId)!;
  });
}

/** One round's watches as the public page shows them: the department, why, and the decision (never the reason or who). */
export async function roundWatches({ tx: db }: ServiceContext, { roundId }: { roundId: string }) {
  const policy = await q.roundPolicy(db, roundId);
  const current = await currentResult(db, roundId);
  if (!policy || !current) return [];
  const decisions = q.roundGuard(current, policy).filter((d) => d.decision === 'watch');
  if (!decisions.length) return [];
  const reviews = await q.roundWatchReviews(db, roundId);
  const codes = new Map((await q.departmentRows(db)).map((d) => [d.id, d.code]));
  return decisions.map((d) => ({
    code: codes.get(d.departmentId)!,
    watch: {
      reasons: d.reasons,
      review: (reviews.find((r) => r.departmentId === d.departmentId)?.decision ?? null) as WatchReviewDecision | null,
    },
  }));
}
