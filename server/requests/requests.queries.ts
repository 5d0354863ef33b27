// Reads of requests and their replies; the service owns the transactions.
import { and, asc, count, desc, eq, inArray, isNotNull, type SQL } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { departments, requestReplies, requests, users } from '../db/schema.ts';

export type RequestRow = typeof requests.$inferSelect;
export type DepartmentRow = typeof departments.$inferSelect;
export interface ReplyRow {
  requestId: string;
  text: string;
  at: Date;
  by: string;
}

export async function findByCodeHash(tx: Tx, codeHash: string, opts: { lock?: boolean } = {}) {
  const q = tx.select().from(requests).where(eq(requests.codeHash, codeHash));
  return (await (opts.lock ? q.for('update') : q))[0];
}

export async function findById(tx: Tx, id: string, opts: { lock?: boolean } = {}) {
  const q = tx.select().from(requests).where(eq(requests.id, id));
  return (await (opts.lock ? q.for('update') : q))[0];
}

/** What staff may see: requests released from the hold (server/requests/release.ts). */
export const released = isNotNull(requests.raisedAt);

/** The filter for one department's requests. */
export const ofDepartment = (departmentId: number): SQL => eq(requests.departmentId, departmentId);

export const insertRequest = (tx: Tx, values: typeof requests.$inferInsert) => tx.insert(requests).values(values);

export const setRequest = async (tx: Tx, id: string, set: Partial<typeof requests.$inferInsert>) =>
  (await tx.update(requests).set(set).where(eq(requests.id, id)).returning())[0]!;

export async function countReplies(tx: Tx, requestId: string): Promise<number> {
  const [replies] = await tx.select({ n: count() }).from(requestReplies).where(eq(requestReplies.requestId, requestId));
  return Number(replies?.n);
}

export const insertReply = (tx: Tx, values: typeof requestReplies.$inferInsert) => tx.insert(requestReplies).values(values);

export async function listRows(tx: Tx, filters: SQL[]) {
  return tx
    .select()
    .from(requests)
    .where(filters.length ? and(...filters) : undefined)
    .orderBy(desc(requests.raisedAt), asc(requests.id));
}

export async function repliesOf(tx: Tx, requestIds: string[]): Promise<ReplyRow[]> {
  if (!requestIds.length) return [];
  return tx
    .select({ requestId: requestReplies.requestId, text: requestReplies.text, at: requestReplies.at, by: users.displayName })
    .from(requestReplies)
    .innerJoin(users, eq(users.id, requestReplies.authorId))
    .where(inArray(requestReplies.requestId, requestIds))
    .orderBy(asc(requestReplies.at), asc(requestReplies.id));
}

export async function departmentsByIds(tx: Tx, ids: number[]): Promise<Map<number, DepartmentRow>> {
  if (!ids.length) return new Map();
  const rows = await tx
    .select()
    .from(departments)
    .where(inArray(departments.id, [...new Set(ids)]));
  return new Map(rows.map((d) => [d.id, d]));
}

export const activeDepartments = (tx: Tx) =>
  tx.select().from(departments).where(eq(departments.active, true)).orderBy(asc(departments.code));

export const requestFacts = (tx: Tx) =>
  tx
    .select({
      departmentId: requests.departmentId,
      raisedAt: requests.raisedAt,
      firstReplyAt: requests.firstReplyAt,
      resolved: requests.resolved,
      satisfied: requests.satisfied,
    })
    .from(requests)
    .where(released);
