import { and, asc, count, desc, eq, inArray, lte, ne, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { entryListQuerySchema, PointsEntry } from '#shared/schemas/points.ts';
import type { Tx } from '../db/client.ts';
import { cadres, pointsEntries, pointsRules, units, users } from '../db/schema.ts';

const reversal = alias(pointsEntries, 'reversal');
const submitter = alias(users, 'submitter');
const reviewer = alias(users, 'reviewer');

function selectEntries(tx: Tx) {
  return (
    tx
      .select({
        e: pointsEntries,
        c: { code: cadres.code, name: cadres.name, unitId: cadres.unitId },
        unitName: units.nameZh,
        r: { nameZh: pointsRules.nameZh, nameEn: pointsRules.nameEn },
        reversedById: reversal.id,
        submitterName: submitter.displayName,
        reviewerName: reviewer.displayName,
      })
      .from(pointsEntries)
      .innerJoin(cadres, eq(cadres.id, pointsEntries.cadreId))
      .innerJoin(units, eq(units.id, cadres.unitId))
      .innerJoin(pointsRules, and(eq(pointsRules.version, pointsEntries.ruleVersion), eq(pointsRules.code, pointsEntries.ruleCode)))
      // Only a live reversal (pending or approved) marks the entry as reversed.
      .leftJoin(submitter, eq(submitter.id, pointsEntries.submittedBy))
      .leftJoin(reviewer, eq(reviewer.id, pointsEntries.reviewedBy))
      .leftJoin(reversal, and(eq(reversal.reversesId, pointsEntries.id), inArray(reversal.status, ['pending', 'approved'])))
  );
}
type Joined = Awaited<ReturnType<ReturnType<typeof selectEntries>['where']>>[number];

const toEntry = ({ e, c, unitName, r, reversedById, submitterName, reviewerName }: Joined): PointsEntry => ({
  id: e.id,
  cadreId: e.cadreId,
  cadreCode: c.code,
  cadreName: c.name,
  unitId: c.unitId,
  unitName,
  ruleVersion: e.ruleVersion,
  ruleCode: e.ruleCode,
  ruleNameZh: r.nameZh,
  ruleNameEn: r.nameEn,
  kind: e.kind,
  points: e.points,
  date: e.date,
  reason: e.reason,
  evidence: e.evidence,
  status: e.status,
  source: e.source,
  submittedBy: e.submittedByName,
  submittedAt: e.submittedAt.toISOString(),
  reviewedBy: e.reviewedByName,
  reviewedAt: e.reviewedAt?.toISOString() ?? null,
  submittedByName: submitterName ?? null,
  reviewedByName: reviewerName ?? null,
  reviewNote: e.reviewNote,
  reversesId: e.reversesId,
  reversedById: reversedById ?? null,
  escalationId: e.escalationId,
  roundId: e.roundId,
  measure: e.measure,
});

export async function listEntries(tx: Tx, query: z.infer<typeof entryListQuerySchema>, unitId: number | null) {
  const filters: SQL[] = [];
  if (unitId !== null) filters.push(eq(cadres.unitId, unitId));
  if (query.status) filters.push(eq(pointsEntries.status, query.status));
  if (query.source) filters.push(eq(pointsEntries.source, query.source));
  if (query.cadreId) filters.push(eq(pointsEntries.cadreId, query.cadreId));
  const where = filters.length ? and(...filters) : undefined;
  // The review queue reads oldest first; the ledger newest first.
  const order = query.status === 'pending' ? [asc(pointsEntries.id)] : [desc(pointsEntries.date), desc(pointsEntries.id)];
  const [rows, [total]] = await Promise.all([
    selectEntries(tx)
      .where(where)
      .orderBy(...order)
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    tx.select({ n: count() }).from(pointsEntries).innerJoin(cadres, eq(cadres.id, pointsEntries.cadreId)).where(where),
  ]);
  return { items: rows.map(toEntry), total: total?.n ?? 0, page: query.page, pageSize: query.pageSize };
}

export async function findEntry(tx: Tx, id: number) {
  const [row] = await selectEntries(tx).where(eq(pointsEntries.id, id));
  return row ? toEntry(row) : undefined;
}

/** A cadre's entries of one status up to a date (the explanation of a standing), oldest first. */
export async function entriesOfCadre(tx: Tx, cadreId: number, status: 'approved' | 'pending', asOf?: string) {
  const rows = await selectEntries(tx)
    .where(and(eq(pointsEntries.cadreId, cadreId), eq(pointsEntries.status, status), asOf ? lte(pointsEntries.date, asOf) : undefined))
    .orderBy(asc(pointsEntries.date), asc(pointsEntries.id));
  return rows.map(toEntry);
}

export type EntryRow = typeof pointsEntries.$inferSelect;

export async function insertEntry(tx: Tx, values: typeof pointsEntries.$inferInsert) {
  const [row] = await tx.insert(pointsEntries).values(values).returning();
  return row!;
}

/** The entry, locked for its review or reversal. */
export async function lockEntry(tx: Tx, id: number) {
  const [entry] = await tx.select().from(pointsEntries).where(eq(pointsEntries.id, id)).for('update');
  return entry;
}

export async function setReview(
  tx: Tx,
  id: number,
  review: Pick<EntryRow, 'status' | 'reviewedBy' | 'reviewedByName' | 'reviewedAt' | 'reviewNote'>,
) {
  await tx.update(pointsEntries).set(review).where(eq(pointsEntries.id, id));
}

/** The reversal of an entry that still counts (pending or approved), if any. */
export async function liveReversalOf(tx: Tx, id: number) {
  const [live] = await tx
    .select()
    .from(pointsEntries)
    .where(and(eq(pointsEntries.reversesId, id), ne(pointsEntries.status, 'rejected')));
  return live;
}
