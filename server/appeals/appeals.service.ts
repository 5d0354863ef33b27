// Appeals (申诉复核): filed by a flagged department's head within the window after publication, decided
// by an admin. While pending, the department's escalation measures for the round are on hold; upheld,
// the round's results are corrected (the audited correction) without the answers the integrity check
// flagged, and escalations are revised from the corrected bottom three.
import type { z } from 'zod';
import { filingRefusal } from '#shared/appeals.ts';
import { appealDeadline } from '#shared/appeals.ts';
import type { Appeal, appealDecisionSchema, appealListQuerySchema, fileAppealSchema } from '#shared/schemas/appeals.ts';
import { appendAudit } from '../audit/audit.writer.ts';
import { type ServiceContext, userIn } from '../context.ts';
import type { Tx } from '../db/client.ts';
import { databaseErrorOf } from '../database-errors.ts';
import { Conflict, Forbidden, NotFound } from '../errors.ts';
import { currentResult } from '../results/results.queries.ts';
import { correctRoundTx } from '../results/results.service.ts';
import { findRound } from '../rounds/rounds.queries.ts';
import * as q from './appeals.queries.ts';

const isUniqueViolation = (err: unknown) => databaseErrorOf(err)?.code === '23505';

type Status = q.EscalationStatus;
/** What a filing put on hold, to restore at the decision: the record's and each measure's status. */
type Held = { escalationId: number; record: Status; measures: Record<string, Status> };
const carriedOut = (s: Status) => s === 'done' || s === 'withdrawn';

/** The department's measures for the round wait (on_hold) while the appeal is pending; done ones stay done. */
async function holdMeasures(tx: Tx, roundId: string, departmentId: number, now: Date): Promise<Held | null> {
  const e = await q.lockCurrentRecord(tx, roundId, departmentId);
  if (!e) return null;
  const measures = await q.measuresOf(tx, e.id);
  if (!carriedOut(e.status)) await q.setRecordStatus(tx, e.id, 'on_hold', now);
  for (const m of measures) {
    if (!carriedOut(m.status)) await q.setMeasureStatus(tx, m.id, 'on_hold', now);
  }
  return { escalationId: e.id, record: e.status, measures: Object.fromEntries(measures.map((m) => [m.measure, m.status])) };
}

/**
 * After the decision the measures resume as they were (a correction may have withdrawn the record, or
 * re-derived it carrying the hold over: the current record is the one released).
 */
async function releaseMeasures(tx: Tx, roundId: string, departmentId: number, held: Held | null, now: Date) {
  const e = await q.lockCurrentRecord(tx, roundId, departmentId);
  if (!e) return null;
  const back = (was: Status | undefined): Status => (was && was !== 'on_hold' ? was : 'pending');
  const released: Record<string, Status> = {};
  if (e.status === 'on_hold') {
    await q.setRecordStatus(tx, e.id, back(held?.record), now);
    released.record = back(held?.record);
  }
  const measures = await q.measuresOf(tx, e.id);
  for (const m of measures.filter((x) => x.status === 'on_hold')) {
    const status = back(held?.measures[m.measure]);
    await q.setMeasureStatus(tx, m.id, status, now);
    released[m.measure] = status;
  }
  return { escalationId: e.id, ...released };
}

export async function fileAppeal(
  ctx: ServiceContext,
  { appeal: body, windowDays }: { appeal: z.output<typeof fileAppealSchema>; windowDays: number },
): Promise<Appeal> {
  const { tx: db, actor, now } = ctx;
  const user = userIn(ctx);
  if (user.departmentId === null) throw new Forbidden('Only the head of a department can appeal');
  const departmentId = user.departmentId;
  try {
    const id = await db.transaction(async (tx) => {
      const round = await findRound(tx, body.roundId, { forUpdate: true });
      if (!round) throw new NotFound(`No round ${body.roundId}`);
      const result = await currentResult(tx, body.roundId);
      const existing = await q.appealIdOf(tx, body.roundId, departmentId);
      const refusal = filingRefusal({
        roundStatus: round.status,
        publishedAt: round.publishedAt,
        now,
        windowDays,
        alreadyAppealed: existing !== undefined,
        flagged: !!result?.publishedAt && result.payload.results.flaggedDepartmentIds.includes(departmentId),
      });
      if (refusal) throw new Conflict(refusal.message, refusal.details, refusal.code);
      const held = await holdMeasures(tx, body.roundId, departmentId, now);
      const appealId = await q.insertAppeal(tx, {
        roundId: body.roundId,
        departmentId,
        filedBy: user.id,
        reasons: body.reasons,
        evidence: body.evidence,
        filedAt: now,
        deadline: appealDeadline(round.publishedAt!, windowDays),
        held,
      });
      await appendAudit(
        tx,
        actor,
        {
          action: 'appeal.file',
          entityType: 'appeal',
          entityId: appealId,
          summary: { roundId: body.roundId, departmentId, reasons: body.reasons, evidence: body.evidence, measures: 'on_hold', held },
        },
        now,
      );
      return appealId;
    });
    return (await q.listAppeals(db, { id }))[0]!;
  } catch (err) {
    // Two filings at once: the unique index lets one through and refuses the other like the check above.
    if (isUniqueViolation(err))
      throw new Conflict('This department has already appealed this round (one appeal per round)', undefined, 'appeal_exists');
    throw err;
  }
}

export async function decideAppeal(
  ctx: ServiceContext,
  { id, decision: body }: { id: number; decision: z.infer<typeof appealDecisionSchema> },
): Promise<Appeal> {
  const { tx: db, actor, now } = ctx;
  await db.transaction(async (tx) => {
    const appeal = await q.lockAppeal(tx, id);
    if (!appeal) throw new NotFound('No such appeal');
    if (appeal.status !== 'pending')
      throw new Conflict(`This appeal was already decided (${appeal.status})`, { status: appeal.status }, 'already_decided');
    let correction = null;
    if (body.decision === 'upheld') {
      correction = await correctRoundTx(
        { ...ctx, tx },
        { roundId: appeal.roundId, reason: `申诉复核成立（申诉 #${id}）：${body.reasons}`, exclude: 'without_flagged', appealId: id },
      );
    }
    const released = await releaseMeasures(tx, appeal.roundId, appeal.departmentId, appeal.held as Held | null, now);
    await q.recordDecision(tx, id, {
      status: body.decision,
      decidedAt: now,
      decidedBy: actor.id,
      decisionReasons: body.reasons,
      correction,
    });
    await appendAudit(
      tx,
      actor,
      {
        action: 'appeal.decide',
        entityType: 'appeal',
        entityId: id,
        summary: {
          roundId: appeal.roundId,
          departmentId: appeal.departmentId,
          decision: body.decision,
          reasons: body.reasons,
          correction,
          measures: 'resumed',
          released,
        },
      },
      now,
    );
  });
  return (await q.listAppeals(db, { id }))[0]!;
}

/** Admins, leaders and the supervisor read every appeal; a head reads their own department's. */
export async function readAppeals(ctx: ServiceContext, query: z.infer<typeof appealListQuerySchema>) {
  const user = userIn(ctx);
  return q.listAppeals(ctx.tx, {
    ...query,
    ...(user.role === 'dept_head' ? { departmentId: user.departmentId ?? -1 } : {}),
  });
}

export async function readAppeal(ctx: ServiceContext, { id }: { id: number }) {
  const user = userIn(ctx);
  const [appeal] = await q.listAppeals(ctx.tx, { id });
  if (!appeal) throw new NotFound('No such appeal');
  if (user.role === 'dept_head' && appeal.departmentId !== user.departmentId) throw new NotFound('No such appeal');
  return appeal;
}
