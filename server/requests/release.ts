// Held requests reach the queues only together with a batch of reported submissions (or once no round is
// open), so a request appearing in a queue never points at fewer than BATCH_MIN newly submitted enterprises.
// Released requests get the release as their time (the queue, the first-reply target and the stats count
// from it) and their audit entry then, in random order: the time they were written is kept nowhere.
import { randomInt } from 'node:crypto';
import { isNull, sql } from 'drizzle-orm';
import { firstReplyDue } from '#shared/requests/deadline.ts';
import { appendAudit } from '../audit/audit.writer.ts';
import type { Tx } from '../db/client.ts';
import { requests } from '../db/schema.ts';
import { ENTERPRISE, type ReleasePolicy } from './requests.service.ts';

/** New requests wait while the caller decides whether a batch is reported; see ballotMoverTick. */
export async function holdRequestWrites(tx: Tx): Promise<void> {
  await tx.execute(sql`lock table requests in share row exclusive mode`);
}

/** Releases every held request at `now`; returns how many. */
export async function releaseHeldRequests(tx: Tx, now: Date, policy: ReleasePolicy): Promise<number> {
  const released = await tx
    .update(requests)
    .set({ raisedAt: now, dueAt: firstReplyDue(now, policy.timeZone, policy.replyWorkingDays) })
    .where(isNull(requests.raisedAt))
    .returning({
      id: requests.id,
      departmentId: requests.departmentId,
      category: requests.category,
      text: requests.text,
      contact: requests.contact,
    });
  // Fisher–Yates with a strong source: the audit entries follow no order of writing.
  for (let i = released.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [released[i], released[j]] = [released[j]!, released[i]!];
  }
  for (const r of released) {
    // Neither the text nor the contact: the log is read more widely than the queue.
    await appendAudit(
      tx,
      ENTERPRISE,
      {
        action: 'request.create',
        entityType: 'request',
        entityId: r.id,
        summary: { departmentId: r.departmentId, category: r.category, chars: r.text.length, contactLeft: r.contact !== null },
      },
      now,
    );
  }
  return released.length;
}
