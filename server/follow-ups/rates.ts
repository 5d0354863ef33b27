// GET /rounds/:id/response-rates: AAPOR dispositions and rates, overall and per stratum. Strata follow the
// progress page's rule (../invitations/progress.ts): the admin's while a round runs, others' after close
// with groups under 5 respondents left out.
import { suppressedGroups } from '#shared/breakdowns.ts';
import { aaporRates, countDispositions } from '#shared/follow-ups/rates.ts';
import type { Disposition } from '#shared/follow-ups/vocabulary.ts';
import type { RateFigures, ResponseRates } from '#shared/schemas/follow-ups.ts';
import { type ServiceContext, userIn } from '../context.ts';
import { progressGroupsFor } from '../invitations/progress.ts';
import { readRound } from '../rounds/rounds.service.ts';
import { caseDisposition, followUpCases } from './follow-ups.service.ts';

function figures(dispositions: Disposition[]): RateFigures {
  const counts = countDispositions(dispositions);
  return { ...aaporRates(counts), cases: dispositions.length, dispositions: counts };
}

export async function responseRates(ctx: ServiceContext, { roundId }: { roundId: string }): Promise<ResponseRates> {
  const { tx: db, now } = ctx;
  const role = userIn(ctx).role;
  const round = await readRound(db, roundId, now);
  const cases = (await followUpCases(db, roundId, role)).map((c) => ({ stratum: c.stratum, disposition: caseDisposition(c).disposition }));
  const groups = progressGroupsFor(role, round);
  const byStratum = new Map<string, Disposition[]>();
  for (const c of cases) byStratum.set(c.stratum, [...(byStratum.get(c.stratum) ?? []), c.disposition]);
  let strata =
    round.stratifyBy && groups !== 'after_close'
      ? [...byStratum].sort(([a], [b]) => a.localeCompare(b, 'zh')).map(([key, ds]) => ({ key, ...figures(ds) }))
      : [];
  if (groups === 'suppressed') {
    const hidden = suppressedGroups(new Map(strata.map((s) => [s.key, s.dispositions.complete])));
    strata = strata.filter((s) => !hidden.has(s.key));
  }
  return {
    roundId,
    final: ['closed', 'published'].includes(round.status) || (round.status === 'voided' && round.closedAt !== null),
    groups,
    stratifyBy: round.stratifyBy,
    ...figures(cases.map((c) => c.disposition)),
    strata,
  };
}
