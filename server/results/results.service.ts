// Compute when a round closes, publish to freeze (and escalate), correct only by an audited new version.
import { countsOf } from '#shared/integrity/answers.ts';
import { answersWithout, type RobustnessVariant } from '#shared/integrity/report.ts';
import {
  computeResults,
  RANKING_RULE_TEXT,
  DEFAULT_RESULT_RULES,
  type DepartmentCounts,
  type DepartmentVotes,
} from '#shared/results/compute.ts';
import type { ReasonEntry } from '#shared/reasons.ts';
import { officialResults } from '#shared/results/official-ranking.ts';
import type { Scale } from '#shared/results/scale.ts';
import type { Results } from '#shared/schemas/results.ts';
import { appendAudit } from '../audit/audit.writer.ts';
import type { Tx } from '../db/client.ts';
import { Conflict, NotFound } from '../errors.ts';
import { answerPatterns } from '../integrity/integrity.queries.ts';
import { computeIntegrity } from '../integrity/integrity.service.ts';
import { reconcileEscalations } from '../escalations/reconcile.ts';
import * as rq from '../rounds/rounds.queries.ts';
import { assertAnswersFinal } from '../rounds/answers-final.ts';
import { lockRoundFor, settleDeadline } from '../rounds/rounds.service.ts';
import { onPublished } from '../rectification/rectification.service.ts';
import { type ServiceContext, serviceContext } from '../context.ts';
import * as q from './results.queries.ts';
import { robustnessView, weightedVariant } from './weighted.ts';

/**
 * Results and integrity from the stored answers. `exclude` leaves out the answers a robustness variant
 * removes (after an upheld appeal): counts then come from the grouped answers instead of the aggregate.
 */
async function computeStored(tx: Tx, roundId: string, exclude?: RobustnessVariant): Promise<q.StoredResults> {
  const round = (await rq.findRound(tx, roundId))!;
  const depts = await rq.roundDepartmentRows(tx, roundId);
  const refs = depts.map((d) => ({ id: d.departmentId, code: d.code, name: d.nameZh }));
  const rules = { minRatings: round.minRatings, bottomN: round.bottomN, simulations: DEFAULT_RESULT_RULES.simulations };
  const scale = round.scale as Scale;
  let data: { counts: DepartmentCounts[]; votes: DepartmentVotes[]; responses: number };
  let excluded: q.StoredResults['excluded'];
  if (exclude) {
    const { kept, removed } = answersWithout(exclude, { departments: refs, answers: await answerPatterns(tx, roundId), rules, scale });
    data = { ...countsOf(kept), responses: kept.reduce((n, a) => n + a.count, 0) };
    excluded = { variant: exclude, answers: removed };
  } else {
    data = await q.aggregate(tx, roundId);
  }
  const computed = computeResults({
    rules,
    departments: refs,
    counts: data.counts,
    votes: data.votes,
    scale,
    simulationSeed: `pingyi-results:${roundId}`,
  });
  // Weighting reads the breakdown tallies, which hold every answer: not for a version that leaves some out.
  const weighted = excluded ? null : await weightedVariant(tx, round, computed, data.responses);
  // The rules may make the weighted ranking official: then the flagged, escalations and every place
  // shown follow the weighted means, and the unweighted ranking is kept as the robustness line.
  const official = officialResults(computed, weighted, round.officialRanking);
  const results = official.results;
  const offered = (round.reasons as ReasonEntry[]).map((r) => r.code);
  return {
    results,
    responses: data.responses,
    escalationPolicy: round.escalationPolicy,
    integrity: await computeIntegrity(tx, round, depts),
    ...(excluded ? { excluded } : {}),
    ...(weighted ? { weighted } : {}),
    ranking: {
      rule: round.officialRanking,
      applied: official.applied,
      unweighted: official.unweighted && {
        ...official.unweighted,
        departments: computed.departments.filter((d) => d.status === 'ranked').map((d) => ({ departmentId: d.departmentId, mean: d.mean })),
      },
    },
    reasons: await q.reasonTallies(
      tx,
      roundId,
      offered,
      depts.map((d) => d.departmentId),
    ),
    meta: Object.fromEntries(depts.map((d) => [d.departmentId, { nameEn: d.nameEn, category: d.category }])),
  };
}

export async function computeRound({ tx: db, actor, now }: ServiceContext, { roundId }: { roundId: string }) {
  await db.transaction(async (tx) => {
    await settleDeadline(tx, roundId, now);
    const round = await rq.findRound(tx, roundId, { forUpdate: true });
    if (!round) throw new NotFound(`No round ${roundId}`);
    if (round.status !== 'closed')
      throw new Conflict(
        `Results are computed once the round has closed (it is ${round.status})`,
        { status: round.status },
        'illegal_transition',
      );
    // Only the newest unpublished computation is kept; nothing published exists yet for a closed round.
    await q.deleteUnpublished(tx, roundId);
    const payload = await computeStored(tx, roundId);
    const version = await q.nextVersion(tx, roundId);
    await q.insertResult(tx, { roundId, version, computedAt: now, payload });
    // The first computation makes the close final (shared/round-lifecycle.ts answersFinal): from now on
    // the answers are readable and can never change, so no later read can differ from this one.
    const finalizes = round.finalizedAt === null;
    if (finalizes) await rq.updateRound(tx, roundId, { finalizedAt: now, updatedAt: now });
    await appendAudit(
      tx,
      actor,
      {
        action: 'results.compute',
        entityType: 'round',
        entityId: roundId,
        summary: { version, responses: payload.responses, flagged: flaggedCodes(payload), ...(finalizes ? { finalizesClose: true } : {}) },
      },
      now,
    );
  });
  return readResults(db, roundId, { full: true });
}

export async function publishRound({ tx: db, actor, now, zone: timeZone }: ServiceContext, { roundId }: { roundId: string }) {
  await db.transaction(async (tx) => {
    const round = await lockRoundFor(tx, roundId, 'publish', now);
    let current = await q.currentResult(tx, roundId);
    if (!current) {
      const payload = await computeStored(tx, roundId);
      current = await q.insertResult(tx, { roundId, version: await q.nextVersion(tx, roundId), computedAt: now, payload });
    }
    await q.setResult(tx, current.id, { publishedAt: now });
    await rq.updateRound(tx, roundId, { status: 'published', publishedAt: now, finalizedAt: round.finalizedAt ?? now, updatedAt: now });
    // A quarter published after a later one re-derives the later quarters' records (audited there).
    const { created, ...revised } = await reconcileEscalations(serviceContext(tx, { actor, now, zone: timeZone }), {
      cause: { kind: 'publish', roundId },
    });
    await onPublished(serviceContext(tx, { actor, now, zone: timeZone }), {
      roundId,
      flaggedDepartmentIds: current.payload.results.flaggedDepartmentIds,
    });
    const head = await appendAudit(
      tx,
      actor,
      {
        action: 'round.publish',
        entityType: 'round',
        entityId: roundId,
        summary: { version: current.version, flagged: flaggedCodes(current.payload), escalations: created, revisions: revised },
      },
      now,
    );
    // The chain's head is this publication's own entry: printed on the public page and the report, and
    // required by every later verification, so a log emptied or cut short before it never reads as intact.
    await rq.updateRound(tx, roundId, { auditHeadId: head.id, auditHeadHash: head.hash, auditHeadAt: new Date(head.at!) });
  });
  return readResults(db, roundId, { full: true });
}

/**
 * A published round is never recomputed; a correction is a new, audited version. Any published round may
 * be corrected: its escalation records and those of later quarters are re-derived as audited revisions.
 */
export async function correctRound(ctx: ServiceContext, { roundId, reason }: { roundId: string; reason: string }) {
  await ctx.tx.transaction((tx) => correctRoundTx({ ...ctx, tx }, { roundId, reason }));
  return readResults(ctx.tx, roundId, { full: true });
}

/**
 * The correction inside the caller's transaction, `ctx.tx` (an upheld appeal decides and corrects together).
 * A version computed without some answers keeps leaving them out in later corrections.
 */
export async function correctRoundTx(
  ctx: ServiceContext,
  { roundId, reason, ...opts }: { roundId: string; reason: string; exclude?: RobustnessVariant; appealId?: number },
) {
  const { tx, actor, now } = ctx;
  const round = await rq.findRound(tx, roundId, { forUpdate: true });
  if (!round) throw new NotFound(`No round ${roundId}`);
  if (round.status !== 'published')
    throw new Conflict('Only a published round can be corrected', { status: round.status }, 'illegal_transition');
  const old = (await q.currentResult(tx, roundId))!;
  const payload = await computeStored(tx, roundId, opts.exclude ?? old.payload.excluded?.variant);
  const version = await q.nextVersion(tx, roundId);
  await q.setResult(tx, old.id, { supersededAt: now });
  await q.insertResult(tx, { roundId, version, computedAt: now, publishedAt: now, correctionReason: reason, payload });
  const changes = await reconcileEscalations(ctx, { cause: { kind: 'correction', roundId, reason } });
  const before = flaggedCodes(old.payload);
  const after = flaggedCodes(payload);
  await appendAudit(
    tx,
    actor,
    {
      action: 'results.correct',
      entityType: 'round',
      entityId: roundId,
      summary: {
        reason,
        before: { version: old.version, flagged: before },
        after: { version, flagged: after },
        escalations: changes,
        ...(payload.excluded ? { excluded: payload.excluded } : {}),
        ...(opts.appealId ? { appealId: opts.appealId } : {}),
      },
    },
    now,
  );
  return { version, flaggedBefore: before, flaggedAfter: after, answersExcluded: payload.excluded?.answers ?? 0 };
}

const flaggedCodes = (p: q.StoredResults) => p.results.departments.filter((d) => d.flagged).map((d) => d.code);

/**
 * The results view. `full` readers (admins, leaders, supervisors) see everything; a department head
 * sees the public figures of every department and the distribution of their own only.
 */
export async function readResults(
  tx: Tx,
  roundId: string,
  who: { full: true } | { full: false; departmentId: number | null },
): Promise<Results> {
  const round = await rq.findRound(tx, roundId);
  if (!round) throw new NotFound(`No round ${roundId}`);
  // Like every answer-derived read (reasons for 不满意 among them): 409 until the close is final.
  assertAnswersFinal(round, 'Results');
  const row = await q.currentResult(tx, roundId);
  if (!row) throw new NotFound(`Results for ${roundId} have not been computed yet`, undefined);
  if (!who.full && !row.publishedAt) throw new NotFound(`Results for ${roundId} have not been published yet`);
  const { results, meta, responses, escalationPolicy } = row.payload;
  const previousRanks = await previousRankMap(tx, roundId);
  return {
    round: {
      id: roundId,
      status: round.status,
      version: row.version,
      computedAt: row.computedAt.toISOString(),
      publishedAt: row.publishedAt?.toISOString() ?? null,
      correctionReason: row.correctionReason,
      responses,
    },
    rules: {
      minRatings: results.rules.minRatings,
      bottomN: results.rules.bottomN,
      simulations: results.simulation.runs,
      simulationSeed: results.simulation.seed,
      escalationPolicy,
      scale: results.scale as Scale,
      rankingRule: RANKING_RULE_TEXT,
      reasons: round.reasons as ReasonEntry[],
      officialRanking: row.payload.ranking?.applied ?? 'unweighted',
    },
    departments: results.departments.map((d) => {
      const mine = who.full || d.departmentId === who.departmentId;
      return {
        departmentId: d.departmentId,
        code: d.code,
        name: d.name,
        nameEn: meta[d.departmentId]?.nameEn ?? null,
        category: meta[d.departmentId]?.category ?? '',
        n: d.n,
        notApplicable: d.notApplicable,
        mean: d.mean,
        sd: mine ? d.sd : null,
        ci95: d.ci95,
        satisfactionRate: d.satisfactionRate,
        dissatisfiedRate: d.dissatisfiedRate,
        leastSatisfiedVotes: d.leastSatisfiedVotes,
        rank: d.rank,
        previousRank: previousRanks.get(d.departmentId) ?? null,
        flagged: d.flagged,
        pBottom: d.pBottom,
        rankInterval: d.rankInterval,
        status: d.status,
        counts: mine ? d.counts : null,
        reasons: mine ? (row.payload.reasons?.[d.departmentId] ?? []) : null,
      };
    }),
    funnel: results.funnel,
    robustness: who.full ? robustnessView(row.payload) : null,
  };
}

async function previousRankMap(tx: Tx, roundId: string) {
  const previous = await q.previousPublished(tx, roundId);
  return new Map((previous?.payload.results.departments ?? []).map((d) => [d.departmentId, d.rank]));
}
