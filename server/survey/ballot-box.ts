// The ballot box. The submit transaction marks the invitation and drops the answer here, so the two
// share a transaction id for as long as the answer sits in the box. Answers leave it in batches of at
// least BATCH_MIN, in random order and with fresh random ids, in transactions of their own; closing a
// round empties the box, rewrites all of the round's answers in random order with new ids (so neither
// physical order, ids nor transaction ids keep any submission order), deletes the drafts of those who
// never submitted, keeps only the breakdown groups big enough to show, and asks for a VACUUM FULL.
// Reasons for 不满意 travel inside their rating ({ d, l, c, r }) and are moved and rewritten with it.
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { BREAKDOWN_DIMENSIONS, suppressedGroups, type BreakdownDimension } from '#shared/breakdowns.ts';
import type { ReasonCode } from '#shared/reasons.ts';
import type { RatingLevel } from '#shared/results/levels.ts';
import type { Db, Tx } from '../db/client.ts';
import { ballotBox, breakdownGroups, breakdownTallies, invitations, responses, rounds } from '../db/schema.ts';
import { checkAtClose } from '../integrity/integrity.service.ts';
import { reportStates } from '../invitations/reported.ts';
import { rewriteReceiptUses } from '../requests/receipt-uses.ts';

/** An answer leaves the box only together with at least this many others (or when the round closes). */
export const BATCH_MIN = 5;

export interface BoxedAnswer {
  /** r: the reasons for a 不满意 rating, when any were chosen. */
  ratings: { d: number; l: RatingLevel; c: string | null; r?: ReasonCode[] }[];
  votes: number[];
  comment: string | null;
  /** The strata it is tallied under when it leaves the box; never stored with the answer itself. */
  strata: Record<BreakdownDimension, string | null>;
}

// The advisory lock class of a round's ballot box (the second key is the round id's hash).
const BOX_LOCK = 7_310_002;

/**
 * Moves the round's boxed answers into responses, ratings and votes in random order, and adds them to
 * the breakdown tallies; does nothing while the box holds fewer than `min`. Returns how many moved.
 * One statement, all inside the database: the answers never travel to the app and back, which keeps the
 * mover's cost off the process that answers submissions.
 */
export async function emptyBox(tx: Tx, roundId: string, min: number, limit?: number): Promise<number> {
  // One mover per round at a time (replicas, the job and a close all move): a second mover waits here and
  // then sees what the first left, so neither takes a chunk that is short only because the other holds its rows.
  await tx.execute(sql`select pg_advisory_xact_lock(${BOX_LOCK}, hashtext(${roundId}))`);
  if (min > 0) {
    const [boxed] = await tx.select({ n: count() }).from(ballotBox).where(eq(ballotBox.roundId, roundId));
    if (Number(boxed?.n ?? 0) < min) return 0;
  }
  const dimensions = sql.raw(`array[${BREAKDOWN_DIMENSIONS.map((d) => `'${d}'`).join(', ')}]`);
  const result = await tx.execute(sql`
    with taken as (
      delete from ballot_box where id in (select id from ballot_box where round_id = ${roundId} ${limit ? sql`limit ${limit}` : sql``})
      returning answer, receipt_hash
    ), answers as materialized (
      -- Fresh random ids; a receipt hash already used (a page that reused a code) is dropped, not the answer.
      select gen_random_uuid() as id, t.answer,
        case when t.receipt_hash is not null and row_number() over (partition by t.receipt_hash) = 1
          and not exists (select 1 from responses x where x.receipt_hash = t.receipt_hash) then t.receipt_hash end as receipt_hash
      from taken t
    ), new_responses as (
      insert into responses (id, round_id, comment, receipt_hash)
      select id, ${roundId}, answer->>'comment', receipt_hash from answers order by gen_random_uuid()
      returning 1
    ), new_ratings as (
      insert into ratings (response_id, round_id, department_id, level, comment)
      select a.id, ${roundId}, (r->>'d')::int, (r->>'l')::rating_level, r->>'c'
      from answers a cross join lateral jsonb_array_elements(a.answer->'ratings') r order by gen_random_uuid()
    ), new_reasons as (
      insert into rating_reasons (response_id, round_id, department_id, level, reason)
      select a.id, ${roundId}, (r->>'d')::int, (r->>'l')::rating_level, reason::dissatisfaction_reason
      from answers a cross join lateral jsonb_array_elements(a.answer->'ratings') r
        cross join lateral jsonb_array_elements_text(coalesce(r->'r', '[]'::jsonb)) reason
      order by gen_random_uuid()
    ), new_votes as (
      insert into least_satisfied_votes (response_id, round_id, department_id)
      select a.id, ${roundId}, v::int from answers a cross join lateral jsonb_array_elements_text(a.answer->'votes') v order by gen_random_uuid()
    ), strata as (
      select a.answer, dim.name::breakdown_dimension as dimension, a.answer->'strata'->>dim.name as value
      from answers a cross join unnest(${dimensions}) as dim(name)
      where a.answer->'strata'->>dim.name is not null
    ), groups as (
      insert into breakdown_groups (round_id, dimension, value, respondents)
      select ${roundId}, dimension, value, count(*) from strata group by dimension, value
      on conflict (round_id, dimension, value) do update set respondents = breakdown_groups.respondents + excluded.respondents
    ), tallies as (
      insert into breakdown_tallies (round_id, dimension, value, department_id, level, n)
      select ${roundId}, s.dimension, s.value, (r->>'d')::int, (r->>'l')::rating_level, count(*)
      from strata s cross join lateral jsonb_array_elements(s.answer->'ratings') r
      group by s.dimension, s.value, (r->>'d')::int, (r->>'l')::rating_level
      on conflict (round_id, dimension, value, department_id, level) do update set n = breakdown_tallies.n + excluded.n
    )
    select count(*)::int as moved from new_responses`);
  // Both drivers answer with { rows }.
  return Number((result as unknown as { rows: { moved: number }[] }).rows[0]?.moved ?? 0);
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
 * order under new random ids, delete unsent drafts, drop breakdown groups too small to show, check the
 * answers' integrity (once, for computing the results).
 */
export async function sealRound(tx: Tx, roundId: string): Promise<void> {
  // In a savepoint: the rewritten rows carry its own transaction id, not the one the closing
  // transaction leaves on the invitations whose drafts it deletes.
  await tx.transaction((inner) => shuffleAnswers(inner, roundId));
  // Every invitation of the round is rewritten here, not only those with drafts: afterwards they all carry
  // the closing transaction's id, so no invitation's xmin tells when it was submitted (nor which request,
  // raised right after submitting, followed it). vacuumAnswers then stores them in draw order.
  await reportStates(tx, roundId, 0);
  await tx.update(invitations).set({ draft: null, draftSavedAt: null }).where(eq(invitations.roundId, roundId));
  await rewriteReceiptUses(tx, roundId);
  await dropSmallGroups(tx, roundId);
  await checkAtClose(tx, roundId);
  await tx.update(rounds).set({ answersVacuumDue: true }).where(eq(rounds.id, roundId));
}

async function shuffleAnswers(tx: Tx, roundId: string) {
  const [moved] = await tx.select({ id: responses.id }).from(responses).where(eq(responses.roundId, roundId)).limit(1);
  await emptyBox(tx, roundId, 0);
  // With no earlier batch, that move has just written every answer of the round, in random order under new
  // random ids and in this savepoint: the rewrite below would do the same again.
  if (!moved) return;
  // gen_random_uuid() draws from the server's strong random source, so the new order cannot be replayed.
  const steps = [
    sql`create temp table seal_responses on commit drop as
      select id as old_id, gen_random_uuid() as new_id, comment, receipt_hash from responses where round_id = ${roundId}`,
    sql`create temp table seal_ratings on commit drop as
      select m.new_id, r.department_id, r.level, r.comment from ratings r join seal_responses m on m.old_id = r.response_id`,
    sql`create temp table seal_votes on commit drop as
      select m.new_id, v.department_id from least_satisfied_votes v join seal_responses m on m.old_id = v.response_id`,
    sql`create temp table seal_reasons on commit drop as
      select m.new_id, x.department_id, x.level, x.reason from rating_reasons x join seal_responses m on m.old_id = x.response_id`,
    sql`delete from least_satisfied_votes where round_id = ${roundId}`,
    sql`delete from rating_reasons where round_id = ${roundId}`,
    sql`delete from ratings where round_id = ${roundId}`,
    sql`delete from responses where round_id = ${roundId}`,
    sql`insert into responses (id, round_id, comment, receipt_hash)
      select new_id, ${roundId}, comment, receipt_hash from seal_responses order by gen_random_uuid()`,
    sql`insert into ratings (response_id, round_id, department_id, level, comment)
      select new_id, ${roundId}, department_id, level, comment from seal_ratings order by gen_random_uuid()`,
    sql`insert into rating_reasons (response_id, round_id, department_id, level, reason)
      select new_id, ${roundId}, department_id, level, reason from seal_reasons order by gen_random_uuid()`,
    sql`insert into least_satisfied_votes (response_id, round_id, department_id)
      select new_id, ${roundId}, department_id from seal_votes order by gen_random_uuid()`,
    sql`drop table seal_responses, seal_ratings, seal_votes, seal_reasons`,
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
  await db.execute(
    sql`vacuum full ballot_box, responses, ratings, rating_reasons, least_satisfied_votes, breakdown_groups, breakdown_tallies`,
  );
  // Invitations were updated in submission order, and an updated row moves: rewrite them in id (draw) order.
  await db.execute(sql`cluster invitations using invitations_pkey`);
  // The close rewrote the receipt counters in their old (first use) order: store them in key (HMAC, random) order.
  await db.execute(sql`cluster request_receipt_uses using request_receipt_uses_pkey`);
  await db
    .update(rounds)
    .set({ answersVacuumDue: false })
    .where(
      inArray(
        rounds.id,
        due.map((d) => d.id),
      ),
    );
  return true;
}
