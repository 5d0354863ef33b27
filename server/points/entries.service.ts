// The ledger: submit (pending), four-eyes review, reversal instead of deletion. Every step audited.
import { rulebookInForce } from '#shared/points/rulebook.ts';
import type { EntryInput } from '#shared/schemas/points.ts';
import { appendAudit } from '../audit/audit.writer.ts';
import { findCadre } from '../cadres/cadres.queries.ts';
import { type ServiceContext, userIn } from '../context.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../errors.ts';
import * as q from './entries.queries.ts';
import { cityDay } from '#shared/city-day.ts';
import { loadRulebooks } from './rules.service.ts';

export async function submitEntry(ctx: ServiceContext, input: EntryInput) {
  const { tx: db, actor, now, zone } = ctx;
  const user = userIn(ctx);
  return db.transaction(async (tx) => {
    if (!(await findCadre(tx, input.cadreId)))
      throw new Invalid('No such cadre', [{ path: 'body.cadreId', message: 'unknown cadre' }], 'unknown_cadre');
    if (input.date > cityDay(now, zone))
      throw new Invalid(
        'An entry records something that happened: its date cannot be in the future',
        [{ path: 'body.date', message: 'today or earlier' }],
        'date_in_future',
      );
    const book = rulebookInForce(await loadRulebooks(tx), input.date);
    if (!book)
      throw new Invalid(
        `No rulebook was in force on ${input.date}`,
        [{ path: 'body.date', message: 'before the first rulebook' }],
        'no_rulebook_on_date',
      );
    const rule = book.rules.find((r) => r.code === input.ruleCode);
    if (!rule)
      throw new Invalid(
        `Rulebook ${book.version} has no rule "${input.ruleCode}"; its rules: ${book.rules.map((r) => r.code).join(', ')}`,
        [{ path: 'body.ruleCode', message: 'unknown rule' }],
        'unknown_rule',
      );
    const row = await q.insertEntry(tx, {
      cadreId: input.cadreId,
      ruleVersion: book.version,
      ruleCode: rule.code,
      kind: rule.kind,
      points: rule.points,
      date: input.date,
      reason: input.reason,
      evidence: input.evidence,
      status: 'pending',
      source: 'manual',
      submittedBy: user.id,
      submittedByName: user.username,
      submittedAt: now,
    });
    await appendAudit(
      tx,
      actor,
      {
        action: 'points.entry.submit',
        entityType: 'points_entry',
        entityId: row.id,
        summary: {
          cadreId: input.cadreId,
          ruleVersion: book.version,
          ruleCode: rule.code,
          points: rule.points,
          date: input.date,
          reason: input.reason,
          evidence: input.evidence,
        },
      },
      now,
    );
    return (await q.findEntry(tx, row.id))!;
  });
}

/** Four eyes: whoever submitted an entry cannot be the one who approves or rejects it. */
export async function reviewEntry(
  ctx: ServiceContext,
  { id, decision, note }: { id: number; decision: 'approved' | 'rejected'; note: string | undefined },
) {
  const { tx: db, actor, now } = ctx;
  const user = userIn(ctx);
  return db.transaction(async (tx) => {
    const entry = await q.lockEntry(tx, id);
    if (!entry) throw new NotFound('No such points entry');
    if (entry.submittedBy === user.id) throw new Forbidden('Four eyes: an entry is reviewed by someone other than its submitter');
    if (entry.status !== 'pending') throw new Conflict(`This entry was already ${entry.status}`, undefined, 'already_reviewed');
    await q.setReview(tx, id, {
      status: decision,
      reviewedBy: user.id,
      reviewedByName: user.username,
      reviewedAt: now,
      reviewNote: note || null,
    });
    await appendAudit(
      tx,
      actor,
      {
        action: decision === 'approved' ? 'points.entry.approve' : 'points.entry.reject',
        entityType: 'points_entry',
        entityId: id,
        summary: {
          cadreId: entry.cadreId,
          ruleCode: entry.ruleCode,
          points: entry.points,
          submittedBy: entry.submittedByName,
          note: note ?? null,
        },
      },
      now,
    );
    return (await q.findEntry(tx, id))!;
  });
}

/** A wrong approved entry is corrected by an entry with the opposite points, itself reviewed by four eyes. */
export async function reverseEntry(
  ctx: ServiceContext,
  { id, reversal: body }: { id: number; reversal: { reason: string; evidence?: string; date?: string } },
) {
  const { tx: db, actor, now, zone } = ctx;
  const user = userIn(ctx);
  return db.transaction(async (tx) => {
    const original = await q.lockEntry(tx, id);
    if (!original) throw new NotFound('No such points entry');
    if (original.status !== 'approved')
      throw new Conflict('Only an approved entry is reversed; a pending one is simply rejected', undefined, 'not_approved');
    if (original.reversesId !== null)
      throw new Conflict('This entry is itself a reversal; to restore the original, submit it again', undefined, 'is_reversal');
    const live = await q.liveReversalOf(tx, id);
    if (live) throw new Conflict(`Entry ${id} is already reversed (entry ${live.id})`, undefined, 'already_reversed');
    const date = body.date ?? cityDay(now, zone);
    if (date < original.date)
      throw new Invalid(`A reversal cannot predate the entry it reverses (${original.date})`, [
        { path: 'body.date', message: `on or after ${original.date}` },
      ]);
    const row = await q.insertEntry(tx, {
      cadreId: original.cadreId,
      ruleVersion: original.ruleVersion,
      ruleCode: original.ruleCode,
      kind: original.kind,
      points: -original.points,
      date,
      reason: body.reason,
      evidence: body.evidence || `冲销第 ${id} 号积分记录 · reverses entry ${id}`,
      status: 'pending',
      source: original.source,
      submittedBy: user.id,
      submittedByName: user.username,
      submittedAt: now,
      reversesId: id,
      escalationId: original.escalationId,
      roundId: original.roundId,
      measure: original.measure,
    });
    await appendAudit(
      tx,
      actor,
      {
        action: 'points.entry.reverse',
        entityType: 'points_entry',
        entityId: row.id,
        summary: {
          reverses: id,
          cadreId: original.cadreId,
          ruleCode: original.ruleCode,
          points: -original.points,
          date,
          reason: body.reason,
        },
      },
      now,
    );
    return (await q.findEntry(tx, row.id))!;
  });
}
