// The board read model: every department's standing after the latest evaluation, its records and watches.
import { cityDay } from '#shared/city-day.ts';
import { deriveEscalations } from '#shared/results/escalation.ts';
import type { ServiceContext } from '../context.ts';
import * as q from './escalations.queries.ts';
import { newestFirst, standingOf, toRecord } from './records.ts';
import { watchList } from './watches.ts';

export type BoardInput = {
  /** Only this department's standing and records (a department head's view); null for all. */
  departmentId: number | null;
};

/** The board: every department's standing after the latest evaluation, and the records (newest quarter first). */
export async function escalationBoard(ctx: ServiceContext, { departmentId: onlyDepartmentId }: BoardInput) {
  const { tx: db, now, zone } = ctx;
  const { outcomes } = await q.roundOutcomes(db, zone);
  const heads = await q.tenures(db);
  const derived = deriveEscalations(outcomes, heads);
  const latest = outcomes.at(-1)?.roundId;
  const [depts, current, old, appealOf] = await Promise.all([
    q.departmentRows(db),
    q.currentRecords(db),
    q.supersededRecords(db),
    q.appealsByRecord(db),
  ]);
  const deptOf = new Map(depts.map((d) => [d.id, d]));
  const headName = new Map(heads.map((h) => [h.headId, h.name]));
  const visible = (id: number) => onlyDepartmentId === null || id === onlyDepartmentId;
  return {
    // Due dates are judged against the city's day, not the reader's.
    today: cityDay(now, zone),
    latestRound: latest ?? null,
    departments: depts
      .filter((d) => visible(d.id))
      .map((d) => {
        const mine = derived.filter((r) => r.departmentId === d.id);
        const last = mine.find((r) => r.roundId === latest);
        return {
          departmentId: d.id,
          code: d.code,
          name: d.nameZh,
          nameEn: d.nameEn,
          category: d.category,
          ...standingOf(last, headName),
          lastFlaggedRound: mine.at(-1)?.roundId ?? null,
          timesFlagged: mine.length,
        };
      }),
    records: current
      .filter((r) => visible(r.e.departmentId))
      .map((r) => toRecord(r, deptOf.get(r.e.departmentId)!, appealOf))
      .sort(newestFirst),
    superseded: old
      .filter((r) => visible(r.e.departmentId))
      .map((r) => toRecord(r, deptOf.get(r.e.departmentId)!, appealOf))
      .sort((a, b) => (b.supersededAt ?? '').localeCompare(a.supersededAt ?? '') || newestFirst(a, b)),
    watches: await watchList(ctx, { departmentId: onlyDepartmentId }),
  };
}
