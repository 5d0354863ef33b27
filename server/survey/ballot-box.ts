// The ballot box. The submit transaction marks the invitation and drops the answer here, so the two
// share a transaction id for as long as the answer sits in the box. Answers leave it in batches of at
// least BATCH_MIN, in random order and with fresh random ids, in transactions of their own; closing a
// round empties the box, rewrites all of the round's answers in random order with new ids (so neither
// physical order, ids nor transaction ids keep any submission order), deletes the drafts of those who
// never submitted, keeps only the breakdown groups big enough to show, and asks for a VACUUM FULL.
import { randomInt, randomUUID } from 'node:crypto';
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { BREAKDOWN_DIMENSIONS, suppressedGroups, type BreakdownDimension } from '../../shared/breakdowns.ts';
import type { RatingLevel } from '../../shared/results/levels.ts';
import type { Db, Tx } from '../db/client.ts';
import { ballotBox, breakdownGroups, breakdownTallies, invitations, leastSatisfiedVotes, ratings, responses, rounds } from '../db/schema.ts';

/** An answer leaves the box only together with at least this many others (or when the round closes). */
export const BATCH_MIN = 5;

export interface BoxedAnswer {
  ratings: { d: number; l: RatingLevel; c: string | null }[];
  votes: number[];
  comment: string | null;
  /** The strata it is tallied under when it leaves the box; never stored with the answer itself. */
  strata: Record<BreakdownDimension, string | null>;
}

function shuffle<T>(xs: T[]): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

async function insertChunked<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/**
 * Moves the round's boxed answers into responses, ratings and votes in random order, and adds them to
 * the breakdown tallies; does nothing while the box holds fewer than `min`. Returns how many moved.
 */
export async function emptyBox(tx: Tx, roundId: string, min: number, limit?: number): Promise<number> {
  if (min > 0) {
    const [boxed] = await tx.select({ n: count() }).from(ballotBox).where(eq(ballotBox.roundId, roundId));
    if (Number(boxed?.n ?? 0) < min) return 0;
  }
  const which = limit
    ? inArray(ballotBox.id, tx.select({ id: ballotBox.id }).from(ballotBox).where(eq(ballotBox.roundId, roundId)).limit(limit))
    : eq(ballotBox.roundId, roundId);
  const taken = await tx.delete(ballotBox).where(which).returning({ answer: ballotBox.answer, receiptHash: ballotBox.receiptHash });
  if (!taken.length) return 0;
  // A receipt hash already used (a page that reused a code) must not block the batch: that answer is counted without it.
  const hashes = taken.map((t) => t.receiptHash).filter((h): h is string => !!h);
  const used = new Set(hashes.length
    ? (await tx.select({ h: responses.receiptHash }).from(responses).where(inArray(responses.receiptHash, hashes))).map((r) => r.h)
    : []);
  const answers = shuffle(taken.map((t) => ({ id: randomUUID(), receiptHash: t.receiptHash && !used.has(t.receiptHash) ? t.receiptHash : null, ...(t.answer as BoxedAnswer) })));

  await insertChunked(answers, 1000, (chunk) => tx.insert(responses).values(chunk.map((a) => ({ id: a.id, roundId, comment: a.comment, receiptHash: a.receiptHash }))));
  const ratingRows = shuffle(answers.flatMap((a) => a.ratings.map((r) => ({ responseId: a.id, roundId, departmentId: r.d, level: r.l, comment: r.c }))));
  await insertChunked(ratingRows, 2000, (chunk) => tx.insert(ratings).values(chunk));
  const voteRows = shuffle(answers.flatMap((a) => a.votes.map((d) => ({ responseId: a.id, roundId, departmentId: d }))));
  await insertChunked(voteRows, 2000, (chunk) => tx.insert(leastSatisfiedVotes).values(chunk));
  await addToTallies(tx, roundId, answers);
  return answers.length;
}

async function addToTallies(tx: Tx, roundId: string, answers: BoxedAnswer[]) {
  const groups = new Map<string, { dimension: BreakdownDimension; value: string; respondents: number }>();
  const tallies = new Map<string, { dimension: BreakdownDimension; value: string; departmentId: number; level: RatingLevel; n: number }>();
  for (const a of answers) {
    for (const dimension of BREAKDOWN_DIMENSIONS) {
      const value = a.strata[dimension];
      if (!value) continue;
      const g = groups.get(`${dimension}\n${value}`) ?? { dimension, value, respondents: 0 };
      g.respondents++;
      groups.set(`${dimension}\n${value}`, g);
      for (const r of a.ratings) {
        const key = `${dimension}\n${value}\n${r.d}\n${r.l}`;
        const t = tallies.get(key) ?? { dimension, value, departmentId: r.d, level: r.l, n: 0 };
        t.n++;
        tallies.set(key, t);
      }
    }
  }
  await insertChunked([...groups.values()], 1000, (chunk) => tx.insert(breakdownGroups).values(chunk.map((g) => ({ roundId, ...g })))
    .onConflictDoUpdate({ target: [breakdownGroups.roundId, breakdownGroups.dimension, breakdownGroups.value], set: { respondents: sql`${breakdownGroups.respondents} + excluded.respondents` } }));
  await insertChunked([...tallies.values()], 1000, (chunk) => tx.insert(breakdownTallies).values(chunk.map((t) => ({ roundId, ...t })))
    .onConflictDoUpdate({
      target: [breakdownTallies.roundId, breakdownTallies.dimension, breakdownTallies.value, breakdownTallies.departmentId, breakdownTallies.level],
      set: { n: sql`${breakdownTallies.n} + excluded.n` },
    }));
}

/** At most this many answers per move transaction, so a full box does not hold the database (PGlite has one connection) for long. */
export const MOVE_CHUNK = 250;

/**
 * Batch moves, each in a transaction of its own (never the submit's), until fewer than `min` remain.
 * A chunk is at least `min` answers, since it is only taken while that many are waiting.
 */
export async function moveBallots(db: Db, roundId: string, min = BATCH_MIN): Promise<number> {
  let moved = 0;
  for (;;) {
    const n = await db.transaction((tx) => emptyBox(tx, roundId, Math.max(min, 1), MOVE_CHUNK));
    moved += n;
    if (n < MOVE_CHUNK) return moved;
  }
}

/**
 * Closing, inside the closing transaction: empty the box, rewrite every answer of the round in random
 * order under new random ids, delete unsent drafts, drop breakdown groups too small to show.
 */
export async function sealRound(tx: Tx, roundId: string): Promise<void> {
  // In a savepoint: the rewritten rows carry its own transaction id, not the one the closing
  // transaction leaves on the invitations whose drafts it deletes.
  await tx.transaction((inner) => shuffleAnswers(inner, roundId));
  await tx.update(invitations).set({ draft: null, draftSavedAt: null })
    .where(and(eq(invitations.roundId, roundId), sql`${invitations.draft} is not null`));
  await dropSmallGroups(tx, roundId);
  await tx.update(rounds).set({ answersVacuumDue: true }).where(eq(rounds.id, roundId));
}

async function shuffleAnswers(tx: Tx, roundId: string) {
  await emptyBox(tx, roundId, 0);
  // gen_random_uuid() draws from the server's strong random source, so the new order cannot be replayed.
  const steps = [
    sql`create temp table seal_responses on commit drop as
      select id as old_id, gen_random_uuid() as new_id, comment, receipt_hash from responses where round_id = ${roundId}`,
    sql`create temp table seal_ratings on commit drop as
      select m.new_id, r.department_id, r.level, r.comment from ratings r join seal_responses m on m.old_id = r.response_id`,
    sql`create temp table seal_votes on commit drop as
      select m.new_id, v.department_id from least_satisfied_votes v join seal_responses m on m.old_id = v.response_id`,
    sql`delete from least_satisfied_votes where round_id = ${roundId}`,
    sql`delete from ratings where round_id = ${roundId}`,
    sql`delete from responses where round_id = ${roundId}`,
    sql`insert into responses (id, round_id, comment, receipt_hash)
      select new_id, ${roundId}, comment, receipt_hash from seal_responses order by gen_random_uuid()`,
    sql`insert into ratings (response_id, round_id, department_id, level, comment)
      select new_id, ${roundId}, department_id, level, comment from seal_ratings order by gen_random_uuid()`,
    sql`insert into least_satisfied_votes (response_id, round_id, department_id)
      select new_id, ${roundId}, department_id from seal_votes order by gen_random_uuid()`,
    sql`drop table seal_responses, seal_ratings, seal_votes`,
  ];
  for (const step of steps) await tx.execute(step);
}

async function dropSmallGroups(tx: Tx, roundId: string) {
  const groups = await tx.select().from(breakdownGroups).where(eq(breakdownGroups.roundId, roundId));
  for (const dimension of BREAKDOWN_DIMENSIONS) {
    const hidden = suppressedGroups(new Map(groups.filter((g) => g.dimension === dimension).map((g) => [g.value, g.respondents])));
    if (!hidden.size) continue;
    const where = (t: typeof breakdownGroups | typeof breakdownTallies) =>
      and(eq(t.roundId, roundId), eq(t.dimension, dimension), inArray(t.value, [...hidden]));
    await tx.delete(breakdownTallies).where(where(breakdownTallies));
    await tx.delete(breakdownGroups).where(where(breakdownGroups));
  }
}

/**
 * After a close: VACUUM FULL rewrites the answer tables so that the row versions deleted by the moves
 * and the shuffle (with their batch transaction ids and order) are gone from the data files too.
 * It cannot run inside a transaction, so it runs after the closing one commits.
 */
export async function vacuumAnswers(db: Db): Promise<boolean> {
  const due = await db.select({ id: rounds.id }).from(rounds).where(eq(rounds.answersVacuumDue, true));
  if (!due.length) return false;
  await db.execute(sql`vacuum full ballot_box, responses, ratings, least_satisfied_votes, breakdown_groups, breakdown_tallies`);
  await db.update(rounds).set({ answersVacuumDue: false }).where(inArray(rounds.id, due.map((d) => d.id)));
  return true;
}
