// Record mapping: stored rows as the rule reads them (`stored`) and as the API answers them (`toRecord`).
import { ESCALATION_LEVELS, type DerivedEscalation, type EscalationLevel, type StoredEscalation } from '#shared/results/escalation.ts';
import { compareRounds } from '#shared/results/quarters.ts';
import { decodeReviewNote, decodeRevisionReason } from '#shared/results/revision-reason.ts';
import type { EscalationRecord } from '#shared/schemas/results.ts';
import type { Tx } from '../db/client.ts';
import * as q from './escalations.queries.ts';

export type RecordRows = { e: q.EscalationRow; measures: q.MeasureRow[] };

const severity = (m: EscalationLevel) => ESCALATION_LEVELS.indexOf(m);

/** A stored record as the rule's revision planner reads it. */
export function stored({ e, measures }: RecordRows): StoredEscalation {
  return {
    id: e.id,
    roundId: e.roundId,
    departmentId: e.departmentId,
    policyVersion: e.policyVersion,
    responsibleHeadId: e.responsibleHeadId,
    headStreak: e.headStreak,
    departmentStreak: e.departmentStreak,
    streak: e.streak,
    level: e.level,
    measures: measures.map((m) => m.measure).sort((a, b) => severity(a) - severity(b)),
    hasDoneMeasure: e.status === 'done' || measures.some((m) => m.status === 'done'),
  };
}

/** What an audit entry keeps of a record, before or after a revision. */
export const summaryOf = (r: Omit<DerivedEscalation, 'roundId' | 'departmentId'>) => ({
  measures: r.measures,
  level: r.level,
  headStreak: r.headStreak,
  departmentStreak: r.departmentStreak,
  streak: r.streak,
  responsibleHeadId: r.responsibleHeadId,
  policyVersion: r.policyVersion,
});

function measureState(m: q.MeasureRow) {
  return { id: m.id, measure: m.measure, status: m.status, scheduledFor: m.scheduledFor, doneAt: m.doneAt, notes: m.notes };
}

export function toRecord(
  { e, measures }: RecordRows,
  d: { code: string; nameZh: string; nameEn: string | null },
  appealOf: Map<string, q.AppealRef>,
): EscalationRecord {
  const states = [...measures].sort((a, b) => severity(a.measure) - severity(b.measure));
  return {
    appeal: appealOf.get(`${e.roundId}:${e.departmentId}`) ?? null,
    id: e.id,
    roundId: e.roundId,
    departmentId: e.departmentId,
    departmentCode: d.code,
    departmentName: d.nameZh,
    departmentNameEn: d.nameEn,
    level: e.level,
    measures: states.map((m) => m.measure),
    measureStates: states.map(measureState),
    streak: e.streak,
    headStreak: e.headStreak,
    departmentStreak: e.departmentStreak,
    policyVersion: e.policyVersion,
    responsibleHeadId: e.responsibleHeadId,
    headName: e.headName,
    headTitle: e.headTitle,
    status: e.status,
    scheduledFor: e.scheduledFor,
    doneAt: e.doneAt,
    notes: e.notes,
    commitment: e.commitment,
    supersededAt: e.supersededAt?.toISOString() ?? null,
    supersededById: e.supersededById,
    supersededReason: decodeRevisionReason(e.supersededReason),
    needsReview: e.needsReview,
    reviewNote: decodeReviewNote(e.reviewNote),
    createdAt: e.createdAt.toISOString(),
  };
}

/** Newest quarter first, then by department code. */
export const newestFirst = (a: EscalationRecord, b: EscalationRecord) =>
  compareRounds(b.roundId, a.roundId) || a.departmentCode.localeCompare(b.departmentCode);

/** One record as the API answers it, read inside the caller's transaction. */
export async function readRecord(tx: Tx, id: number) {
  const e = (await q.recordById(tx, id))!;
  const d = await q.departmentById(tx, e.departmentId);
  return toRecord({ e, measures: await q.measuresOf(tx, id) }, d!, await q.appealsByRecord(tx));
}

/** Where the rule leaves a department after a round: its streaks, level, measures and responsible head. */
export function standingOf(d: DerivedEscalation | undefined, headName: Map<number, string>) {
  return {
    streak: d?.streak ?? 0,
    headStreak: d?.headStreak ?? 0,
    departmentStreak: d?.departmentStreak ?? 0,
    level: d?.level ?? null,
    measures: d?.measures ?? [],
    headName: d?.responsibleHeadId != null ? (headName.get(d.responsibleHeadId) ?? null) : null,
  };
}
