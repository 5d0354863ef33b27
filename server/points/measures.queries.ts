import { and, desc, eq, gte, isNull, lte, or } from 'drizzle-orm';
import type { MeasureRuleCode } from '#shared/points/vocabulary.ts';
import type { Tx } from '../db/client.ts';
import { departmentHeads, escalationMeasures, escalations, pointsEntries, rounds } from '../db/schema.ts';

/** The escalation record with its round's scheduled closing. */
export async function escalationWithClosing(tx: Tx, escalationId: number) {
  const [row] = await tx
    .select({ e: escalations, closesAt: rounds.closesAt })
    .from(escalations)
    .innerJoin(rounds, eq(rounds.id, escalations.roundId))
    .where(eq(escalations.id, escalationId));
  return row;
}

export async function headById(tx: Tx, id: number) {
  const [head] = await tx.select().from(departmentHeads).where(eq(departmentHeads.id, id));
  return head;
}

/** The department's head in office on a city day. */
export async function headOnDay(tx: Tx, departmentId: number, day: string) {
  const [head] = await tx
    .select()
    .from(departmentHeads)
    .where(
      and(
        eq(departmentHeads.departmentId, departmentId),
        lte(departmentHeads.since, day),
        or(isNull(departmentHeads.until), gte(departmentHeads.until, day)),
      ),
    );
  return head;
}

/** A measure's own entries (not reversals), the latest occurrence first. */
export function measureEntries(tx: Tx, escalationId: number, measure: MeasureRuleCode) {
  return tx
    .select()
    .from(pointsEntries)
    .where(and(eq(pointsEntries.escalationId, escalationId), eq(pointsEntries.measure, measure), isNull(pointsEntries.reversesId)))
    .orderBy(desc(pointsEntries.occurrence));
}

export const measuresOfRecord = (tx: Tx, escalationId: number) =>
  tx.select().from(escalationMeasures).where(eq(escalationMeasures.escalationId, escalationId));
