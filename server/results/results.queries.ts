import { and, count, desc, eq, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { IntegrityReport, RobustnessVariant } from '#shared/integrity/report.ts';
import { compareRounds } from '#shared/results/quarters.ts';
import type { RoundResults } from '#shared/results/compute.ts';
import type { RatingLevel } from '#shared/results/scale.ts';
import type { Tx } from '../db/client.ts';
import type { StoredWeighted } from './weighted.ts';
import type { OfficialRanking } from '#shared/results/official-ranking.ts';
import type { UnweightedLineView } from '#shared/schemas/integrity.ts';
import { reasonCounts, type ReasonCode, type ReasonCount } from '#shared/reasons.ts';
import { leastSatisfiedVotes, ratingReasons, ratings, responses, roundResults, rounds } from '../db/schema.ts';

/** What is stored for one computed version: the pure results plus what the views need beside them. */
export interface StoredResults {
  results: RoundResults;
  meta: Record<number, { nameEn: string | null; category: string }>;
  responses: number;
  escalationPolicy: string;
  /** The integrity check of the same answers (absent in versions computed before it existed). */
  integrity?: IntegrityReport;
  /** Answers left out of this version (a correction after an upheld appeal). */
  excluded?: { variant: RobustnessVariant; answers: number };
  /** Post-stratified to the registry (absent in versions computed before it existed, or leaving answers out). */
  weighted?: StoredWeighted;
  /**
   * Reasons for 不满意 per department, already suppressed below 3 (raw counts are never stored here); from
   * all of the round's answers, also in a version that leaves some out. Absent before reasons existed.
   */
  reasons?: Record<number, ReasonCount[]>;
  /**
   * Which ranking `results` follows: the round's rule and the one applied (weighted only with a weighted
   * variant), and then the unweighted ranking as a robustness line. Absent before the choice existed.
   */
  ranking?: { rule: OfficialRanking; applied: OfficialRanking; unweighted: UnweightedLineView | null };
}
export type ResultRow = Omit<typeof roundResults.$inferSelect, 'payload'> & { payload: StoredResults };

/** Rating counts per department and level, and votes per department: the SQL does the heavy lifting. */
export async function aggregate(tx: Tx, roundId: string) {
  // One after another: inside a transaction there is one connection, and pg refuses overlapping queries.
  const levelRows = await tx
    .select({ departmentId: ratings.departmentId, level: ratings.level, n: count() })
    .from(ratings)
    .where(eq(ratings.roundId, roundId))
    .groupBy(ratings.departmentId, ratings.level);
  const voteRows = await tx
    .select({ departmentId: leastSatisfiedVotes.departmentId, votes: count() })
    .from(leastSatisfiedVotes)
    .where(eq(leastSatisfiedVotes.roundId, roundId))
    .groupBy(leastSatisfiedVotes.departmentId);
  const [total] = await tx.select({ n: count() }).from(responses).where(eq(responses.roundId, roundId));
  const counts = new Map<number, Partial<Record<RatingLevel, number>>>();
  for (const r of levelRows) counts.set(r.departmentId, { ...counts.get(r.departmentId), [r.level]: Number(r.n) });
  return {
    counts: [...counts].map(([departmentId, c]) => ({ departmentId, counts: c })),
    votes: voteRows.map((v) => ({ departmentId: v.departmentId, votes: Number(v.votes) })),
    responses: Number(total?.n ?? 0),
  };
}

/** How many firms chose each reason, per department, shown only from REASON_MIN_COUNT up. */
export async function reasonTallies(tx: Tx, roundId: string, offered: readonly ReasonCode[], departmentIds: readonly number[]) {
  const rows = await tx
    .select({ departmentId: ratingReasons.departmentId, reason: ratingReasons.reason, n: count() })
    .from(ratingReasons)
    .where(eq(ratingReasons.roundId, roundId))
    .groupBy(ratingReasons.departmentId, ratingReasons.reason);
  const chosen = new Map<number, Map<ReasonCode, number>>();
  for (const r of rows) chosen.set(r.departmentId, (chosen.get(r.departmentId) ?? new Map()).set(r.reason, Number(r.n)));
  return Object.fromEntries(departmentIds.map((id) => [id, reasonCounts(offered, chosen.get(id) ?? new Map())]));
}

/** The version a reader sees: the newest not superseded (published or, before publication, computed). */
export async function currentResult(tx: Tx, roundId: string): Promise<ResultRow | undefined> {
  const [row] = await tx
    .select()
    .from(roundResults)
    .where(and(eq(roundResults.roundId, roundId), isNull(roundResults.supersededAt)))
    .orderBy(desc(roundResults.version))
    .limit(1);
  return row as ResultRow | undefined;
}

export async function nextVersion(tx: Tx, roundId: string) {
  const [row] = await tx
    .select({ v: sql<number>`coalesce(max(${roundResults.version}), 0)` })
    .from(roundResults)
    .where(eq(roundResults.roundId, roundId));
  return Number(row?.v ?? 0) + 1;
}

/** Every published round's current results, in the order of the quarters they measure. */
export async function publishedHistory(tx: Tx): Promise<ResultRow[]> {
  const rows = await tx
    .select({ r: roundResults })
    .from(roundResults)
    .innerJoin(rounds, eq(rounds.id, roundResults.roundId))
    .where(and(eq(rounds.status, 'published'), isNotNull(roundResults.publishedAt), isNull(roundResults.supersededAt)));
  return rows.map((x) => x.r as ResultRow).sort((a, b) => compareRounds(a.roundId, b.roundId));
}

/** The published round just before this one (its current results), for rank changes: one row, not the history. */
export async function previousPublished(tx: Tx, roundId: string): Promise<ResultRow | undefined> {
  const [row] = await tx
    .select({ r: roundResults })
    .from(roundResults)
    .innerJoin(rounds, eq(rounds.id, roundResults.roundId))
    .where(
      and(
        eq(rounds.status, 'published'),
        lt(roundResults.roundId, roundId),
        isNotNull(roundResults.publishedAt),
        isNull(roundResults.supersededAt),
      ),
    )
    .orderBy(desc(roundResults.roundId))
    .limit(1);
  return row?.r as ResultRow | undefined;
}

/** Only the newest unpublished computation is kept: the older ones go before a new one is stored. */
export const deleteUnpublished = (tx: Tx, roundId: string) =>
  tx.delete(roundResults).where(and(eq(roundResults.roundId, roundId), isNull(roundResults.publishedAt)));

export async function insertResult(tx: Tx, values: Omit<typeof roundResults.$inferInsert, 'payload'> & { payload: StoredResults }) {
  const [row] = await tx.insert(roundResults).values(values).returning();
  return row as ResultRow;
}

export const setResult = (tx: Tx, id: number, set: { publishedAt?: Date; supersededAt?: Date }) =>
  tx.update(roundResults).set(set).where(eq(roundResults.id, id));
