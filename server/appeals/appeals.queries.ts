import { and, desc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Appeal } from '#shared/schemas/appeals.ts';
import type { Tx } from '../db/client.ts';
import { appeals, departments, users } from '../db/schema.ts';

export type AppealRow = typeof appeals.$inferSelect;
const decider = alias(users, 'decider');

/** Appeals with their department and who filed and decided them, newest first. */
export async function listAppeals(
  tx: Tx,
  where: { id?: number; roundId?: string; departmentId?: number; status?: AppealRow['status']; roundIds?: string[] } = {},
): Promise<Appeal[]> {
  const filters = [
    where.id !== undefined ? eq(appeals.id, where.id) : undefined,
    where.roundId ? eq(appeals.roundId, where.roundId) : undefined,
    where.departmentId !== undefined ? eq(appeals.departmentId, where.departmentId) : undefined,
    where.status ? eq(appeals.status, where.status) : undefined,
    where.roundIds ? inArray(appeals.roundId, where.roundIds) : undefined,
  ].filter((f) => f !== undefined);
  const rows = await tx
    .select({ a: appeals, d: departments, filer: users.displayName, decider: decider.displayName })
    .from(appeals) // people by name, never by login
    .innerJoin(departments, eq(departments.id, appeals.departmentId))
    .innerJoin(users, eq(users.id, appeals.filedBy))
    .leftJoin(decider, eq(decider.id, appeals.decidedBy))
    .where(filters.length ? and(...filters) : undefined)
    .orderBy(desc(appeals.filedAt), desc(appeals.id));
  return rows.map(({ a, d, filer, decider: by }) => ({
    id: a.id,
    roundId: a.roundId,
    departmentId: a.departmentId,
    departmentCode: d.code,
    departmentName: d.nameZh,
    departmentNameEn: d.nameEn,
    status: a.status,
    reasons: a.reasons,
    evidence: a.evidence as string[],
    filedBy: filer,
    filedAt: a.filedAt.toISOString(),
    deadline: a.deadline.toISOString(),
    decidedAt: a.decidedAt?.toISOString() ?? null,
    decidedBy: by,
    decisionReasons: a.decisionReasons,
    correction: (a.correction as Appeal['correction']) ?? null,
  }));
}

/** Pending appeals by (round, department): the escalation measures they hold. */
export async function pendingKeys(tx: Tx): Promise<Map<string, number>> {
  const rows = await tx
    .select({ id: appeals.id, roundId: appeals.roundId, departmentId: appeals.departmentId })
    .from(appeals)
    .where(eq(appeals.status, 'pending'));
  return new Map(rows.map((r) => [`${r.roundId}:${r.departmentId}`, r.id]));
}
