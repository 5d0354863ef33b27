import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Appeal } from '#shared/schemas/appeals.ts';
import type { Tx } from '../db/client.ts';
import { appeals, departments, escalationMeasures, escalations, users } from '../db/schema.ts';

export type AppealRow = typeof appeals.$inferSelect;
export type EscalationStatus = (typeof escalations.$inferSelect)['status'];
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

/** The department's current escalation record for the round, locked for the filing or the decision. */
export async function lockCurrentRecord(tx: Tx, roundId: string, departmentId: number) {
  const [e] = await tx
    .select()
    .from(escalations)
    .where(and(eq(escalations.roundId, roundId), eq(escalations.departmentId, departmentId), isNull(escalations.supersededAt)))
    .for('update');
  return e;
}

export const measuresOf = (tx: Tx, escalationId: number) =>
  tx.select().from(escalationMeasures).where(eq(escalationMeasures.escalationId, escalationId));

export async function setRecordStatus(tx: Tx, id: number, status: EscalationStatus, now: Date) {
  await tx.update(escalations).set({ status, updatedAt: now }).where(eq(escalations.id, id));
}

export async function setMeasureStatus(tx: Tx, id: number, status: EscalationStatus, now: Date) {
  await tx.update(escalationMeasures).set({ status, updatedAt: now }).where(eq(escalationMeasures.id, id));
}

export async function appealIdOf(tx: Tx, roundId: string, departmentId: number) {
  const [row] = await tx
    .select({ id: appeals.id })
    .from(appeals)
    .where(and(eq(appeals.roundId, roundId), eq(appeals.departmentId, departmentId)));
  return row?.id;
}

/** The appeal, locked for its decision. */
export async function lockAppeal(tx: Tx, id: number) {
  const [appeal] = await tx.select().from(appeals).where(eq(appeals.id, id)).for('update');
  return appeal;
}

export async function insertAppeal(tx: Tx, values: typeof appeals.$inferInsert) {
  const [row] = await tx.insert(appeals).values(values).returning({ id: appeals.id });
  return row!.id;
}

export async function recordDecision(
  tx: Tx,
  id: number,
  decision: Pick<AppealRow, 'status' | 'decidedAt' | 'decidedBy' | 'decisionReasons' | 'correction'>,
) {
  await tx.update(appeals).set(decision).where(eq(appeals.id, id));
}
