// Round lifecycle: create and edit drafts, open, close (by an admin or the deadline), reopen, void.
import type { z } from 'zod';
import type { ContactPlan } from '#shared/outbound/vocabulary.ts';
import { lateReminderDays } from '#shared/outbound/plan.ts';
import { reopenRefusal, statusAt, transitionError, type RoundAction } from '#shared/round-lifecycle.ts';
import { contactPlanDefault } from '#shared/schemas/outbox.ts';
import type { CreateRound, updateRoundSchema } from '#shared/schemas/rounds.ts';
import { appendAudit, SYSTEM_ACTOR } from '../audit/audit.writer.ts';
import type { ServiceContext } from '../context.ts';
import type { Tx } from '../db/client.ts';
import { BadRequest, Conflict, Invalid, NotFound } from '../errors.ts';
import { departmentRows } from '../departments/departments.queries.ts';
import { forgetCheckAtClose } from '../integrity/integrity.service.ts';
import { sealRound, vacuumAnswers } from '../survey/ballot-box.ts';
import * as q from './rounds.queries.ts';

/** Loads a round for a state change (row-locked) and checks the action is allowed from its status. */
export async function lockRoundFor(tx: Tx, id: string, action: RoundAction, now: Date) {
  await settleDeadline(tx, id, now);
  const round = await q.findRound(tx, id, { forUpdate: true });
  if (!round) throw new NotFound(`No round ${id}`);
  const why = transitionError(round.status, action);
  if (why) throw new Conflict(why, { status: round.status }, 'illegal_transition');
  return round;
}

/**
 * An open round whose deadline has passed is closed and sealed, by the system: in the deadline job, or
 * first thing in any write on the round. Guarded by the status, so a retried close changes nothing.
 */
export async function settleDeadline(tx: Tx, id: string, now: Date) {
  if (await q.closeIfPastDeadline(tx, id, now)) {
    await sealRound(tx, id);
    await appendAudit(
      tx,
      SYSTEM_ACTOR,
      { action: 'round.close', entityType: 'round', entityId: id, summary: { reason: 'deadline passed' } },
      now,
    );
  }
}

/** A round as readers see it at `now` (statusAt): past its deadline it reads as closed at the deadline. */
function asSeen(r: q.RoundRow, now: Date): q.RoundRow {
  const status = statusAt(r.status, r.closesAt, now);
  return status === r.status ? r : { ...r, status, closedAt: r.closesAt };
}

// Reads never write: a round past its deadline is shown closed, and the jobs close it.
/** A round as readers see it at `now`, read in a caller's transaction (follow-ups, progress). */
export async function readRound(tx: Tx, id: string, now: Date) {
  const round = await q.findRound(tx, id);
  if (!round) throw new NotFound(`No round ${id}`);
  return q.toRound(asSeen(round, now), await q.roundDepartmentRows(tx, id));
}

export const getRound = ({ tx, now }: ServiceContext, { id }: { id: string }) => readRound(tx, id, now);

export async function listRounds({ tx: db, now }: ServiceContext) {
  const [all, counts] = await Promise.all([q.listRounds(db), q.departmentCounts(db)]);
  return all.map((r) => {
    const { departments: _d, seed: _s, ...rest } = q.toRound(asSeen(r, now), []);
    return { ...rest, departmentCount: counts.get(r.id) ?? 0 };
  });
}

export async function createRound({ tx: db, actor, now, zone }: ServiceContext, input: CreateRound) {
  if (input.contactPlan) assertPlanFits(input.contactPlan, new Date(input.opensAt), new Date(input.closesAt), zone);
  const round = { ...input, contactPlan: input.contactPlan ?? contactPlanDefault() };
  return db.transaction(async (tx) => {
    // One live round per quarter; a voided one leaves its quarter to a re-run (2026Q1R2).
    const sameQuarter = await q.roundsOfQuarter(tx, input.id.slice(0, 6));
    const live = sameQuarter.find((r) => r.status !== 'voided');
    if (live || sameQuarter.some((r) => r.id === input.id)) {
      throw new Conflict(
        `Round ${live?.id ?? input.id} already exists for this quarter (one round per quarter)`,
        undefined,
        'round_exists',
      );
    }
    if (input.id.length > 6 && !sameQuarter.length) throw new Invalid(`${input.id} is a re-run: create ${input.id.slice(0, 6)} first`);
    const { departmentIds, ...settings } = round;
    await q.insertRound(tx, {
      ...settings,
      opensAt: new Date(input.opensAt),
      closesAt: new Date(input.closesAt),
      createdAt: now,
      updatedAt: now,
    });
    await snapshotDepartments(tx, input.id, departmentIds);
    await appendAudit(tx, actor, { action: 'round.create', entityType: 'round', entityId: input.id, summary: { after: round } }, now);
    return q.toRound((await q.findRound(tx, input.id))!, await q.roundDepartmentRows(tx, input.id));
  });
}

export async function updateRound(
  { tx: db, actor, now, zone }: ServiceContext,
  { id, patch }: { id: string; patch: z.infer<typeof updateRoundSchema> },
) {
  return db.transaction(async (tx) => {
    const { departmentIds, opensAt, closesAt, ...rest } = patch;
    // After freezing only the dates may change; everything the draw depends on is locked.
    const datesOnly = Object.keys(patch).every((k) => k === 'opensAt' || k === 'closesAt');
    const before = await lockRoundFor(tx, id, datesOnly ? 'reschedule' : 'update', now);
    const next = { ...rest, ...(opensAt ? { opensAt: new Date(opensAt) } : {}), ...(closesAt ? { closesAt: new Date(closesAt) } : {}) };
    const opens = next.opensAt ?? before.opensAt;
    const closes = next.closesAt ?? before.closesAt;
    if (closes <= opens) throw new Invalid('the deadline (closesAt) must be after the opening (opensAt)');
    if (patch.contactPlan || opensAt || closesAt) assertPlanFits(patch.contactPlan ?? before.contactPlan, opens, closes, zone);
    await q.updateRound(tx, id, { ...next, updatedAt: now });
    if (departmentIds) {
      await q.deleteRoundDepartments(tx, id);
      await snapshotDepartments(tx, id, departmentIds);
    }
    await appendAudit(tx, actor, { action: 'round.update', entityType: 'round', entityId: id, summary: { after: patch } }, now);
    return q.toRound((await q.findRound(tx, id))!, await q.roundDepartmentRows(tx, id));
  });
}

/**
 * A reminder day on or after the deadline's city day is never sent (shared/outbound/plan.ts): a plan naming
 * one is refused rather than stored as a promise the round cannot keep.
 */
function assertPlanFits(plan: ContactPlan, opens: Date, closes: Date, zone: string) {
  const { days, lastDay } = lateReminderDays(plan, opens, closes, zone);
  if (!days.length) return;
  throw new BadRequest(
    `contactPlan.reminderDays: day ${days.join(', ')} falls on or after the deadline's day; the last day a reminder is sent is day ${lastDay}`,
    { field: 'contactPlan.reminderDays', days, lastDay },
    'reminder_after_deadline',
  );
}

async function snapshotDepartments(tx: Tx, roundId: string, ids: number[] | undefined) {
  const all = await departmentRows(tx);
  const chosen = ids ? all.filter((d) => ids.includes(d.id)) : all.filter((d) => d.active);
  if (ids) {
    const unknown = ids.filter((id) => !all.some((d) => d.id === id));
    if (unknown.length) throw new Invalid(`Unknown department id(s): ${unknown.join(', ')}`, { unknown });
  }
  if (!chosen.length) throw new Invalid('A round needs at least one active department');
  await q.insertRoundDepartments(
    tx,
    chosen.map((d, i) => ({
      roundId,
      departmentId: d.id,
      code: d.code,
      nameZh: d.nameZh,
      nameEn: d.nameEn,
      category: d.category,
      position: i,
    })),
  );
}

export async function openRound(ctx: ServiceContext, { id }: { id: string }) {
  const { tx: db, actor, now } = ctx;
  return db
    .transaction(async (tx) => {
      const round = await lockRoundFor(tx, id, 'open', now);
      if (round.closesAt <= now)
        throw new Conflict(
          'The deadline has already passed; change it before opening (void and recreate, or reopen later with a new deadline)',
          undefined,
          'deadline_passed',
        );
      await q.updateRound(tx, id, { status: 'open', openedAt: now, updatedAt: now });
      await appendAudit(
        tx,
        actor,
        { action: 'round.open', entityType: 'round', entityId: id, summary: { closesAt: round.closesAt.toISOString() } },
        now,
      );
    })
    .then(() => getRound(ctx, { id }));
}

export async function closeRound(ctx: ServiceContext, { id }: { id: string }) {
  const { tx: db, actor, now } = ctx;
  await db.transaction(async (tx) => {
    await lockRoundFor(tx, id, 'close', now);
    await q.updateRound(tx, id, { status: 'closed', closedAt: now, updatedAt: now });
    await sealRound(tx, id);
    await appendAudit(
      tx,
      actor,
      { action: 'round.close', entityType: 'round', entityId: id, summary: { reason: 'closed by an admin' } },
      now,
    );
  });
  await vacuumAnswers(db);
  return getRound(ctx, { id });
}

export async function reopenRound(
  ctx: ServiceContext,
  { id, reason, closesAt: newDeadline }: { id: string; reason: string; closesAt: string },
) {
  const { tx: db, actor, now } = ctx;
  await db.transaction(async (tx) => {
    const round = await lockRoundFor(tx, id, 'reopen', now);
    const final = reopenRefusal(q.disclosureOf(round));
    if (final) throw new Conflict(final, { finalizedAt: round.finalizedAt?.toISOString() }, 'results_computed');
    const closesAt = new Date(newDeadline);
    if (closesAt <= now) throw new Invalid('The new deadline must be in the future');
    await q.updateRound(tx, id, { status: 'open', closesAt, closedAt: null, updatedAt: now });
    await forgetCheckAtClose(tx, id);
    await appendAudit(
      tx,
      actor,
      {
        action: 'round.reopen',
        entityType: 'round',
        entityId: id,
        summary: { reason, before: { closesAt: round.closesAt.toISOString() }, after: { closesAt: newDeadline } },
      },
      now,
    );
  });
  return getRound(ctx, { id });
}

export async function voidRound(ctx: ServiceContext, { id, reason }: { id: string; reason: string }) {
  const { tx: db, actor, now } = ctx;
  await db.transaction(async (tx) => {
    const round = await lockRoundFor(tx, id, 'void', now);
    await q.updateRound(tx, id, { status: 'voided', voidedAt: now, voidReason: reason, updatedAt: now });
    // A round voided while open leaves no answer in the box and no draft behind either.
    if (round.status === 'open') await sealRound(tx, id);
    await appendAudit(
      tx,
      actor,
      { action: 'round.void', entityType: 'round', entityId: id, summary: { reason, before: { status: round.status } } },
      now,
    );
  });
  return getRound(ctx, { id });
}
