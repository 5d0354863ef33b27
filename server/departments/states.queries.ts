import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { appeals, departments, escalations, rectificationCases } from '../db/schema.ts';

export const allDepartments = (tx: Tx) => tx.select().from(departments);

/** The current (not superseded) escalation records of the rounds, of one department if given. */
export const currentRecords = (tx: Tx, roundIds: string[], departmentId: number | undefined) =>
  tx
    .select()
    .from(escalations)
    .where(
      and(
        isNull(escalations.supersededAt),
        inArray(escalations.roundId, roundIds),
        departmentId ? eq(escalations.departmentId, departmentId) : undefined,
      ),
    );

export const casesOf = (tx: Tx, roundIds: string[], departmentId: number | undefined) =>
  tx
    .select()
    .from(rectificationCases)
    .where(
      and(inArray(rectificationCases.roundId, roundIds), departmentId ? eq(rectificationCases.departmentId, departmentId) : undefined),
    );

export const appealsOf = (tx: Tx, roundIds: string[], departmentId: number | undefined) =>
  tx
    .select({ id: appeals.id, status: appeals.status, roundId: appeals.roundId, departmentId: appeals.departmentId })
    .from(appeals)
    .where(and(inArray(appeals.roundId, roundIds), departmentId ? eq(appeals.departmentId, departmentId) : undefined));
