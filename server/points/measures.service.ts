// Automatic entries from the survey: a done escalation measure becomes the matching accountability entry
// on the responsible head's cadre record (approved by rule: the rulebook says what it costs), and a
// withdrawn measure gets the reversing entry. One entry per measure: retries and repeats change nothing.
import { rulebookInForce } from '#shared/points/rulebook.ts';
import type { MeasureRuleCode } from '#shared/points/vocabulary.ts';
import { appendAudit, SYSTEM_ACTOR } from '../audit/audit.writer.ts';
import type { ServiceContext } from '../context.ts';
import { cityDay } from '#shared/city-day.ts';
import { insertEntry, liveReversalOf } from './entries.queries.ts';
import * as q from './measures.queries.ts';
import { loadRulebooks } from './rules.service.ts';

export const RULE_ACTOR = 'rule'; // the reviewer of an automatic entry: the rulebook itself

export type MeasureOutcome = 'scored' | 'reversed' | 'unchanged' | 'no_cadre' | 'no_rule';

/**
 * The responsible head's tenure: the record names it (the head in office on the round's scheduled closing
 * day, decided by the escalation rule); records from before that was stored fall back to the same rule.
 */
export async function responsibleHead({ tx, zone }: ServiceContext, { escalationId }: { escalationId: number }) {
  const row = await q.escalationWithClosing(tx, escalationId);
  if (!row) return undefined;
  if (row.e.responsibleHeadId !== null) return { escalation: row.e, head: await q.headById(tx, row.e.responsibleHeadId) };
  return { escalation: row.e, head: await q.headOnDay(tx, row.e.departmentId, cityDay(row.closesAt, zone)) };
}

/**
 * Brings the ledger in line with one measure's state. Call it inside the transaction that changes the
 * measure (`ctx.tx`), after the change (the escalation row is locked there, so concurrent retries queue up).
 * The entries are the system's whoever acts: the rulebook, not the caller, decides them.
 */
export async function syncMeasureEntry(
  ctx: ServiceContext,
  ev: { escalationId: number; measure: MeasureRuleCode; done: boolean; date: string },
): Promise<MeasureOutcome> {
  const { tx, now, zone } = ctx;
  const found = await responsibleHead(ctx, ev);
  if (!found) return 'unchanged';
  const { escalation, head } = found;
  const [latest] = await q.measureEntries(tx, ev.escalationId, ev.measure);
  const reversal = latest ? await liveReversalOf(tx, latest.id) : undefined;
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
    const row = await insertEntry(tx, {
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
    });
    await appendAudit(
      tx,
      SYSTEM_ACTOR,
      {
        action: 'points.entry.auto',
        entityType: 'points_entry',
        entityId: row.id,
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
  const row = await insertEntry(tx, {
    ...approved,
    cadreId: live.cadreId,
    ruleVersion: live.ruleVersion,
    ruleCode: live.ruleCode,
    kind: live.kind,
    points: -live.points,
    date: cityDay(now, zone) < live.date ? live.date : cityDay(now, zone),
    reason: `问责措施已撤回，冲销第 ${live.id} 号积分记录`,
    evidence: `问责记录 #${escalation.id}（${escalation.roundId}）`,
    reversesId: live.id,
    escalationId: escalation.id,
    roundId: escalation.roundId,
    measure: ev.measure,
    occurrence: live.occurrence,
  });
  await appendAudit(
    tx,
    SYSTEM_ACTOR,
    {
      action: 'points.entry.auto_reverse',
      entityType: 'points_entry',
      entityId: row.id,
      summary: { reverses: live.id, cadreId: live.cadreId, escalationId: escalation.id, measure: ev.measure, points: -live.points },
    },
    now,
  );
  return 'reversed';
}

/** Every measure of a record as stored (escalation_measures): each done one scores, each undone one is reversed. */
export async function syncEscalationEntries(ctx: ServiceContext, { escalationId }: { escalationId: number }) {
  const measures = await q.measuresOfRecord(ctx.tx, escalationId);
  const outcomes: Partial<Record<MeasureRuleCode, MeasureOutcome>> = {};
  for (const m of measures) {
    outcomes[m.measure] = await syncMeasureEntry(ctx, {
      escalationId,
      measure: m.measure,
      done: m.status === 'done',
      date: m.doneAt ?? cityDay(ctx.now, ctx.zone),
    });
  }
  return outcomes;
}
