// The admin's follow-up (the two PATCH handlers): a record as a whole, or one of its measures. The
// responsible head's points follow the measures; every change is audited.
import type { z } from 'zod';
import { cityDay } from '#shared/city-day.ts';
import type { EscalationLevel } from '#shared/results/escalation.ts';
import { scheduledHasDate, type escalationPatchSchema, type measurePatchSchema } from '#shared/schemas/results.ts';
import { appendAudit } from '../audit/audit.writer.ts';
import type { ServiceContext } from '../context.ts';
import type { Tx } from '../db/client.ts';
import { Conflict, Invalid, NotFound } from '../errors.ts';
import { syncEscalationEntries, syncMeasureEntry } from '../points/measures.service.ts';
import * as q from './escalations.queries.ts';
import { readRecord } from './records.ts';

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

/** The fields a PATCH changed, as they were before it. */
const priorOf = <T extends object>(before: T, change: object) =>
  Object.fromEntries((Object.keys(change) as (keyof T)[]).map((k) => [k, before[k]]));

export type UpdateEscalationInput = { id: number; patch: z.infer<typeof escalationPatchSchema> };

/**
 * The admin follows up a record as a whole: its status applies to each of its measures (not to a withdrawn
 * one, nor to one on hold for an appeal); a record marked done with no date is done today, the city's day.
 * The responsible head's points follow the measures.
 */
export async function updateEscalation(ctx: ServiceContext, { id, patch }: UpdateEscalationInput) {
  const { tx: db, actor, now, zone } = ctx;
  return db.transaction(async (tx) => {
    const before = await lockCurrent(tx, id);
    // While the department's appeal is pending its measures wait: notes may be kept, nothing scheduled or done.
    if (before.status === 'on_hold' && (patch.status !== undefined || patch.scheduledFor !== undefined || patch.doneAt !== undefined)) {
      throw new Conflict("The measures are on hold while the department's appeal is pending", undefined, 'on_hold');
    }
    const change = { ...patch } as typeof patch & { reviewNote?: null };
    if (patch.status === 'done' && patch.doneAt === undefined && !before.doneAt) change.doneAt = cityDay(now, zone);
    if (patch.needsReview === false) change.reviewNote = null;
    if (!scheduledHasDate({ ...before, ...change })) {
      throw new Invalid('A scheduled escalation needs the date it is scheduled for.', [
        { path: 'body.scheduledFor', message: 'required when status is scheduled' },
      ]);
    }
    await q.updateRecord(tx, id, { ...change, updatedAt: now });
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
          ? { status: 'done' as const, doneAt: m.status === 'done' ? m.doneAt : (after.doneAt ?? cityDay(now, zone)) }
          : after.status === 'scheduled'
            ? { status: 'scheduled' as const, scheduledFor: after.scheduledFor, doneAt: null }
            : { status: 'pending' as const, doneAt: null };
      if (set.status === m.status && set.doneAt === m.doneAt) continue;
      await q.updateMeasureRow(tx, m.id, { ...set, updatedAt: now });
      measureChanges.push({ measure: m.measure, before: m.status, after: set.status });
    }
    // Idempotent: a retried PATCH scores nothing twice.
    await syncEscalationEntries({ ...ctx, tx }, { escalationId: id });
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
          before: priorOf(before, change),
          after: change,
          measures: measureChanges,
        },
      },
      now,
    );
    return readRecord(tx, id);
  });
}

export type UpdateMeasureInput = { id: number; measure: EscalationLevel; patch: z.infer<typeof measurePatchSchema> };

/**
 * The admin follows up one measure. When every measure is done the record is done (on the last day); a
 * done record whose measure is reopened is pending again.
 */
export async function updateMeasure(ctx: ServiceContext, { id, measure, patch }: UpdateMeasureInput) {
  const { tx: db, actor, now, zone } = ctx;
  return db.transaction(async (tx) => {
    const record = await lockCurrent(tx, id);
    const measures = await q.measuresOf(tx, id);
    const before = measures.find((m) => m.measure === measure);
    if (!before) throw new NotFound(`This record has no ${measure} measure`, { measures: measures.map((m) => m.measure) });
    if (before.status === 'on_hold' && patch.status !== undefined)
      throw new Conflict('This measure is on hold while an appeal is pending', undefined, 'on_hold');
    const change = { ...patch };
    if (patch.status === 'done' && patch.doneAt === undefined && !before.doneAt) change.doneAt = cityDay(now, zone);
    if (patch.status !== undefined && patch.status !== 'done' && patch.doneAt === undefined) change.doneAt = null;
    const next = { ...before, ...change };
    if (next.status === 'scheduled' && !next.scheduledFor) {
      throw new Invalid('A scheduled measure needs the date it is scheduled for.', [
        { path: 'body.scheduledFor', message: 'required when status is scheduled' },
      ]);
    }
    if (next.status === 'done' && !next.doneAt)
      throw new Invalid('A done measure needs the day it was done.', [{ path: 'body.doneAt', message: 'required when status is done' }]);
    await q.updateMeasureRow(tx, before.id, { ...change, updatedAt: now });
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
    if (recordChange) await q.updateRecord(tx, id, { ...recordChange, updatedAt: now });
    await syncMeasureEntry(
      { ...ctx, tx },
      { escalationId: id, measure, done: next.status === 'done', date: next.doneAt ?? cityDay(now, zone) },
    );
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
          before: priorOf(before, change),
          after: change,
          record: recordChange,
        },
      },
      now,
    );
    return readRecord(tx, id);
  });
}
