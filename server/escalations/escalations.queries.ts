import { and, asc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { cityDay } from '#shared/city-day.ts';
import { policyForVersion, type RoundOutcome, type Tenure } from '#shared/results/escalation.ts';
import { guardDecisions, watchedDepartments, type GuardDecision } from '#shared/results/escalation-guard.ts';
import type { Tx } from '../db/client.ts';
import {
  appeals,
  departmentHeads,
  departments,
  escalationMeasures,
  escalations,
  escalationWatchReviews,
  rounds,
  users,
} from '../db/schema.ts';
import { publishedHistory, type ResultRow } from '../results/results.queries.ts';

export type EscalationRow = typeof escalations.$inferSelect;
export type MeasureRow = typeof escalationMeasures.$inferSelect;
export type NewEscalationRow = typeof escalations.$inferInsert;
export type NewMeasureRow = typeof escalationMeasures.$inferInsert;
export type AppealRef = { id: number; status: (typeof appeals.$inferSelect)['status'] };

/** Published rounds with their current results, as the rule reads them (closing day in the city). */
export async function roundOutcomes(tx: Tx, timeZone: string): Promise<{ outcomes: RoundOutcome[]; history: ResultRow[] }> {
  const history = await publishedHistory(tx);
  const ids = history.map((h) => h.roundId);
  const rows = ids.length
    ? await tx
        .select({ id: rounds.id, closesAt: rounds.closesAt, policy: rounds.escalationPolicy })
        .from(rounds)
        .where(inArray(rounds.id, ids))
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  // Under a policy with the statistical guard, a watched department brings no measures (unless the
  // supervisor overrode the watch): the rule sees it as not flagged, so its streak ends there.
  const guarded = history.some((h) => policyForVersion(byId.get(h.roundId)!.policy).guard);
  const overridden = new Set(
    guarded
      ? (await tx.select().from(escalationWatchReviews).where(eq(escalationWatchReviews.decision, 'override'))).map(
          (r) => `${r.roundId}:${r.departmentId}`,
        )
      : [],
  );
  const outcomes = history.map((h) => {
    const r = byId.get(h.roundId)!;
    const watched = watchedDepartments(
      roundGuard(h, r.policy),
      new Set([...overridden].filter((k) => k.startsWith(`${h.roundId}:`)).map((k) => Number(k.split(':')[1]))),
    );
    const flaggedDepartmentIds = h.payload.results.flaggedDepartmentIds.filter((id) => !watched.has(id));
    return { roundId: h.roundId, policyVersion: r.policy, closingDay: cityDay(r.closesAt, timeZone), flaggedDepartmentIds };
  });
  return { outcomes, history };
}

export async function tenures(tx: Tx): Promise<(Tenure & { name: string; title: string })[]> {
  const rows = await tx.select().from(departmentHeads);
  return rows.map((h) => ({ headId: h.id, departmentId: h.departmentId, since: h.since, until: h.until, name: h.name, title: h.title }));
}

/** Records not superseded, with their measures. */
export async function currentRecords(tx: Tx) {
  const rows = await tx.select().from(escalations).where(isNull(escalations.supersededAt));
  return withMeasures(tx, rows);
}

export async function supersededRecords(tx: Tx) {
  const rows = await tx.select().from(escalations).where(isNotNull(escalations.supersededAt));
  return withMeasures(tx, rows);
}

export async function recordById(tx: Tx, id: number, forUpdate = false) {
  const q = tx.select().from(escalations).where(eq(escalations.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export const measuresOf = (tx: Tx, escalationId: number) =>
  tx.select().from(escalationMeasures).where(eq(escalationMeasures.escalationId, escalationId)).orderBy(asc(escalationMeasures.id));

export async function withMeasures(tx: Tx, rows: EscalationRow[]) {
  const ids = rows.map((r) => r.id);
  const ms = ids.length
    ? await tx.select().from(escalationMeasures).where(inArray(escalationMeasures.escalationId, ids)).orderBy(asc(escalationMeasures.id))
    : [];
  const byRecord = new Map<number, MeasureRow[]>();
  for (const m of ms) byRecord.set(m.escalationId, [...(byRecord.get(m.escalationId) ?? []), m]);
  return rows.map((e) => ({ e, measures: byRecord.get(e.id) ?? [] }));
}

export const departmentRows = (tx: Tx) => tx.select().from(departments).orderBy(asc(departments.code));

export async function departmentById(tx: Tx, id: number) {
  const [row] = await tx.select().from(departments).where(eq(departments.id, id));
  return row;
}

/** Each (round, department)'s appeal, shown on its records (a pending one holds their measures). */
export async function appealsByRecord(tx: Tx): Promise<Map<string, AppealRef>> {
  const rows = await tx
    .select({ id: appeals.id, status: appeals.status, roundId: appeals.roundId, departmentId: appeals.departmentId })
    .from(appeals);
  return new Map(rows.map((r) => [`${r.roundId}:${r.departmentId}`, { id: r.id, status: r.status }]));
}

/** A new record with its measures. */
export async function insertRecord(tx: Tx, record: NewEscalationRow, measures: Omit<NewMeasureRow, 'escalationId'>[]) {
  const [row] = await tx.insert(escalations).values(record).returning();
  await tx.insert(escalationMeasures).values(measures.map((m) => ({ ...m, escalationId: row!.id })));
  return row!;
}

export async function updateRecord(tx: Tx, id: number, set: Partial<NewEscalationRow>) {
  await tx.update(escalations).set(set).where(eq(escalations.id, id));
}

export async function updateMeasureRow(tx: Tx, id: number, set: Partial<NewMeasureRow>) {
  await tx.update(escalationMeasures).set(set).where(eq(escalationMeasures.id, id));
}

/** A withdrawn record's measures are withdrawn with it. */
export async function withdrawMeasures(tx: Tx, escalationId: number, now: Date) {
  await tx.update(escalationMeasures).set({ status: 'withdrawn', updatedAt: now }).where(eq(escalationMeasures.escalationId, escalationId));
}

/** The guard's decisions for one published round's current results (none when its policy has no guard). */
export function roundGuard(row: Pick<ResultRow, 'payload'>, policyVersion: string): GuardDecision[] {
  const policy = policyForVersion(policyVersion);
  if (!policy.guard) return [];
  const { results } = row.payload;
  return guardDecisions(policy, {
    flagged: results.departments
      .filter((d) => d.flagged)
      .map((d) => ({ departmentId: d.departmentId, pBottom: d.pBottom, mean: d.mean, n: d.n })),
    funnel: results.funnel,
  });
}

/** Every watch review, with the reviewer's name. */
export const watchReviews = (tx: Tx) =>
  tx
    .select({ r: escalationWatchReviews, by: users.displayName })
    .from(escalationWatchReviews)
    .innerJoin(users, eq(users.id, escalationWatchReviews.reviewedBy));

export async function watchReviewOf(tx: Tx, roundId: string, departmentId: number) {
  const [row] = await tx
    .select()
    .from(escalationWatchReviews)
    .where(and(eq(escalationWatchReviews.roundId, roundId), eq(escalationWatchReviews.departmentId, departmentId)));
  return row;
}

export const roundWatchReviews = (tx: Tx, roundId: string) =>
  tx.select().from(escalationWatchReviews).where(eq(escalationWatchReviews.roundId, roundId));

export async function insertWatchReview(tx: Tx, review: typeof escalationWatchReviews.$inferInsert) {
  await tx.insert(escalationWatchReviews).values(review);
}

export async function roundPolicy(tx: Tx, roundId: string) {
  const [row] = await tx.select({ policy: rounds.escalationPolicy }).from(rounds).where(eq(rounds.id, roundId));
  return row?.policy;
}
