// Comments for improvement, shown with no respondent attributes and sorted (never in submission order).
import { and, eq, isNotNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { commentsSchema } from '#shared/schemas/comments.ts';
import { appendAudit, type Actor } from '../audit/audit.writer.ts';
import type { SessionUser } from '../auth/access.ts';
import type { Db } from '../db/client.ts';
import { ratings, responses } from '../db/schema.ts';
import { Conflict, Forbidden, NotFound } from '../errors.ts';
import { assertAnswersFinal } from '../rounds/answers-final.ts';
import { findRound, roundDepartmentRows, updateRound } from '../rounds/rounds.queries.ts';

const sorted = (xs: string[]) => [...xs].sort((a, b) => a.localeCompare(b, 'zh'));

export async function readComments(
  db: Db,
  user: SessionUser,
  roundId: string,
  departmentId: number | undefined,
): Promise<z.infer<typeof commentsSchema>> {
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
  const rows = await db
    .select({ departmentId: ratings.departmentId, comment: ratings.comment })
    .from(ratings)
    .where(and(eq(ratings.roundId, roundId), isNotNull(ratings.comment), ...(only !== undefined ? [eq(ratings.departmentId, only)] : [])));
  const overall = head
    ? null
    : sorted(
        (
          await db
            .select({ c: responses.comment })
            .from(responses)
            .where(and(eq(responses.roundId, roundId), isNotNull(responses.comment)))
        ).map((r) => r.c!),
      );
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

export async function releaseComments(db: Db, actor: Actor, roundId: string, now: Date) {
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
