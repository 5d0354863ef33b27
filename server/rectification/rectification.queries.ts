// Rectification's SQL: cases, their ledger, call-backs, progress and reviews.
import { and, asc, count, eq, inArray, type SQL } from 'drizzle-orm';
import type { CaseStatus } from '#shared/schemas/rectification.ts';
import type { Tx } from '../db/client.ts';
import { caseReviews, departments, ledgerCallbacks, ledgerEntries, progressUpdates, rectificationCases, users } from '../db/schema.ts';

export type CaseRow = typeof rectificationCases.$inferSelect;

/** One case per flagged department; a case already opened for the round stays as it is. */
export async function insertCases(tx: Tx, roundId: string, departmentIds: number[], deadline: string, now: Date) {
  await tx
    .insert(rectificationCases)
    .values(departmentIds.map((departmentId) => ({ roundId, departmentId, deadline, createdAt: now, updatedAt: now })))
    .onConflictDoNothing();
}

export interface CaseFilter {
  /** A head's own department (a head without one sees nothing). */
  ownDepartmentId?: number;
  departmentId?: number;
  roundId?: string;
  status?: CaseStatus;
}

export async function findCases(tx: Tx, filter: CaseFilter): Promise<CaseRow[]> {
  const filters: SQL[] = [];
  if (filter.ownDepartmentId !== undefined) filters.push(eq(rectificationCases.departmentId, filter.ownDepartmentId));
  if (filter.departmentId) filters.push(eq(rectificationCases.departmentId, filter.departmentId));
  if (filter.roundId) filters.push(eq(rectificationCases.roundId, filter.roundId));
  if (filter.status) filters.push(eq(rectificationCases.status, filter.status));
  return tx
    .select()
    .from(rectificationCases)
    .where(filters.length ? and(...filters) : undefined)
    .orderBy(asc(rectificationCases.roundId), asc(rectificationCases.id));
}

export async function findCase(tx: Tx, id: number, opts: { lock?: boolean } = {}): Promise<CaseRow | undefined> {
  const q = tx.select().from(rectificationCases).where(eq(rectificationCases.id, id));
  return (await (opts.lock ? q.for('update') : q))[0];
}

export const setCase = (tx: Tx, id: number, set: Partial<typeof rectificationCases.$inferInsert>) =>
  tx.update(rectificationCases).set(set).where(eq(rectificationCases.id, id));

export const departmentsByIds = (tx: Tx, ids: number[]) => tx.select().from(departments).where(inArray(departments.id, ids));

/** The ledger entries' ids of some cases (for counts and call-back tallies). */
export const ledgerEntryIds = (tx: Tx, caseIds: number[]) =>
  tx.select({ id: ledgerEntries.id, caseId: ledgerEntries.caseId }).from(ledgerEntries).where(inArray(ledgerEntries.caseId, caseIds));

export const ledgerOf = (tx: Tx, caseId: number) =>
  tx.select().from(ledgerEntries).where(eq(ledgerEntries.caseId, caseId)).orderBy(asc(ledgerEntries.date), asc(ledgerEntries.id));

/** The ledger in the database's order (closing checks every entry; the order does not matter). */
export const ledgerEntriesOf = (tx: Tx, caseId: number) => tx.select().from(ledgerEntries).where(eq(ledgerEntries.caseId, caseId));

export async function countLedgerEntries(tx: Tx, caseId: number): Promise<number> {
  const [entries] = await tx.select({ n: count() }).from(ledgerEntries).where(eq(ledgerEntries.caseId, caseId));
  return Number(entries?.n);
}

export async function findLedgerEntry(tx: Tx, caseId: number, entryId: number) {
  const [entry] = await tx
    .select({ id: ledgerEntries.id })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.id, entryId), eq(ledgerEntries.caseId, caseId)));
  return entry;
}

export const insertLedgerEntry = async (tx: Tx, values: typeof ledgerEntries.$inferInsert) =>
  (await tx.insert(ledgerEntries).values(values).returning())[0]!;

/** The entry's new status; false when the case has no such entry. */
export async function setLedgerStatus(tx: Tx, caseId: number, entryId: number, status: 'open' | 'resolved'): Promise<boolean> {
  const updated = await tx
    .update(ledgerEntries)
    .set({ status })
    .where(and(eq(ledgerEntries.id, entryId), eq(ledgerEntries.caseId, caseId)))
    .returning();
  return updated.length > 0;
}

export const setCallbackWaiver = (tx: Tx, entryId: number, reason: string) =>
  tx.update(ledgerEntries).set({ callbackWaiver: reason }).where(eq(ledgerEntries.id, entryId));

export type CallbackRow = typeof ledgerCallbacks.$inferSelect;

export const callbacksOfEntries = (tx: Tx, entryIds: number[]) =>
  tx
    .select()
    .from(ledgerCallbacks)
    .where(inArray(ledgerCallbacks.entryId, entryIds))
    .orderBy(asc(ledgerCallbacks.at), asc(ledgerCallbacks.id));

export const insertCallback = (tx: Tx, values: typeof ledgerCallbacks.$inferInsert) => tx.insert(ledgerCallbacks).values(values);

export const progressOf = (tx: Tx, caseId: number) =>
  tx.select().from(progressUpdates).where(eq(progressUpdates.caseId, caseId)).orderBy(asc(progressUpdates.id));

export const insertProgress = (tx: Tx, values: typeof progressUpdates.$inferInsert) => tx.insert(progressUpdates).values(values);

export const reviewsOf = (tx: Tx, caseId: number) =>
  tx.select().from(caseReviews).where(eq(caseReviews.caseId, caseId)).orderBy(asc(caseReviews.id));

export const insertReview = (tx: Tx, values: typeof caseReviews.$inferInsert) => tx.insert(caseReviews).values(values);

/** Display names by login, for the logins that are accounts. */
export async function displayNames(tx: Tx, logins: string[]): Promise<Map<string, string>> {
  if (!logins.length) return new Map();
  const rows = await tx
    .select({ username: users.username, displayName: users.displayName })
    .from(users)
    .where(inArray(users.username, logins));
  return new Map(rows.map((u) => [u.username, u.displayName]));
}
