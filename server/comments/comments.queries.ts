// The comments' SQL: free-text comments on departments (ratings) and on the whole survey (responses).
import { and, eq, isNotNull } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { ratings, responses } from '../db/schema.ts';

/** Every department comment of a round, or of one department's ratings. */
export const departmentComments = (tx: Tx, roundId: string, departmentId: number | undefined) =>
  tx
    .select({ departmentId: ratings.departmentId, comment: ratings.comment })
    .from(ratings)
    .where(
      and(
        eq(ratings.roundId, roundId),
        isNotNull(ratings.comment),
        ...(departmentId !== undefined ? [eq(ratings.departmentId, departmentId)] : []),
      ),
    );

/** The comments on the survey as a whole. */
export async function overallComments(tx: Tx, roundId: string): Promise<string[]> {
  const rows = await tx
    .select({ c: responses.comment })
    .from(responses)
    .where(and(eq(responses.roundId, roundId), isNotNull(responses.comment)));
  return rows.map((r) => r.c!);
}
