// Breakdowns by township, industry and size, read only from the tallies made as answers left the
// ballot box (never from answers, which carry no attributes), and only once the round has closed.
import { BREAKDOWN_DIMENSIONS, breakdownCell, MIN_GROUP } from '#shared/breakdowns.ts';
import type { ScaleEntry } from '#shared/results/scale.ts';
import type { Breakdowns } from '#shared/schemas/breakdowns.ts';
import type { ServiceContext } from '../context.ts';
import { NotFound } from '../errors.ts';
import { assertAnswersFinal } from '../rounds/answers-final.ts';
import { findRound, roundDepartmentRows } from '../rounds/rounds.queries.ts';
import * as q from './breakdowns.queries.ts';

export async function readBreakdowns({ tx: db }: ServiceContext, { roundId }: { roundId: string }): Promise<Breakdowns> {
  const round = await findRound(db, roundId);
  if (!round) throw new NotFound(`No round ${roundId}`);
  assertAnswersFinal(round, 'Breakdowns');
  const [groups, tallies, depts, submitted] = [
    await q.breakdownGroupsOf(db, roundId),
    await q.breakdownTalliesOf(db, roundId),
    await roundDepartmentRows(db, roundId),
    await q.submittedCount(db, roundId),
  ];
  return {
    roundId,
    minGroup: MIN_GROUP,
    dimensions: BREAKDOWN_DIMENSIONS.map((dimension) => {
      const mine = groups
        .filter((g) => g.dimension === dimension)
        .sort((a, b) => b.respondents - a.respondents || a.value.localeCompare(b.value));
      return {
        dimension,
        hiddenRespondents: Math.max(0, submitted - mine.reduce((s, g) => s + g.respondents, 0)),
        groups: mine.map((g) => {
          const rows = tallies.filter((t) => t.dimension === dimension && t.value === g.value);
          return {
            value: g.value,
            respondents: g.respondents,
            departments: depts.map((d) => ({
              ...breakdownCell(d.departmentId, rows, round.scale as ScaleEntry[]),
              code: d.code,
              name: d.nameZh,
            })),
          };
        }),
      };
    }),
  };
}
