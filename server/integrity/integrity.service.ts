// Integrity of a round's answers, readable once they are final (results computed): stored with each
// computed version of the results (so a published verdict keeps the check it was published with), or
// computed on request for a round voided after closing, or a version from before integrity existed.
import { integrityReport, type IntegrityReport } from '../../shared/integrity/report.ts';
import type { Scale } from '../../shared/results/scale.ts';
import type { Integrity } from '../../shared/schemas/integrity.ts';
import type { Tx } from '../db/client.ts';
import { NotFound } from '../errors.ts';
import { assertAnswersFinal } from '../rounds/answers-final.ts';
import { currentResult } from '../results/results.queries.ts';
import * as rq from '../rounds/rounds.queries.ts';
import { answerPatterns } from './integrity.queries.ts';

type RoundRow = NonNullable<Awaited<ReturnType<typeof rq.findRound>>>;
type DepartmentRow = Awaited<ReturnType<typeof rq.roundDepartmentRows>>[number];

/** The report from the stored answers: called inside computing the results, after the round closed. */
export async function computeIntegrity(tx: Tx, round: RoundRow, depts: DepartmentRow[]): Promise<IntegrityReport> {
  return integrityReport({
    departments: depts.map((d) => ({ id: d.departmentId, code: d.code, name: d.nameZh })),
    answers: await answerPatterns(tx, round.id),
    rules: { minRatings: round.minRatings, bottomN: round.bottomN },
    scale: round.scale as Scale,
  });
}

export async function readIntegrity(tx: Tx, roundId: string, now: Date): Promise<Integrity> {
  const round = await rq.findRound(tx, roundId);
  if (!round) throw new NotFound(`No round ${roundId}`);
  assertAnswersFinal(round, 'Integrity signals');
  const depts = await rq.roundDepartmentRows(tx, roundId);
  const stored = await currentResult(tx, roundId);
  const report = stored?.payload.integrity ?? await computeIntegrity(tx, round, depts);
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
