// The public timeline of the flagged departments' rectification cases (shared/rectification-timeline.ts).
// Reads only dates, the commitment and plan, progress texts, return decisions and call-back outcomes:
// never a ledger entry's enterprise, issue or action, a call-back's note, a reviewer or a comment.
import { asc, inArray } from 'drizzle-orm';
import { callbackTally } from '#shared/rectification-callbacks.ts';
import { publicCaseTimeline, type PublicCaseTimeline } from '#shared/rectification-timeline.ts';
import type { Db } from '../db/client.ts';
import { caseReviews, ledgerCallbacks, ledgerEntries, progressUpdates, type rectificationCases } from '../db/schema.ts';

type CaseRow = typeof rectificationCases.$inferSelect;

export async function caseTimelines(db: Db, cases: readonly CaseRow[]): Promise<Map<number, PublicCaseTimeline>> {
  const ids = cases.map((c) => c.id);
  if (!ids.length) return new Map();
  const progress = await db
    .select({ caseId: progressUpdates.caseId, at: progressUpdates.createdAt, text: progressUpdates.text })
    .from(progressUpdates)
    .where(inArray(progressUpdates.caseId, ids))
    .orderBy(asc(progressUpdates.createdAt), asc(progressUpdates.id));
  const reviews = await db
    .select({ caseId: caseReviews.caseId, at: caseReviews.at, decision: caseReviews.decision })
    .from(caseReviews)
    .where(inArray(caseReviews.caseId, ids));
  const entries = await db
    .select({ id: ledgerEntries.id, caseId: ledgerEntries.caseId })
    .from(ledgerEntries)
    .where(inArray(ledgerEntries.caseId, ids));
  const calls = entries.length
    ? await db
        .select({
          entryId: ledgerCallbacks.entryId,
          reached: ledgerCallbacks.reached,
          solved: ledgerCallbacks.solved,
          satisfied: ledgerCallbacks.satisfied,
        })
        .from(ledgerCallbacks)
        .where(
          inArray(
            ledgerCallbacks.entryId,
            entries.map((e) => e.id),
          ),
        )
        .orderBy(asc(ledgerCallbacks.at), asc(ledgerCallbacks.id))
    : [];
  return new Map(
    cases.map((c) => [
      c.id,
      publicCaseTimeline({
        createdAt: c.createdAt.toISOString(),
        submittedAt: c.submittedAt?.toISOString() ?? null,
        closedAt: c.closedAt?.toISOString() ?? null,
        commitment: c.commitment,
        plan: c.plan as { measures?: { measure: string; due: string }[] } | null,
        progress: progress.filter((p) => p.caseId === c.id).map((p) => ({ at: p.at.toISOString(), text: p.text })),
        reviews: reviews.filter((r) => r.caseId === c.id).map((r) => ({ at: r.at.toISOString(), decision: r.decision })),
        callbacks: callbackTally(
          entries.filter((e) => e.caseId === c.id).map((e) => ({ callbacks: calls.filter((x) => x.entryId === e.id) })),
        ),
      }),
    ]),
  );
}
