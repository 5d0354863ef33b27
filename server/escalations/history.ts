// A department's history: every published round, as the rule reads it, with the standing it leaves.
import { deriveEscalations } from '#shared/results/escalation.ts';
import type { ServiceContext } from '../context.ts';
import { NotFound } from '../errors.ts';
import * as q from './escalations.queries.ts';
import { standingOf } from './records.ts';

/** Per published round, in quarter order: rank, mean, flagged, and the streaks and measures as the rule gives them. */
export async function departmentHistory({ tx: db, zone: timeZone }: ServiceContext, { departmentId }: { departmentId: number }) {
  const dept = await q.departmentById(db, departmentId);
  if (!dept) throw new NotFound('Department not found');
  const { outcomes, history } = await q.roundOutcomes(db, timeZone);
  const heads = await q.tenures(db);
  const derived = new Map(
    deriveEscalations(outcomes, heads)
      .filter((r) => r.departmentId === departmentId)
      .map((r) => [r.roundId, r]),
  );
  const headName = new Map(heads.map((h) => [h.headId, h.name]));
  const entries = [];
  for (const h of history) {
    const res = h.payload.results;
    const row = res.departments.find((d) => d.departmentId === departmentId);
    if (!row) continue;
    entries.push({
      roundId: h.roundId,
      publishedAt: h.publishedAt!.toISOString(),
      rank: row.rank,
      rankedCount: res.rankedCount,
      mean: row.mean,
      n: row.n,
      leastSatisfiedVotes: row.leastSatisfiedVotes,
      satisfactionRate: row.satisfactionRate,
      flagged: row.flagged,
      ...standingOf(derived.get(h.roundId), headName),
    });
  }
  return { department: { id: dept.id, code: dept.code, nameZh: dept.nameZh, nameEn: dept.nameEn }, rounds: entries };
}
