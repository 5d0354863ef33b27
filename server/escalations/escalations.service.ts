// Escalation across quarters: streaks over published rounds, applied to the head in office at publication.
import { and, asc, eq, gte, isNull, lte, or } from 'drizzle-orm';
import { levelForStreak, policyForVersion, streaks, type FlaggedRound } from '../../shared/results/escalation.ts';
import { scheduledHasDate, type EscalationRecord, type escalationPatchSchema } from '../../shared/schemas/results.ts';
import type { z } from 'zod';
import { appendAudit, type Actor } from '../audit/audit.writer.ts';
import type { Db, Tx } from '../db/client.ts';
import { departmentHeads, departments, escalations, rounds } from '../db/schema.ts';
import { Invalid, NotFound } from '../errors.ts';
import { publishedHistory } from '../results/results.queries.ts';
import { syncEscalationEntries } from '../points/measures.service.ts';

const flaggedHistory = async (tx: Tx): Promise<FlaggedRound[]> =>
  (await publishedHistory(tx)).map((h) => ({ roundId: h.roundId, flaggedDepartmentIds: h.payload.results.flaggedDepartmentIds }));

async function headInOffice(tx: Tx, departmentId: number, day: string) {
  const [head] = await tx.select().from(departmentHeads).where(and(
    eq(departmentHeads.departmentId, departmentId), lte(departmentHeads.since, day),
    or(isNull(departmentHeads.until), gte(departmentHeads.until, day)),
  ));
  return head;
}

/** Called inside the publish transaction, after the round's results are marked published. */
export async function escalateOnPublish(tx: Tx, roundId: string, now: Date) {
  const [round] = await tx.select().from(rounds).where(eq(rounds.id, roundId));
  const policy = policyForVersion(round!.escalationPolicy);
  const current = streaks(await flaggedHistory(tx));
  const day = now.toISOString().slice(0, 10);
  const created: { code: string; level: string; streak: number }[] = [];
  for (const [departmentId, streak] of current) {
    const level = levelForStreak(policy, streak);
    if (!level) continue;
    const head = await headInOffice(tx, departmentId, day);
    await tx.insert(escalations).values({
      roundId, departmentId, level, streak, policyVersion: policy.version,
      headName: head?.name ?? null, headTitle: head?.title ?? null, createdAt: now, updatedAt: now,
    });
    const [d] = await tx.select({ code: departments.code }).from(departments).where(eq(departments.id, departmentId));
    created.push({ code: d!.code, level, streak });
  }
  return created;
}

/** After a correction: departments no longer flagged are withdrawn, newly flagged ones escalated. */
export async function reviseEscalations(tx: Tx, roundId: string, now: Date) {
  const existing = await tx.select().from(escalations).where(eq(escalations.roundId, roundId));
  const current = streaks(await flaggedHistory(tx));
  const withdrawn: number[] = [];
  for (const e of existing) {
    if (!current.has(e.departmentId) && e.status !== 'withdrawn') {
      const [after] = await tx.update(escalations).set({ status: 'withdrawn', updatedAt: now }).where(eq(escalations.id, e.id)).returning();
      await syncEscalationEntries(tx, after!, now);
      withdrawn.push(e.departmentId);
    }
  }
  const known = new Set(existing.map((e) => e.departmentId));
  const [round] = await tx.select().from(rounds).where(eq(rounds.id, roundId));
  const policy = policyForVersion(round!.escalationPolicy);
  const added: number[] = [];
  for (const [departmentId, streak] of current) {
    const level = levelForStreak(policy, streak);
    if (!level || known.has(departmentId)) continue;
    const head = await headInOffice(tx, departmentId, now.toISOString().slice(0, 10));
    await tx.insert(escalations).values({ roundId, departmentId, level, streak, policyVersion: policy.version, headName: head?.name ?? null, headTitle: head?.title ?? null, createdAt: now, updatedAt: now });
    added.push(departmentId);
  }
  return { withdrawn, added };
}

function toRecord(e: typeof escalations.$inferSelect, d: { code: string; nameZh: string; nameEn: string | null }): EscalationRecord {
  return {
    id: e.id, roundId: e.roundId, departmentId: e.departmentId, departmentCode: d.code, departmentName: d.nameZh, departmentNameEn: d.nameEn,
    level: e.level as EscalationRecord['level'], streak: e.streak, policyVersion: e.policyVersion, headName: e.headName, headTitle: e.headTitle,
    status: e.status, scheduledFor: e.scheduledFor, doneAt: e.doneAt, notes: e.notes, commitment: e.commitment, createdAt: e.createdAt.toISOString(),
  };
}

/** The board: every department's current streak and level, and the escalation records (newest first). */
export async function escalationBoard(db: Db, onlyDepartmentId: number | null) {
  const history = await flaggedHistory(db);
  const current = streaks(history);
  const [depts, rows] = await Promise.all([
    db.select().from(departments).orderBy(asc(departments.code)),
    db.select({ e: escalations, d: departments }).from(escalations).innerJoin(departments, eq(departments.id, escalations.departmentId)),
  ]);
  const policy = policyForVersion(history.length ? (await db.select().from(rounds).where(eq(rounds.id, history.at(-1)!.roundId)))[0]!.escalationPolicy : '2021-v1');
  const visible = (id: number) => onlyDepartmentId === null || id === onlyDepartmentId;
  return {
    departments: depts.filter((d) => visible(d.id)).map((d) => {
      const streak = current.get(d.id) ?? 0;
      const flaggedIn = history.filter((h) => h.flaggedDepartmentIds.includes(d.id));
      return {
        departmentId: d.id, code: d.code, name: d.nameZh, nameEn: d.nameEn, category: d.category, streak, level: levelForStreak(policy, streak),
        lastFlaggedRound: flaggedIn.at(-1)?.roundId ?? null, timesFlagged: flaggedIn.length,
      };
    }),
    records: rows.filter((r) => visible(r.e.departmentId))
      .sort((a, b) => (a.e.roundId === b.e.roundId ? a.d.code.localeCompare(b.d.code) : a.e.roundId < b.e.roundId ? 1 : -1))
      .map((r) => toRecord(r.e, r.d)),
  };
}

export async function updateEscalation(db: Db, actor: Actor, id: number, patch: z.infer<typeof escalationPatchSchema>, now: Date) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(escalations).where(eq(escalations.id, id)).for('update');
    if (!before) throw new NotFound('No such escalation record');
    // Marked done without a date: done today (the city's day, UTC+8).
    const change = patch.status === 'done' && patch.doneAt === undefined && !before.doneAt
      ? { ...patch, doneAt: new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10) } : patch;
    if (!scheduledHasDate({ ...before, ...change })) {
      throw new Invalid('A scheduled escalation needs the date it is scheduled for.', [{ path: 'body.scheduledFor', message: 'required when status is scheduled' }]);
    }
    const [after] = await tx.update(escalations).set({ ...change, updatedAt: now }).where(eq(escalations.id, id)).returning();
    // The responsible head's points follow the measures (idempotent: a retried PATCH adds nothing).
    await syncEscalationEntries(tx, after!, now);
    const keys = Object.keys(change) as (keyof typeof before)[];
    await appendAudit(tx, actor, {
      action: 'escalation.update', entityType: 'escalation', entityId: id,
      summary: { roundId: before.roundId, departmentId: before.departmentId, before: Object.fromEntries(keys.map((k) => [k, before[k]])), after: change },
    }, now);
    const [d] = await tx.select().from(departments).where(eq(departments.id, after!.departmentId));
    return toRecord(after!, d!);
  });
}

/** Per published round: rank, mean, flagged, and the streak and level as they stood then. */
export async function departmentHistory(db: Db, departmentId: number) {
  const [dept] = await db.select().from(departments).where(eq(departments.id, departmentId));
  if (!dept) throw new NotFound('Department not found');
  const history = await publishedHistory(db);
  const roundRows = await db.select().from(rounds);
  const policyOf = new Map(roundRows.map((r) => [r.id, r.escalationPolicy]));
  const flags: FlaggedRound[] = [];
  const entries = [];
  for (const h of history) {
    const res = h.payload.results;
    flags.push({ roundId: h.roundId, flaggedDepartmentIds: res.flaggedDepartmentIds });
    const row = res.departments.find((d) => d.departmentId === departmentId);
    if (!row) continue;
    const streak = streaks(flags).get(departmentId) ?? 0;
    entries.push({
      roundId: h.roundId, publishedAt: h.publishedAt!.toISOString(), rank: row.rank, rankedCount: res.rankedCount, mean: row.mean, n: row.n,
      leastSatisfiedVotes: row.leastSatisfiedVotes, satisfactionRate: row.satisfactionRate, flagged: row.flagged, streak,
      level: levelForStreak(policyForVersion(policyOf.get(h.roundId) ?? '2021-v1'), streak),
    });
  }
  return { department: { id: dept.id, code: dept.code, nameZh: dept.nameZh, nameEn: dept.nameEn }, rounds: entries };
}
