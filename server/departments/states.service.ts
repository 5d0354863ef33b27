// The one place the server answers "where does this department stand in this quarter": it gathers the
// published result, the current escalation record, the rectification case and the appeal, and lets the
// pure rule (shared/results/department-state.ts) decide. Every page reads its states from here.
import { cityDay } from '#shared/city-day.ts';
import { departmentQuarterState } from '#shared/results/department-state.ts';
import { compareRounds } from '#shared/results/quarters.ts';
import type { DepartmentStateView } from '#shared/schemas/results.ts';
import type { ServiceContext } from '../context.ts';
import { withMeasures } from '../escalations/escalations.queries.ts';
import { publishedHistory } from '../results/results.queries.ts';
import * as q from './states.queries.ts';

export type StatesFilter = { departmentId?: number; roundId?: string; all?: boolean };

/**
 * States of published quarters, newest first then by department code. By default only the quarters
 * where something is decided or recorded (flagged, a record, a case or an appeal); `all` adds the rest.
 */
export async function departmentStates(
  { tx, now, zone }: ServiceContext,
  filter: StatesFilter,
): Promise<{ today: string; states: DepartmentStateView[] }> {
  const today = cityDay(now, zone);
  const history = (await publishedHistory(tx)).filter((h) => !filter.roundId || h.roundId === filter.roundId);
  if (!history.length) return { today, states: [] };
  const roundIds = history.map((h) => h.roundId);
  const dept = filter.departmentId;
  const [depts, records, cases, appealRows] = await Promise.all([
    q.allDepartments(tx),
    q.currentRecords(tx, roundIds, dept),
    q.casesOf(tx, roundIds, dept),
    q.appealsOf(tx, roundIds, dept),
  ]);
  const key = (roundId: string, departmentId: number) => `${roundId}:${departmentId}`;
  const recordOf = new Map((await withMeasures(tx, records)).map((r) => [key(r.e.roundId, r.e.departmentId), r]));
  const caseOf = new Map(cases.map((c) => [key(c.roundId, c.departmentId), c]));
  const appealOf = new Map(appealRows.map((a) => [key(a.roundId, a.departmentId), a]));
  const deptOf = new Map(depts.map((d) => [d.id, d]));

  const states: DepartmentStateView[] = [];
  for (const h of [...history].sort((a, b) => compareRounds(b.roundId, a.roundId))) {
    const res = h.payload.results;
    for (const row of res.departments) {
      if (dept && row.departmentId !== dept) continue;
      const k = key(h.roundId, row.departmentId);
      const record = recordOf.get(k);
      const c = caseOf.get(k);
      const appeal = appealOf.get(k);
      if (!filter.all && !row.flagged && !record && !c && !appeal) continue;
      const d = deptOf.get(row.departmentId)!;
      const s = departmentQuarterState(
        {
          roundId: h.roundId,
          departmentId: row.departmentId,
          result: {
            rank: row.rank,
            rankedCount: res.rankedCount,
            mean: row.mean,
            dissatisfiedRate: row.dissatisfiedRate,
            flagged: row.flagged,
          },
          record: record
            ? {
                measures: record.measures.map((m) => ({
                  measure: m.measure,
                  status: m.status,
                  scheduledFor: m.scheduledFor,
                  doneAt: m.doneAt,
                })),
              }
            : null,
          rectification: c ? { id: c.id, status: c.status, deadline: c.deadline, closedAt: c.closedAt?.toISOString() ?? null } : null,
          appeal: appeal ? { id: appeal.id, status: appeal.status } : null,
        },
        today,
      );
      states.push({ ...s, departmentCode: d.code, departmentName: d.nameZh, departmentNameEn: d.nameEn });
    }
  }
  states.sort((a, b) => compareRounds(b.roundId, a.roundId) || a.departmentCode.localeCompare(b.departmentCode));
  return { today, states };
}
