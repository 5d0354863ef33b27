// Public disclosure: published rounds only, read from the frozen results plus the measures and
// rectification status and timeline (./timeline.ts) of the flagged departments. Nothing else is read here
// (no comments, requests, ratings, responses, invitations or ledger contents), so nothing else can leak.
import { publishedHeadOf } from '../audit/audit.writer.ts';
import { discloseRound } from '#shared/results/disclosure.ts';
import { ESCALATION_LEVELS } from '#shared/results/escalation.ts';
import type { PublicDisclosure, PublicRound } from '#shared/schemas/public.ts';
import type { ServiceContext } from '../context.ts';
import { NotFound } from '../errors.ts';
import { withMeasures } from '../escalations/escalations.queries.ts';
import { departmentStates } from '../departments/states.service.ts';
import { publishedHistory } from '../results/results.queries.ts';
import { readResults } from '../results/results.service.ts';
import * as rq from '../rounds/rounds.queries.ts';
import * as q from './public.queries.ts';
import { caseTimelines } from './timeline.ts';
import { roundWatches } from '../escalations/watches.ts';

export async function publicRound(
  ctx: ServiceContext,
  { roundId, disclosure }: { roundId: string; disclosure: PublicDisclosure },
): Promise<PublicRound> {
  const db = ctx.tx;
  const round = await rq.findRound(db, roundId);
  // An unpublished round does not exist for the public (not even "not yet").
  if (!round || round.status !== 'published') throw new NotFound(`No published round ${roundId}`);
  const results = await readResults(db, roundId, { full: true });
  const [escRows, caseRows] = await Promise.all([q.currentEscalations(db, roundId), q.roundCases(db, roundId)]);
  const measuresByRecord = new Map(
    (
      await withMeasures(
        db,
        escRows.map((r) => r.e),
      )
    ).map(({ e, measures }) => [
      e.id,
      measures.map((m) => m.measure).sort((a, b) => ESCALATION_LEVELS.indexOf(a) - ESCALATION_LEVELS.indexOf(b)),
    ]),
  );
  const ledger = caseRows.length
    ? await q.ledgerCounts(
        db,
        caseRows.map((r) => r.c.id),
      )
    : [];
  const timelines = await caseTimelines(
    db,
    caseRows.map((r) => r.c),
  );
  const watches = await roundWatches(ctx, { roundId });
  const head = await publishedHeadOf(db, roundId);
  // The same state 本部门 and the office's pages show, decided in one place.
  const { states } = await departmentStates(ctx, { roundId });
  return discloseRound({
    states: states
      .filter((x) => x.flagged)
      .map(({ departmentCode, roundId: id, rank, rankedCount, fromBottom, flagged, measures, rectification, appeal, next }) => ({
        code: departmentCode,
        state: { roundId: id, rank, rankedCount, fromBottom, flagged, measures, rectification, appeal, next },
      })),
    results,
    disclosure,
    auditHead: head ? { id: head.id, hash: head.hash, at: head.at! } : null,
    round: {
      scale: results.rules.scale,
      minRatings: results.rules.minRatings,
      bottomN: results.rules.bottomN,
      simulations: results.rules.simulations,
      rankingRule: results.rules.rankingRule,
      escalationPolicy: results.rules.escalationPolicy,
      officialRanking: results.rules.officialRanking,
      reasons: results.rules.reasons,
      sampleSize: round.sampleSize,
      stratifyBy: round.stratifyBy,
      poolSize: round.poolSize,
      poolHash: round.poolHash,
      seed: round.seed,
      seedSource: round.seedSource as PublicRound['method']['seedSource'],
      drawnAt: round.drawnAt?.toISOString() ?? null,
    },
    watches,
    escalations: escRows.map((r) => ({
      code: r.code,
      measures: measuresByRecord.get(r.e.id) ?? [],
      streak: r.e.streak,
      status: r.e.status,
      doneAt: r.e.doneAt,
    })),
    cases: caseRows.map((r) => ({
      code: r.code,
      status: r.c.status,
      deadline: r.c.deadline,
      closedAt: r.c.closedAt?.toISOString() ?? null,
      ledgerEntries: Number(ledger.find((l) => l.caseId === r.c.id)?.n ?? 0),
      timeline: timelines.get(r.c.id)!,
    })),
  });
}

/** Published rounds, newest first, with their flagged departments. */
export async function publicRounds({ tx: db }: ServiceContext) {
  const history = await publishedHistory(db);
  return history.reverse().map((h) => {
    const res = h.payload.results;
    return {
      id: h.roundId,
      publishedAt: h.publishedAt!.toISOString(),
      responses: h.payload.responses,
      departments: res.departments.length,
      flagged: res.departments
        .filter((d) => d.flagged)
        .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0))
        .map((d) => ({ code: d.code, name: d.name, nameEn: h.payload.meta[d.departmentId]?.nameEn ?? null, rank: d.rank })),
    };
  });
}
