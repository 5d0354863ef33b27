import { and, asc, count, desc, eq, like, lt, lte, ne } from 'drizzle-orm';
import type { ReasonEntry } from '#shared/reasons.ts';
import type { Scale } from '#shared/results/scale.ts';
import type { Round, StratifyBy } from '#shared/schemas/rounds.ts';
import type { Tx } from '../db/client.ts';
import { roundDepartments, rounds } from '../db/schema.ts';

export type RoundRow = typeof rounds.$inferSelect;
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The fields the disclosure rules (shared/round-lifecycle.ts) read, from a stored row. */
export const disclosureOf = (r: Pick<RoundRow, 'status' | 'closedAt' | 'finalizedAt'>) => ({
  status: r.status,
  closedAt: iso(r.closedAt),
  finalizedAt: iso(r.finalizedAt),
});

export function toRound(r: RoundRow, depts: (typeof roundDepartments.$inferSelect)[]): Round {
  return {
    id: r.id,
    status: r.status,
    sampleSize: r.sampleSize,
    stratifyBy: r.stratifyBy as StratifyBy | null,
    rotationExclusion: r.rotationExclusion,
    votesLimit: r.votesLimit,
    minRatings: r.minRatings,
    bottomN: r.bottomN,
    escalationPolicy: r.escalationPolicy,
    scale: r.scale as Scale,
    reasons: r.reasons as ReasonEntry[],
    officialRanking: r.officialRanking,
    opensAt: r.opensAt.toISOString(),
    closesAt: r.closesAt.toISOString(),
    poolHash: r.poolHash,
    poolSize: r.poolSize,
    frozenAt: iso(r.frozenAt),
    seed: r.seed,
    seedSource: r.seedSource as 'ceremony' | 'server' | null,
    quotas: r.quotas as Record<string, number> | null,
    drawnAt: iso(r.drawnAt),
    openedAt: iso(r.openedAt),
    closedAt: iso(r.closedAt),
    publishedAt: iso(r.publishedAt),
    finalizedAt: iso(r.finalizedAt),
    voidedAt: iso(r.voidedAt),
    voidReason: r.voidReason,
    contactPlan: r.contactPlan,
    departments: depts.map((d) => ({
      departmentId: d.departmentId,
      code: d.code,
      nameZh: d.nameZh,
      nameEn: d.nameEn,
      category: d.category,
    })),
  };
}

export const findRound = async (tx: Tx, id: string, opts: { forUpdate?: boolean } = {}) => {
  const q = tx.select().from(rounds).where(eq(rounds.id, id));
  return (await (opts.forUpdate ? q.for('update') : q))[0];
};

export const roundsOfQuarter = (tx: Tx, quarter: string) =>
  tx
    .select()
    .from(rounds)
    .where(like(rounds.id, `${quarter}%`));

export const listRounds = (tx: Tx) => tx.select().from(rounds).orderBy(desc(rounds.id));

export const roundDepartmentRows = (tx: Tx, roundId: string) =>
  tx.select().from(roundDepartments).where(eq(roundDepartments.roundId, roundId)).orderBy(asc(roundDepartments.position));

export const departmentCounts = async (tx: Tx) => {
  const rows = await tx.select({ roundId: roundDepartments.roundId, n: count() }).from(roundDepartments).groupBy(roundDepartments.roundId);
  return new Map(rows.map((r) => [r.roundId, r.n]));
};

export const insertRound = (tx: Tx, values: typeof rounds.$inferInsert) => tx.insert(rounds).values(values);

/** Closes an open round whose deadline has passed; true when this call closed it (a retry changes nothing). */
export async function closeIfPastDeadline(tx: Tx, id: string, now: Date): Promise<boolean> {
  const closed = await tx
    .update(rounds)
    .set({ status: 'closed', closedAt: now, updatedAt: now })
    .where(and(eq(rounds.id, id), eq(rounds.status, 'open'), lte(rounds.closesAt, now)))
    .returning({ id: rounds.id });
  return closed.length > 0;
}

/** The round's own copy of its departments (names as they were when it was set up). */
export const insertRoundDepartments = (tx: Tx, rows: (typeof roundDepartments.$inferInsert)[]) => tx.insert(roundDepartments).values(rows);

export const deleteRoundDepartments = (tx: Tx, roundId: string) => tx.delete(roundDepartments).where(eq(roundDepartments.roundId, roundId));

export const updateRound = async (tx: Tx, id: string, values: Partial<typeof rounds.$inferInsert>) =>
  (await tx.update(rounds).set(values).where(eq(rounds.id, id)).returning())[0]!;

/** The latest drawn, not voided round before this one: its sample is excluded by rotation. */
export const previousDrawnRound = async (tx: Tx, id: string) =>
  (
    await tx
      .select()
      .from(rounds)
      .where(and(lt(rounds.id, id), ne(rounds.status, 'voided'), ne(rounds.status, 'draft'), ne(rounds.status, 'pool_frozen')))
      .orderBy(desc(rounds.id))
      .limit(1)
  )[0];
