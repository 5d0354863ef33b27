// The ledger: submit (pending), four-eyes review, reversal instead of deletion. Every step audited.
import { and, eq, ne } from 'drizzle-orm';
import { rulebookInForce } from '#shared/points/rulebook.ts';
import type { EntryInput } from '#shared/schemas/points.ts';
import { appendAudit, type Actor } from '../audit/audit.writer.ts';
import type { SessionUser } from '../auth/access.ts';
import { findCadre } from '../cadres/cadres.queries.ts';
import type { Db } from '../db/client.ts';
import { pointsEntries } from '../db/schema.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../errors.ts';
import { findEntry } from './entries.queries.ts';
import { cityDay } from '#shared/city-day.ts';
import { loadRulebooks } from './rules.service.ts';

const actorOfUser = (u: SessionUser): Actor => ({ id: u.id, name: u.username });

export async function submitEntry(db: Db, user: SessionUser, input: EntryInput, now: Date, timeZone: string) {
  return db.transaction(async (tx) => {
    if (!(await findCadre(tx, input.cadreId)))
      throw new Invalid('No such cadre', [{ path: 'body.cadreId', message: 'unknown cadre' }], 'unknown_cadre');
    if (input.date > cityDay(now, timeZone))
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
    const [row] = await tx
      .insert(pointsEntries)
      .values({
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
      })
      .returning();
    await appendAudit(
      tx,
      actorOfUser(user),
      {
        action: 'points.entry.submit',
        entityType: 'points_entry',
        entityId: row!.id,
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
    return (await findEntry(tx, row!.id))!;
  });
}

/** Four eyes: whoever submitted an entry cannot be the one who approves or rejects it. */
export async function reviewEntry(
  db: Db,
  user: SessionUser,
  id: number,
  decision: 'approved' | 'rejected',
  note: string | undefined,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const [entry] = await tx.select().from(pointsEntries).where(eq(pointsEntries.id, id)).for('update');
    if (!entry) throw new NotFound('No such points entry');
    if (entry.submittedBy === user.id) throw new Forbidden('Four eyes: an entry is reviewed by someone other than its submitter');
    if (entry.status !== 'pending') throw new Conflict(`This entry was already ${entry.status}`, undefined, 'already_reviewed');
    await tx
      .update(pointsEntries)
      .set({ status: decision, reviewedBy: user.id, reviewedByName: user.username, reviewedAt: now, reviewNote: note || null })
      .where(eq(pointsEntries.id, id));
    await appendAudit(
      tx,
      actorOfUser(user),
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
    return (await findEntry(tx, id))!;
  });
}

/** A wrong approved entry is corrected by an entry with the opposite points, itself reviewed by four eyes. */
export async function reverseEntry(
  db: Db,
  user: SessionUser,
  id: number,
  body: { reason: string; evidence?: string; date?: string },
  now: Date,
  timeZone: string,
) {
  return db.transaction(async (tx) => {
    const [original] = await tx.select().from(pointsEntries).where(eq(pointsEntries.id, id)).for('update');
    if (!original) throw new NotFound('No such points entry');
    if (original.status !== 'approved')
      throw new Conflict('Only an approved entry is reversed; a pending one is simply rejected', undefined, 'not_approved');
    if (original.reversesId !== null)
      throw new Conflict('This entry is itself a reversal; to restore the original, submit it again', undefined, 'is_reversal');
    const [live] = await tx
      .select({ id: pointsEntries.id })
      .from(pointsEntries)
      .where(and(eq(pointsEntries.reversesId, id), ne(pointsEntries.status, 'rejected')));
    if (live) throw new Conflict(`Entry ${id} is already reversed (entry ${live.id})`, undefined, 'already_reversed');
    const date = body.date ?? cityDay(now, timeZone);
    if (date < original.date)
      throw new Invalid(`A reversal cannot predate the entry it reverses (${original.date})`, [
        { path: 'body.date', message: `on or after ${original.date}` },
      ]);
    const [row] = await tx
      .insert(pointsEntries)
      .values({
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
      })
      .returning();
    await appendAudit(
      tx,
      actorOfUser(user),
      {
        action: 'points.entry.reverse',
        entityType: 'points_entry',
        entityId: row!.id,
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
    return (await findEntry(tx, row!.id))!;
  });
}
