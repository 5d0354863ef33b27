// Breakdowns by township, industry and size, read only from the tallies made as answers left the
// ballot box (never from answers, which carry no attributes), and only once the round has closed.
import { and, eq } from 'drizzle-orm';
import { BREAKDOWN_DIMENSIONS, breakdownCell, MIN_GROUP } from '#shared/breakdowns.ts';
import type { ScaleEntry } from '#shared/results/scale.ts';
import type { Breakdowns } from '#shared/schemas/breakdowns.ts';
import type { Db } from '../db/client.ts';
import { breakdownGroups, breakdownTallies, invitations } from '../db/schema.ts';
import { NotFound } from '../errors.ts';
import { assertAnswersFinal } from '../rounds/answers-final.ts';
import { findRound, roundDepartmentRows } from '../rounds/rounds.queries.ts';

export async function readBreakdowns(db: Db, roundId: string): Promise<Breakdowns> {
  const round = await findRound(db, roundId);
  if (!round) throw new NotFound(`No round ${roundId}`);
  assertAnswersFinal(round, 'Breakdowns');
  const [groups, tallies, depts, submitted] = [
    await db.select().from(breakdownGroups).where(eq(breakdownGroups.roundId, roundId)),
    await db.select().from(breakdownTallies).where(eq(breakdownTallies.roundId, roundId)),
    await roundDepartmentRows(db, roundId),
    await db.$count(invitations, and(eq(invitations.roundId, roundId), eq(invitations.status, 'submitted'))),
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
