// The invitation states the admin sees. The survey works on the true state (status, opened_on, submitted_at);
// lists, exports, letters, progress and refusals read the reported copy, which follows only when at least
// BATCH_MIN submissions are waiting to be reported, or at close. So a poll shows invitations flip in groups
// of five or more, never the one that just submitted (nor, next to a request, the one that raised it).
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';

/**
 * Copies the true states of the round's invitations to the reported ones when at least `min` submissions
 * are unreported (min 0: always, as at close). One statement, so the count and the copy see the same rows.
 * Returns how many invitations changed.
 */
export async function reportStates(tx: Tx, roundId: string, min: number): Promise<number> {
  const result = await tx.execute(sql`
    update invitations set reported_status = status, reported_opened_on = opened_on, reported_submitted_on = submitted_at
    where round_id = ${roundId}
      and (reported_status, reported_opened_on, reported_submitted_on) is distinct from (status, opened_on, submitted_at)
      and (select count(*) from invitations p where p.round_id = ${roundId} and p.status = 'submitted' and p.reported_status <> 'submitted') >= ${min}
    returning 1`);
  return (result as unknown as { rows: unknown[] }).rows.length;
}
