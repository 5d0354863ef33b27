// Rectification (整改): a case per flagged department, opened when its round is published.
import type { Tx } from '../db/client.ts';
import { rectificationCases } from '../db/schema.ts';

export const DEFAULT_CASE_DAYS = 30;

export async function onPublished(tx: Tx, roundId: string, flaggedDepartmentIds: number[], now: Date, days = DEFAULT_CASE_DAYS) {
  if (!flaggedDepartmentIds.length) return;
  const deadline = new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
  await tx.insert(rectificationCases).values(flaggedDepartmentIds.map((departmentId) => ({ roundId, departmentId, deadline, createdAt: now, updatedAt: now })))
    .onConflictDoNothing();
}
