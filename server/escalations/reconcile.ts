// The reconcile engine: the pure rule (shared/results/escalation.ts) decides; this shell stores its
// records, and when a quarter is published late or a round is corrected, revises them openly.
import { deriveEscalations, planRevisions, type DerivedEscalation, type EscalationLevel } from '#shared/results/escalation.ts';
import { compareRounds } from '#shared/results/quarters.ts';
import { encodeReviewNote, encodeRevisionReason, revisionReason, type RevisionCause } from '#shared/results/revision-reason.ts';
import { appendAudit } from '../audit/audit.writer.ts';
import type { ServiceContext } from '../context.ts';
import * as q from './escalations.queries.ts';
import { stored, summaryOf, type RecordRows } from './records.ts';

/** Why records are being (re-)derived: a round published, or a published round corrected, or a watch overridden. */
export type Cause = RevisionCause;

/**
 * Brings the stored records in line with the rule after `cause`, inside the caller's transaction (`ctx.tx`): the
 * round's own records are created; later quarters' records that change are superseded by new ones with
 * the reason (admin follow-up carried over), those no longer due are withdrawn, and those with a measure
 * already done are flagged for the admin instead. Every revision is audited.
 */
export async function reconcileEscalations({ tx, actor, now, zone }: ServiceContext, { cause }: { cause: Cause }) {
  const { outcomes } = await q.roundOutcomes(tx, zone);
  const heads = await q.tenures(tx);
  const derived = deriveEscalations(outcomes, heads);
  const current = (await q.currentRecords(tx)).map(stored);
  const plan = planRevisions(derived, current, cause.roundId);
  const headOf = new Map(heads.map((h) => [h.headId, h]));
  const codeOf = new Map((await q.departmentRows(tx)).map((d) => [d.id, d.code]));
  const later = outcomes.some((o) => compareRounds(o.roundId, cause.roundId) > 0);
  // Stored and sent as a code with its params; the pages word it in the reader's language.
  const reason = revisionReason(cause, later);
  const supersededReason = encodeRevisionReason(reason);
  // Each revision's audit entry: the record's round and department, why, then what changed.
  const audit = (action: string, entityId: number, of: { roundId: string; departmentId: number }, change: Record<string, unknown>) =>
    appendAudit(
      tx,
      actor,
      {
        action,
        entityType: 'escalation',
        entityId,
        summary: { roundId: of.roundId, departmentId: of.departmentId, reason: reason.code, cause, ...change },
      },
      now,
    );

  const insert = (d: DerivedEscalation, carry?: RecordRows) => {
    const head = d.responsibleHeadId === null ? undefined : headOf.get(d.responsibleHeadId);
    const keep = carry && carry.e.status !== 'done' && carry.e.status !== 'withdrawn' ? carry.e : undefined;
    const before = new Map((carry?.measures ?? []).map((m) => [m.measure, m]));
    return q.insertRecord(
      tx,
      {
        roundId: d.roundId,
        departmentId: d.departmentId,
        level: d.level,
        streak: d.streak,
        headStreak: d.headStreak,
        departmentStreak: d.departmentStreak,
        policyVersion: d.policyVersion,
        responsibleHeadId: d.responsibleHeadId,
        headName: head?.name ?? null,
        headTitle: head?.title ?? null,
        status: keep?.status ?? 'pending',
        scheduledFor: keep?.scheduledFor ?? null,
        notes: keep?.notes ?? null,
        commitment: keep?.commitment ?? null,
        createdAt: now,
        updatedAt: now,
      },
      d.measures.map((measure) => {
        const m = before.get(measure);
        return {
          measure,
          status: m?.status ?? 'pending',
          scheduledFor: m?.scheduledFor ?? null,
          doneAt: m?.doneAt ?? null,
          notes: m?.notes ?? null,
          updatedAt: now,
        };
      }),
    );
  };

  const created: {
    code: string;
    level: EscalationLevel;
    measures: EscalationLevel[];
    headStreak: number;
    departmentStreak: number;
    streak: number;
  }[] = [];
  for (const d of plan.create) {
    const row = await insert(d);
    const { level, measures, headStreak, departmentStreak, streak } = d;
    created.push({ code: codeOf.get(d.departmentId)!, level, measures, headStreak, departmentStreak, streak });
    if (d.roundId !== cause.roundId) {
      await audit('escalation.revise', row.id, d, { before: null, after: summaryOf(d) });
    }
  }
  const full = new Map((await q.currentRecords(tx)).map((r) => [r.e.id, r]));
  const superseded: { id: number; by: number; roundId: string; code: string }[] = [];
  for (const { stored: s, derived: d } of plan.supersede) {
    await q.updateRecord(tx, s.id, { supersededAt: now, supersededReason, updatedAt: now });
    const row = await insert(d, full.get(s.id)!);
    await q.updateRecord(tx, s.id, { supersededById: row.id });
    superseded.push({ id: s.id, by: row.id, roundId: d.roundId, code: codeOf.get(d.departmentId)! });
    await audit('escalation.revise', s.id, d, {
      supersededBy: row.id,
      before: summaryOf(s),
      after: summaryOf(d),
    });
  }
  const withdrawn: { id: number; roundId: string; code: string }[] = [];
  for (const s of plan.withdraw) {
    await q.updateRecord(tx, s.id, { status: 'withdrawn', supersededAt: now, supersededReason, updatedAt: now });
    await q.withdrawMeasures(tx, s.id, now);
    withdrawn.push({ id: s.id, roundId: s.roundId, code: codeOf.get(s.departmentId)! });
    await audit('escalation.withdraw', s.id, s, { before: summaryOf(s), after: null });
  }
  const flagged: { id: number; roundId: string; code: string }[] = [];
  for (const { stored: s, derived: d } of plan.review) {
    const note = encodeReviewNote({
      reason,
      rule: d ? { measures: d.measures, headStreak: d.headStreak, departmentStreak: d.departmentStreak } : null,
    });
    await q.updateRecord(tx, s.id, { needsReview: true, reviewNote: note, updatedAt: now });
    flagged.push({ id: s.id, roundId: s.roundId, code: codeOf.get(s.departmentId)! });
    await audit('escalation.flag_review', s.id, s, {
      current: summaryOf(s),
      derived: d ? summaryOf(d) : null,
    });
  }
  return { created, superseded, withdrawn, flagged };
}
