// Automatic entries from the survey: a done escalation measure becomes the matching accountability entry
// on the responsible head's cadre record (approved by rule: the rulebook says what it costs), and a
// withdrawn measure gets the reversing entry. One entry per measure: retries and repeats change nothing.
import { and, desc, eq, gte, isNull, lte, ne, or } from 'drizzle-orm';
import { rulebookInForce } from '#shared/points/rulebook.ts';
import type { MeasureRuleCode } from '#shared/points/vocabulary.ts';
import { appendAudit, SYSTEM_ACTOR } from '../audit/audit.writer.ts';
import type { Tx } from '../db/client.ts';
import { departmentHeads, escalationMeasures, escalations, pointsEntries, rounds } from '../db/schema.ts';
import { cityDay } from '#shared/city-day.ts';
import { loadRulebooks } from './rules.service.ts';

export const RULE_ACTOR = 'rule'; // the reviewer of an automatic entry: the rulebook itself

export type MeasureOutcome = 'scored' | 'reversed' | 'unchanged' | 'no_cadre' | 'no_rule';

/**
 * The responsible head's tenure: the record names it (the head in office on the round's scheduled closing
 * day, decided by the escalation rule); records from before that was stored fall back to the same rule.
 */
export async function responsibleHead(tx: Tx, escalationId: number, timeZone: string) {
  const [row] = await tx
    .select({ e: escalations, closesAt: rounds.closesAt })
    .from(escalations)
    .innerJoin(rounds, eq(rounds.id, escalations.roundId))
    .where(eq(escalations.id, escalationId));
  if (!row) return undefined;
  if (row.e.responsibleHeadId !== null) {
    const [head] = await tx.select().from(departmentHeads).where(eq(departmentHeads.id, row.e.responsibleHeadId));
    return { escalation: row.e, head };
  }
  const day = cityDay(row.closesAt, timeZone);
  const [head] = await tx
    .select()
    .from(departmentHeads)
    .where(
      and(
        eq(departmentHeads.departmentId, row.e.departmentId),
        lte(departmentHeads.since, day),
        or(isNull(departmentHeads.until), gte(departmentHeads.until, day)),
      ),
    );
  return { escalation: row.e, head };
}

/**
 * Brings the ledger in line with one measure's state. Call it inside the transaction that changes the
 * measure, after the change (the escalation row is locked there, so concurrent retries queue up).
 */
export async function syncMeasureEntry(
  tx: Tx,
  ev: { escalationId: number; measure: MeasureRuleCode; done: boolean; date: string },
  now: Date,
  timeZone: string,
): Promise<MeasureOutcome> {
  const found = await responsibleHead(tx, ev.escalationId, timeZone);
  if (!found) return 'unchanged';
  const { escalation, head } = found;
  const originals = await tx
    .select()
    .from(pointsEntries)
    .where(and(eq(pointsEntries.escalationId, ev.escalationId), eq(pointsEntries.measure, ev.measure), isNull(pointsEntries.reversesId)))
    .orderBy(desc(pointsEntries.occurrence));
  const latest = originals[0];
  const reversal = latest
    ? (
        await tx
          .select()
          .from(pointsEntries)
          .where(and(eq(pointsEntries.reversesId, latest.id), ne(pointsEntries.status, 'rejected')))
      )[0]
    : undefined;
  const live = latest && !reversal ? latest : undefined;
  const approved = {
    status: 'approved' as const,
    reviewedByName: RULE_ACTOR,
    reviewedAt: now,
    submittedByName: 'system',
    submittedAt: now,
    source: 'survey' as const,
  };

  if (ev.done) {
    if (live) return 'unchanged';
    const cadreId = head?.cadreId;
    if (!cadreId) return 'no_cadre';
    const book = rulebookInForce(await loadRulebooks(tx), ev.date);
    const rule = book?.rules.find((r) => r.code === ev.measure);
    if (!book || !rule) return 'no_rule';
    const [row] = await tx
      .insert(pointsEntries)
      .values({
        ...approved,
        cadreId,
        ruleVersion: book.version,
        ruleCode: rule.code,
        kind: rule.kind,
        points: rule.points,
        date: ev.date,
        // Stored for the record; pages word automatic entries from roundId, measure and escalationId in the reader's language.
        reason: `${escalation.roundId} 季度市场主体评部门问责：${rule.nameZh}`,
        evidence: `问责记录 #${escalation.id}（${escalation.roundId}）`,
        escalationId: escalation.id,
        roundId: escalation.roundId,
        measure: ev.measure,
        occurrence: (latest?.occurrence ?? 0) + 1,
      })
      .returning();
    await appendAudit(
      tx,
      SYSTEM_ACTOR,
      {
        action: 'points.entry.auto',
        entityType: 'points_entry',
        entityId: row!.id,
        summary: {
          cadreId,
          headId: head!.id,
          escalationId: escalation.id,
          roundId: escalation.roundId,
          measure: ev.measure,
          ruleVersion: book.version,
          points: rule.points,
          date: ev.date,
        },
      },
      now,
    );
    return 'scored';
  }

  if (!live) return 'unchanged';
  const [row] = await tx
    .insert(pointsEntries)
    .values({
      ...approved,
      cadreId: live.cadreId,
      ruleVersion: live.ruleVersion,
      ruleCode: live.ruleCode,
      kind: live.kind,
      points: -live.points,
      date: cityDay(now, timeZone) < live.date ? live.date : cityDay(now, timeZone),
      reason: `问责措施已撤回，冲销第 ${live.id} 号积分记录`,
      evidence: `问责记录 #${escalation.id}（${escalation.roundId}）`,
      reversesId: live.id,
      escalationId: escalation.id,
      roundId: escalation.roundId,
      measure: ev.measure,
      occurrence: live.occurrence,
    })
    .returning();
  await appendAudit(
    tx,
    SYSTEM_ACTOR,
    {
      action: 'points.entry.auto_reverse',
      entityType: 'points_entry',
      entityId: row!.id,
      summary: { reverses: live.id, cadreId: live.cadreId, escalationId: escalation.id, measure: ev.measure, points: -live.points },
    },
    now,
  );
  return 'reversed';
}

/** Every measure of a record as stored (escalation_measures): each done one scores, each undone one is reversed. */
export async function syncEscalationEntries(tx: Tx, escalationId: number, now: Date, timeZone: string) {
  const measures = await tx.select().from(escalationMeasures).where(eq(escalationMeasures.escalationId, escalationId));
  const outcomes: Partial<Record<MeasureRuleCode, MeasureOutcome>> = {};
  for (const m of measures) {
    outcomes[m.measure] = await syncMeasureEntry(
      tx,
      { escalationId, measure: m.measure, done: m.status === 'done', date: m.doneAt ?? cityDay(now, timeZone) },
      now,
      timeZone,
    );
  }
  return outcomes;
}
