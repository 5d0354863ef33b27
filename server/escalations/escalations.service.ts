// Escalation across quarters: the pure rule (shared/results/escalation.ts) decides; this shell stores its
// records, and when a quarter is published late or a round is corrected, revises them openly.
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { cityDay } from '#shared/city-day.ts';
import {
  deriveEscalations,
  ESCALATION_LEVELS,
  planRevisions,
  type DerivedEscalation,
  type EscalationLevel,
  type StoredEscalation,
} from '#shared/results/escalation.ts';
import { compareRounds } from '#shared/results/quarters.ts';
import { scheduledHasDate, type EscalationRecord, type escalationPatchSchema, type measurePatchSchema } from '#shared/schemas/results.ts';
import { appendAudit, type Actor } from '../audit/audit.writer.ts';
import type { Db, Tx } from '../db/client.ts';
import { appeals, departments, escalationMeasures, escalations } from '../db/schema.ts';
import { Conflict, Invalid, NotFound } from '../errors.ts';
import { syncEscalationEntries, syncMeasureEntry } from '../points/measures.service.ts';
import * as q from './escalations.queries.ts';
import { watchList } from './watches.ts';

/** Why records are being (re-)derived: a round published, or a published round corrected. */
export type Cause =
  | { kind: 'publish'; roundId: string }
  | { kind: 'correction'; roundId: string; reason: string }
  | { kind: 'watch_override'; roundId: string; reason: string };

const severity = (m: EscalationLevel) => ESCALATION_LEVELS.indexOf(m);
const measureList = (ms: q.MeasureRow[]) => ms.map((m) => m.measure).sort((a, b) => severity(a) - severity(b));

function stored({ e, measures }: { e: q.EscalationRow; measures: q.MeasureRow[] }): StoredEscalation {
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
    measures: measureList(measures),
    hasDoneMeasure: e.status === 'done' || measures.some((m) => m.status === 'done'),
  };
}

const summaryOf = (r: Omit<DerivedEscalation, 'roundId' | 'departmentId'>) => ({
  measures: r.measures,
  level: r.level,
  headStreak: r.headStreak,
  departmentStreak: r.departmentStreak,
  streak: r.streak,
  responsibleHeadId: r.responsibleHeadId,
  policyVersion: r.policyVersion,
});

function reasonFor(cause: Cause, laterThanPublished: boolean): string {
  if (cause.kind === 'watch_override')
    return `纪委否决 ${cause.roundId} 的观察决定，按规则实施措施（The supervisor overrode the watch in ${cause.roundId}: ${cause.reason}）`;
  if (cause.kind === 'correction')
    return `${cause.roundId} 结果更正后按季度顺序重新推算（Re-derived after the correction of ${cause.roundId}: ${cause.reason}）`;
  return laterThanPublished
    ? `较早季度 ${cause.roundId} 晚于后续季度发布，按季度顺序重新推算（Re-derived in quarter order: ${cause.roundId} was published after a later quarter）`
    : `${cause.roundId} 发布（${cause.roundId} published）`;
}

/**
 * Brings the stored records in line with the rule after `cause`, inside the caller's transaction: the
 * round's own records are created; later quarters' records that change are superseded by new ones with
 * the reason (admin follow-up carried over), those no longer due are withdrawn, and those with a measure
 * already done are flagged for the admin instead. Every revision is audited.
 */
export async function reconcileEscalations(tx: Tx, actor: Actor, cause: Cause, now: Date, timeZone: string) {
  const { outcomes } = await q.roundOutcomes(tx, timeZone);
  const heads = await q.tenures(tx);
  const derived = deriveEscalations(outcomes, heads);
  const current = (await q.currentRecords(tx)).map(stored);
  const plan = planRevisions(derived, current, cause.roundId);
  const headOf = new Map(heads.map((h) => [h.headId, h]));
  const codeOf = new Map((await q.departmentRows(tx)).map((d) => [d.id, d.code]));
  const later = outcomes.some((o) => compareRounds(o.roundId, cause.roundId) > 0);
  const reason = reasonFor(cause, later);

  const insert = async (d: DerivedEscalation, carry?: { e: q.EscalationRow; measures: q.MeasureRow[] }) => {
    const head = d.responsibleHeadId === null ? undefined : headOf.get(d.responsibleHeadId);
    const keep = carry && carry.e.status !== 'done' && carry.e.status !== 'withdrawn' ? carry.e : undefined;
    const [row] = await tx
      .insert(escalations)
      .values({
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
      })
      .returning();
    const before = new Map((carry?.measures ?? []).map((m) => [m.measure, m]));
    await tx.insert(escalationMeasures).values(
      d.measures.map((measure) => {
        const m = before.get(measure);
        return {
          escalationId: row!.id,
          measure,
          status: m?.status ?? 'pending',
          scheduledFor: m?.scheduledFor ?? null,
          doneAt: m?.doneAt ?? null,
          notes: m?.notes ?? null,
          updatedAt: now,
        };
      }),
    );
    return row!;
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
    created.push({
      code: codeOf.get(d.departmentId)!,
      level: d.level,
      measures: d.measures,
      headStreak: d.headStreak,
      departmentStreak: d.departmentStreak,
      streak: d.streak,
    });
    if (d.roundId !== cause.roundId) {
      await appendAudit(
        tx,
        actor,
        {
          action: 'escalation.revise',
          entityType: 'escalation',
          entityId: row.id,
          summary: { roundId: d.roundId, departmentId: d.departmentId, reason, cause, before: null, after: summaryOf(d) },
        },
        now,
      );
    }
  }
  const full = new Map((await q.currentRecords(tx)).map((r) => [r.e.id, r]));
  const superseded: { id: number; by: number; roundId: string; code: string }[] = [];
  for (const { stored: s, derived: d } of plan.supersede) {
    const old = full.get(s.id)!;
    await tx.update(escalations).set({ supersededAt: now, supersededReason: reason, updatedAt: now }).where(eq(escalations.id, s.id));
    const row = await insert(d, old);
    await tx.update(escalations).set({ supersededById: row.id }).where(eq(escalations.id, s.id));
    superseded.push({ id: s.id, by: row.id, roundId: d.roundId, code: codeOf.get(d.departmentId)! });
    await appendAudit(
      tx,
      actor,
      {
        action: 'escalation.revise',
        entityType: 'escalation',
        entityId: s.id,
        summary: {
          roundId: d.roundId,
          departmentId: d.departmentId,
          reason,
          cause,
          supersededBy: row.id,
          before: summaryOf(s),
          after: summaryOf(d),
        },
      },
      now,
    );
  }
  const withdrawn: { id: number; roundId: string; code: string }[] = [];
  for (const s of plan.withdraw) {
    await tx
      .update(escalations)
      .set({ status: 'withdrawn', supersededAt: now, supersededReason: reason, updatedAt: now })
      .where(eq(escalations.id, s.id));
    await tx.update(escalationMeasures).set({ status: 'withdrawn', updatedAt: now }).where(eq(escalationMeasures.escalationId, s.id));
    withdrawn.push({ id: s.id, roundId: s.roundId, code: codeOf.get(s.departmentId)! });
    await appendAudit(
      tx,
      actor,
      {
        action: 'escalation.withdraw',
        entityType: 'escalation',
        entityId: s.id,
        summary: { roundId: s.roundId, departmentId: s.departmentId, reason, cause, before: summaryOf(s), after: null },
      },
      now,
    );
  }
  const flagged: { id: number; roundId: string; code: string }[] = [];
  for (const { stored: s, derived: d } of plan.review) {
    const note = d
      ? `${reason}. 规则现为 / the rule now gives: ${d.measures.join(' + ')} (head streak ${d.headStreak}, department streak ${d.departmentStreak})`
      : `${reason}. 规则现已不再要求此记录 / the rule no longer calls for this record`;
    await tx.update(escalations).set({ needsReview: true, reviewNote: note, updatedAt: now }).where(eq(escalations.id, s.id));
    flagged.push({ id: s.id, roundId: s.roundId, code: codeOf.get(s.departmentId)! });
    await appendAudit(
      tx,
      actor,
      {
        action: 'escalation.flag_review',
        entityType: 'escalation',
        entityId: s.id,
        summary: {
          roundId: s.roundId,
          departmentId: s.departmentId,
          reason,
          cause,
          current: summaryOf(s),
          derived: d ? summaryOf(d) : null,
        },
      },
      now,
    );
  }
  return { created, superseded, withdrawn, flagged };
}

function measureState(m: q.MeasureRow) {
  return { id: m.id, measure: m.measure, status: m.status, scheduledFor: m.scheduledFor, doneAt: m.doneAt, notes: m.notes };
}

type AppealRef = { id: number; status: (typeof appeals.$inferSelect)['status'] };

/** Each (round, department)'s appeal, shown on its records (a pending one holds their measures). */
async function appealsByRecord(tx: Tx): Promise<Map<string, AppealRef>> {
  const rows = await tx
    .select({ id: appeals.id, status: appeals.status, roundId: appeals.roundId, departmentId: appeals.departmentId })
    .from(appeals);
  return new Map(rows.map((r) => [`${r.roundId}:${r.departmentId}`, { id: r.id, status: r.status }]));
}

function toRecord(
  { e, measures }: { e: q.EscalationRow; measures: q.MeasureRow[] },
  d: { code: string; nameZh: string; nameEn: string | null },
  appealOf: Map<string, AppealRef>,
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
    supersededReason: e.supersededReason,
    needsReview: e.needsReview,
    reviewNote: e.reviewNote,
    createdAt: e.createdAt.toISOString(),
  };
}

const newestFirst = (a: EscalationRecord, b: EscalationRecord) =>
  compareRounds(b.roundId, a.roundId) || a.departmentCode.localeCompare(b.departmentCode);

/** The board: every department's standing after the latest evaluation, and the records (newest quarter first). */
export async function escalationBoard(db: Db, onlyDepartmentId: number | null, now: Date, timeZone: string) {
  const { outcomes } = await q.roundOutcomes(db, timeZone);
  const heads = await q.tenures(db);
  const derived = deriveEscalations(outcomes, heads);
  const latest = outcomes.at(-1)?.roundId;
  const [depts, current, old, appealOf] = await Promise.all([
    q.departmentRows(db),
    q.currentRecords(db),
    q.supersededRecords(db),
    appealsByRecord(db),
  ]);
  const deptOf = new Map(depts.map((d) => [d.id, d]));
  const headName = new Map(heads.map((h) => [h.headId, h.name]));
  const visible = (id: number) => onlyDepartmentId === null || id === onlyDepartmentId;
  return {
    // Due dates are judged against the city's day, not the reader's.
    today: cityDay(now, timeZone),
    latestRound: latest ?? null,
    departments: depts
      .filter((d) => visible(d.id))
      .map((d) => {
        const mine = derived.filter((r) => r.departmentId === d.id);
        const last = mine.find((r) => r.roundId === latest);
        return {
          departmentId: d.id,
          code: d.code,
          name: d.nameZh,
          nameEn: d.nameEn,
          category: d.category,
          streak: last?.streak ?? 0,
          headStreak: last?.headStreak ?? 0,
          departmentStreak: last?.departmentStreak ?? 0,
          level: last?.level ?? null,
          measures: last?.measures ?? [],
          headName: last?.responsibleHeadId != null ? (headName.get(last.responsibleHeadId) ?? null) : null,
          lastFlaggedRound: mine.at(-1)?.roundId ?? null,
          timesFlagged: mine.length,
        };
      }),
    records: current
      .filter((r) => visible(r.e.departmentId))
      .map((r) => toRecord(r, deptOf.get(r.e.departmentId)!, appealOf))
      .sort(newestFirst),
    superseded: old
      .filter((r) => visible(r.e.departmentId))
      .map((r) => toRecord(r, deptOf.get(r.e.departmentId)!, appealOf))
      .sort((a, b) => (b.supersededAt ?? '').localeCompare(a.supersededAt ?? '') || newestFirst(a, b)),
    watches: await watchList(db, timeZone, onlyDepartmentId),
  };
}

async function readRecord(tx: Tx, id: number) {
  const e = (await q.recordById(tx, id))!;
  const [d] = await tx.select().from(departments).where(eq(departments.id, e.departmentId));
  return toRecord({ e, measures: await q.measuresOf(tx, id) }, d!, await appealsByRecord(tx));
}

async function lockCurrent(tx: Tx, id: number) {
  const before = await q.recordById(tx, id, true);
  if (!before) throw new NotFound('No such escalation record');
  if (before.supersededAt) {
    throw new Conflict(
      'This record was superseded by a re-derivation; follow up on the record that replaced it',
      { supersededById: before.supersededById },
      'superseded',
    );
  }
  return before;
}

/**
 * The admin follows up a record as a whole: its status applies to each of its measures (not to a withdrawn
 * one, nor to one on hold for an appeal); a record marked done with no date is done today, the city's day.
 * The responsible head's points follow the measures.
 */
export async function updateEscalation(
  db: Db,
  actor: Actor,
  id: number,
  patch: z.infer<typeof escalationPatchSchema>,
  now: Date,
  timeZone: string,
) {
  return db.transaction(async (tx) => {
    const before = await lockCurrent(tx, id);
    // While the department's appeal is pending its measures wait: notes may be kept, nothing scheduled or done.
    if (before.status === 'on_hold' && (patch.status !== undefined || patch.scheduledFor !== undefined || patch.doneAt !== undefined)) {
      throw new Conflict("The measures are on hold while the department's appeal is pending", undefined, 'on_hold');
    }
    const change = { ...patch } as typeof patch & { reviewNote?: null };
    if (patch.status === 'done' && patch.doneAt === undefined && !before.doneAt) change.doneAt = cityDay(now, timeZone);
    if (patch.needsReview === false) change.reviewNote = null;
    if (!scheduledHasDate({ ...before, ...change })) {
      throw new Invalid('A scheduled escalation needs the date it is scheduled for.', [
        { path: 'body.scheduledFor', message: 'required when status is scheduled' },
      ]);
    }
    await tx
      .update(escalations)
      .set({ ...change, updatedAt: now })
      .where(eq(escalations.id, id));
    const after = (await q.recordById(tx, id))!;
    const measures = await q.measuresOf(tx, id);
    const measureChanges = [];
    // A done measure stays done when the record is scheduled, unless the record itself is being reopened.
    const reopening = before.status === 'done' && after.status !== 'done';
    const touched = (x: q.MeasureRow) =>
      patch.status !== undefined &&
      x.status !== 'withdrawn' &&
      x.status !== 'on_hold' &&
      (x.status !== 'done' || after.status === 'done' || reopening);
    for (const m of measures.filter(touched)) {
      const set =
        after.status === 'done'
          ? { status: 'done' as const, doneAt: m.status === 'done' ? m.doneAt : (after.doneAt ?? cityDay(now, timeZone)) }
          : after.status === 'scheduled'
            ? { status: 'scheduled' as const, scheduledFor: after.scheduledFor, doneAt: null }
            : { status: 'pending' as const, doneAt: null };
      if (set.status === m.status && set.doneAt === m.doneAt) continue;
      await tx
        .update(escalationMeasures)
        .set({ ...set, updatedAt: now })
        .where(eq(escalationMeasures.id, m.id));
      measureChanges.push({ measure: m.measure, before: m.status, after: set.status });
    }
    // Idempotent: a retried PATCH scores nothing twice.
    await syncEscalationEntries(tx, id, now, timeZone);
    const keys = Object.keys(change) as (keyof typeof before)[];
    await appendAudit(
      tx,
      actor,
      {
        action: 'escalation.update',
        entityType: 'escalation',
        entityId: id,
        summary: {
          roundId: before.roundId,
          departmentId: before.departmentId,
          before: Object.fromEntries(keys.map((k) => [k, before[k]])),
          after: change,
          measures: measureChanges,
        },
      },
      now,
    );
    return readRecord(tx, id);
  });
}

/**
 * The admin follows up one measure. When every measure is done the record is done (on the last day); a
 * done record whose measure is reopened is pending again.
 */
export async function updateMeasure(
  db: Db,
  actor: Actor,
  id: number,
  measure: EscalationLevel,
  patch: z.infer<typeof measurePatchSchema>,
  now: Date,
  timeZone: string,
) {
  return db.transaction(async (tx) => {
    const record = await lockCurrent(tx, id);
    const measures = await q.measuresOf(tx, id);
    const before = measures.find((m) => m.measure === measure);
    if (!before) throw new NotFound(`This record has no ${measure} measure`, { measures: measures.map((m) => m.measure) });
    if (before.status === 'on_hold' && patch.status !== undefined)
      throw new Conflict('This measure is on hold while an appeal is pending', undefined, 'on_hold');
    const change = { ...patch };
    if (patch.status === 'done' && patch.doneAt === undefined && !before.doneAt) change.doneAt = cityDay(now, timeZone);
    if (patch.status !== undefined && patch.status !== 'done' && patch.doneAt === undefined) change.doneAt = null;
    const next = { ...before, ...change };
    if (next.status === 'scheduled' && !next.scheduledFor) {
      throw new Invalid('A scheduled measure needs the date it is scheduled for.', [
        { path: 'body.scheduledFor', message: 'required when status is scheduled' },
      ]);
    }
    if (next.status === 'done' && !next.doneAt)
      throw new Invalid('A done measure needs the day it was done.', [{ path: 'body.doneAt', message: 'required when status is done' }]);
    await tx
      .update(escalationMeasures)
      .set({ ...change, updatedAt: now })
      .where(eq(escalationMeasures.id, before.id));
    const all = measures.map((m) => (m.id === before.id ? next : m));
    const live = all.filter((m) => m.status !== 'withdrawn');
    const allDone = live.length > 0 && live.every((m) => m.status === 'done');
    const recordChange =
      allDone && record.status !== 'done'
        ? {
            status: 'done' as const,
            doneAt: live
              .map((m) => m.doneAt!)
              .sort()
              .at(-1)!,
          }
        : !allDone && record.status === 'done'
          ? { status: 'pending' as const, doneAt: null }
          : null;
    if (recordChange)
      await tx
        .update(escalations)
        .set({ ...recordChange, updatedAt: now })
        .where(eq(escalations.id, id));
    await syncMeasureEntry(
      tx,
      { escalationId: id, measure, done: next.status === 'done', date: next.doneAt ?? cityDay(now, timeZone) },
      now,
      timeZone,
    );
    const keys = Object.keys(change) as (keyof typeof before)[];
    await appendAudit(
      tx,
      actor,
      {
        action: 'escalation.measure.update',
        entityType: 'escalation',
        entityId: id,
        summary: {
          roundId: record.roundId,
          departmentId: record.departmentId,
          responsibleHeadId: record.responsibleHeadId,
          measure,
          before: Object.fromEntries(keys.map((k) => [k, before[k]])),
          after: change,
          record: recordChange,
        },
      },
      now,
    );
    return readRecord(tx, id);
  });
}

/** Per published round, in quarter order: rank, mean, flagged, and the streaks and measures as the rule gives them. */
export async function departmentHistory(db: Db, departmentId: number, timeZone: string) {
  const [dept] = await db.select().from(departments).where(eq(departments.id, departmentId));
  if (!dept) throw new NotFound('Department not found');
  const { outcomes, history } = await q.roundOutcomes(db, timeZone);
  const heads = await q.tenures(db);
  const derived = new Map(
    deriveEscalations(outcomes, heads)
      .filter((r) => r.departmentId === departmentId)
      .map((r) => [r.roundId, r]),
  );
  const headName = new Map(heads.map((h) => [h.headId, h.name]));
  const entries = [];
  for (const h of history) {
    const res = h.payload.results;
    const row = res.departments.find((d) => d.departmentId === departmentId);
    if (!row) continue;
    const e = derived.get(h.roundId);
    entries.push({
      roundId: h.roundId,
      publishedAt: h.publishedAt!.toISOString(),
      rank: row.rank,
      rankedCount: res.rankedCount,
      mean: row.mean,
      n: row.n,
      leastSatisfiedVotes: row.leastSatisfiedVotes,
      satisfactionRate: row.satisfactionRate,
      flagged: row.flagged,
      streak: e?.streak ?? 0,
      headStreak: e?.headStreak ?? 0,
      departmentStreak: e?.departmentStreak ?? 0,
      level: e?.level ?? null,
      measures: e?.measures ?? [],
      headName: e?.responsibleHeadId != null ? (headName.get(e.responsibleHeadId) ?? null) : null,
    });
  }
  return { department: { id: dept.id, code: dept.code, nameZh: dept.nameZh, nameEn: dept.nameEn }, rounds: entries };
}
