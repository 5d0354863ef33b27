// Who has responded so far: counts only (what they answered is elsewhere and never joined to this).
import { eq } from 'drizzle-orm';
import type { Invitation, Progress } from '../../shared/schemas/rounds.ts';
import type { Db } from '../db/client.ts';
import { enterprises, invitations } from '../db/schema.ts';
import { getRound } from '../rounds/rounds.service.ts';

type Status = Invitation['status'];
interface Row { status: Status; stratum: string; township: string; industry: string }

function tally(rows: Row[]) {
  const live = rows.filter((r) => r.status !== 'replaced');
  // "opened" counts everyone who got at least that far.
  const at = (...s: Status[]) => live.filter((r) => s.includes(r.status)).length;
  const submitted = at('submitted');
  return {
    invited: live.length, opened: at('opened', 'drafted', 'submitted'), drafted: at('drafted'), submitted,
    responseRate: live.length ? submitted / live.length : 0,
  };
}

function groupBy(rows: Row[], key: (r: Row) => string) {
  const groups = new Map<string, Row[]>();
  for (const r of rows) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  return [...groups].sort(([a], [b]) => a.localeCompare(b, 'zh')).map(([k, g]) => ({ key: k, ...tally(g) }));
}

export async function roundProgress(db: Db, roundId: string, now: Date): Promise<Progress> {
  const round = await getRound(db, roundId, now);
  const rows = await db.select({ status: invitations.status, stratum: invitations.stratum, township: enterprises.township, industry: enterprises.industry })
    .from(invitations).innerJoin(enterprises, eq(enterprises.id, invitations.enterpriseId)).where(eq(invitations.roundId, roundId));
  return {
    roundId, status: round.status, closesAt: round.closesAt, ...tally(rows),
    replaced: rows.filter((r) => r.status === 'replaced').length,
    byStratum: groupBy(rows, (r) => r.stratum), byTownship: groupBy(rows, (r) => r.township), byIndustry: groupBy(rows, (r) => r.industry),
  };
}
