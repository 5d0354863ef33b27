// Who has responded so far: counts only (what they answered is elsewhere and never joined to this), from the
// reported states (./reported.ts). The groups (by stratum, township, industry) show the sample's composition:
// the admin running the round sees them; leaders and supervisors only once the round has closed, and then
// without the groups under MIN_GROUP respondents (the same suppression as the breakdowns).
import { suppressedGroups } from '#shared/breakdowns.ts';
import type { Role } from '#shared/schemas/common.ts';
import type { Invitation, Progress } from '#shared/schemas/rounds.ts';
import { type ServiceContext, userIn } from '../context.ts';
import { readRound } from '../rounds/rounds.service.ts';
import { reportedStates } from './invitations.queries.ts';

type Status = Invitation['status'];
interface Row {
  status: Status;
  stratum: string;
  township: string;
  industry: string;
}

function tally(rows: Row[]) {
  const live = rows.filter((r) => r.status !== 'replaced');
  // "opened" counts everyone who got at least that far.
  const at = (...s: Status[]) => live.filter((r) => s.includes(r.status)).length;
  const submitted = at('submitted');
  return {
    invited: live.length,
    opened: at('opened', 'drafted', 'submitted'),
    drafted: at('drafted'),
    submitted,
    responseRate: live.length ? submitted / live.length : 0,
  };
}

function groupBy(rows: Row[], key: (r: Row) => string) {
  const groups = new Map<string, Row[]>();
  for (const r of rows) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  return [...groups].sort(([a], [b]) => a.localeCompare(b, 'zh')).map(([k, g]) => ({ key: k, ...tally(g) }));
}

type Group = ReturnType<typeof groupBy>[number];

/** Drops groups under MIN_GROUP respondents, and the next smallest while the dropped ones add up to fewer (as breakdowns do). */
function suppress(groups: Group[]): Group[] {
  const hidden = suppressedGroups(new Map(groups.map((g) => [g.key, g.submitted])));
  return groups.filter((g) => !hidden.has(g.key));
}

const AFTER_CLOSE = ['closed', 'published'];

/** The one rule for groups of the sample (progress, response rates per stratum): see the file's head. */
export const progressGroupsFor = (role: Role, round: { status: string; closedAt: string | null }): Progress['groups'] =>
  role === 'admin'
    ? 'all'
    : AFTER_CLOSE.includes(round.status) || (round.status === 'voided' && round.closedAt)
      ? 'suppressed'
      : 'after_close';

/** The groups follow the context's user (progressGroupsFor). */
export async function roundProgress(ctx: ServiceContext, { roundId }: { roundId: string }): Promise<Progress> {
  const round = await readRound(ctx.tx, roundId, ctx.now);
  const rows = await reportedStates(ctx.tx, roundId);
  const groups = progressGroupsFor(userIn(ctx).role, round);
  const by = (key: (r: Row) => string) =>
    groups === 'all' ? groupBy(rows, key) : groups === 'suppressed' ? suppress(groupBy(rows, key)) : [];
  return {
    roundId,
    status: round.status,
    closesAt: round.closesAt,
    ...tally(rows),
    replaced: rows.filter((r) => r.status === 'replaced').length,
    groups,
    byStratum: by((r) => r.stratum),
    byTownship: by((r) => r.township),
    byIndustry: by((r) => r.industry),
  };
}
