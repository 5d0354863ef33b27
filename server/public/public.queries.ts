// The public pages' SQL: only what is disclosed (the flagged departments' measures and rectification cases).
import { and, count, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { departments, escalations, ledgerEntries, rectificationCases } from '../db/schema.ts';

/** The round's current escalation records with their department's code. */
export const currentEscalations = (tx: Tx, roundId: string) =>
  tx
    .select({ e: escalations, code: departments.code })
    .from(escalations)
    .innerJoin(departments, eq(departments.id, escalations.departmentId))
    .where(and(eq(escalations.roundId, roundId), isNull(escalations.supersededAt)));

/** The round's rectification cases with their department's code. */
export const roundCases = (tx: Tx, roundId: string) =>
  tx
    .select({ c: rectificationCases, code: departments.code })
    .from(rectificationCases)
    .innerJoin(departments, eq(departments.id, rectificationCases.departmentId))
    .where(eq(rectificationCases.roundId, roundId));

/** How many ledger entries each case has (never what they say). */
export const ledgerCounts = (tx: Tx, caseIds: number[]) =>
  tx
    .select({ caseId: ledgerEntries.caseId, n: count() })
    .from(ledgerEntries)
    .where(inArray(ledgerEntries.caseId, caseIds))
    .groupBy(ledgerEntries.caseId);
