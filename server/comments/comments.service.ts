// Comments for improvement, shown with no respondent attributes and sorted (never in submission order).
import type { z } from 'zod';
import type { commentsSchema } from '#shared/schemas/comments.ts';
import { appendAudit } from '../audit/audit.writer.ts';
import { type ServiceContext, userIn } from '../context.ts';
import { Conflict, Forbidden, NotFound } from '../errors.ts';
import { assertAnswersFinal } from '../rounds/answers-final.ts';
import { findRound, roundDepartmentRows, updateRound } from '../rounds/rounds.queries.ts';
import * as q from './comments.queries.ts';

const sorted = (xs: string[]) => [...xs].sort((a, b) => a.localeCompare(b, 'zh'));

export async function readComments(
  ctx: ServiceContext,
  { roundId, departmentId }: { roundId: string; departmentId: number | undefined },
): Promise<z.infer<typeof commentsSchema>> {
  const { tx: db } = ctx;
  const user = userIn(ctx);
  const round = await findRound(db, roundId);
  if (!round) throw new NotFound(`No round ${roundId}`);
  // While a round runs, a new comment beside the one invitation that just turned "submitted" would
  // name its author; before the close is final, a reopen would do the same across two reads.
  assertAnswersFinal(round, 'Comments');
  const head = user.role === 'dept_head';
  if (head) {
    if (!round.commentsReleasedAt) throw new NotFound('Comments for this round have not been released yet');
    if (departmentId !== undefined && departmentId !== user.departmentId)
      throw new Forbidden('You can read comments addressed to your own department only');
  }
  const only = head ? (user.departmentId ?? -1) : departmentId;
  const depts = (await roundDepartmentRows(db, roundId)).filter((d) => only === undefined || d.departmentId === only);
  const rows = await q.departmentComments(db, roundId, only);
  const overall = head ? null : sorted(await q.overallComments(db, roundId));
  return {
    roundId,
    releasedAt: round.commentsReleasedAt?.toISOString() ?? null,
    overall,
    departments: depts.map((d) => ({
      departmentId: d.departmentId,
      code: d.code,
      name: d.nameZh,
      comments: sorted(rows.filter((r) => r.departmentId === d.departmentId).map((r) => r.comment!)),
    })),
  };
}

export async function releaseComments({ tx: db, actor, now }: ServiceContext, { roundId }: { roundId: string }) {
  await db.transaction(async (tx) => {
    const round = await findRound(tx, roundId, { forUpdate: true });
    if (!round) throw new NotFound(`No round ${roundId}`);
    if (round.status !== 'published')
      throw new Conflict('Comments are released after the results are published', { status: round.status }, 'illegal_transition');
    if (round.commentsReleasedAt) throw new Conflict('Comments for this round are already released', undefined, 'already_released');
    await updateRound(tx, roundId, { commentsReleasedAt: now, updatedAt: now });
    await appendAudit(tx, actor, { action: 'comments.release', entityType: 'round', entityId: roundId, summary: {} }, now);
  });
}
