// Integrity of a round's answers, readable once they are final (results computed): checked when the round
// closes, stored with each computed version of the results (so a published verdict keeps the check it was
// published with); a round closed before checks were made at close is checked on request.
import { integrityReport, type IntegrityReport } from '#shared/integrity/report.ts';
import type { Scale } from '#shared/results/scale.ts';
import type { Integrity } from '#shared/schemas/integrity.ts';
import type { ServiceContext } from '../context.ts';
import type { Tx } from '../db/client.ts';
import { NotFound } from '../errors.ts';
import { assertAnswersFinal } from '../rounds/answers-final.ts';
import { currentResult } from '../results/results.queries.ts';
import * as rq from '../rounds/rounds.queries.ts';
import { answerPatterns, deleteCheck, storedCheck, storeCheck } from './integrity.queries.ts';

type RoundRow = NonNullable<Awaited<ReturnType<typeof rq.findRound>>>;
type DepartmentRow = Awaited<ReturnType<typeof rq.roundDepartmentRows>>[number];

/** The report from the stored answers, read whole (every answer grouped). */
async function checkAnswers(tx: Tx, round: RoundRow, depts: DepartmentRow[]): Promise<IntegrityReport> {
  return integrityReport({
    departments: depts.map((d) => ({ id: d.departmentId, code: d.code, name: d.nameZh })),
    answers: await answerPatterns(tx, round.id),
    rules: { minRatings: round.minRatings, bottomN: round.bottomN },
    scale: round.scale as Scale,
  });
}

/**
 * Closing, inside the closing transaction once the answers are sealed: the check is made here, once, and
 * computing the results copies it (the answers cannot change until a reopen, which deletes it).
 */
export async function checkAtClose(tx: Tx, roundId: string): Promise<void> {
  const round = (await rq.findRound(tx, roundId))!;
  const report = await checkAnswers(tx, round, await rq.roundDepartmentRows(tx, roundId));
  await storeCheck(tx, roundId, report);
}

/** Reopening: the answers will change, so the check made at the close no longer holds. */
export async function forgetCheckAtClose(tx: Tx, roundId: string): Promise<void> {
  await deleteCheck(tx, roundId);
}

/**
 * The report of a closed round's answers: the one made at its close, or (a round closed before checks
 * were made at close) computed now.
 */
export async function computeIntegrity(tx: Tx, round: RoundRow, depts: DepartmentRow[]): Promise<IntegrityReport> {
  return (await storedCheck(tx, round.id)) ?? checkAnswers(tx, round, depts);
}

export async function readIntegrity({ tx, now }: ServiceContext, { roundId }: { roundId: string }): Promise<Integrity> {
  const round = await rq.findRound(tx, roundId);
  if (!round) throw new NotFound(`No round ${roundId}`);
  assertAnswersFinal(round, 'Integrity signals');
  const depts = await rq.roundDepartmentRows(tx, roundId);
  const stored = await currentResult(tx, roundId);
  const report = stored?.payload.integrity ?? (await computeIntegrity(tx, round, depts));
  return {
    roundId,
    version: stored?.payload.integrity ? stored.version : null,
    computedAt: (stored?.payload.integrity ? stored.computedAt : now).toISOString(),
    answers: report.answers,
    flaggedAnswers: report.flaggedAnswers,
    raised: report.signals.filter((s) => s.raised).length,
    thresholds: report.thresholds,
    signals: report.signals,
    robustness: report.robustness,
    departments: depts.map((d) => ({ departmentId: d.departmentId, code: d.code, name: d.nameZh, nameEn: d.nameEn })),
  };
}
