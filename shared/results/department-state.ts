// One state per department and quarter: where it ranked, the measures decided for it and where each
// stands, its rectification case, its appeal, and what happens next by when. Every page that speaks of
// a department's quarter (本部门, 数据看板, 问责督办, the department history, the public page, the printed
// report) shows this, so none can contradict another. Pure: the server gathers the facts and calls it.
import type { AppealStatus } from '../appeals.ts';
import type { CaseStatus } from '../schemas/rectification.ts';
import { ESCALATION_LEVELS, type EscalationLevel, type EscalationStatus } from './escalation.ts';
import { compareRounds } from './quarters.ts';

/** What a measure's follow-up says: 待安排 / 已安排 + date / 已完成 + date / 申诉中暂缓 / 撤销. */
export type MeasureStanding = { measure: EscalationLevel; status: EscalationStatus; date: string | null };

export type QuarterFacts = {
  roundId: string;
  departmentId: number;
  result: { rank: number | null; rankedCount: number; mean: number | null; dissatisfiedRate: number | null; flagged: boolean };
  /** The current (not superseded) escalation record of the quarter, if any. */
  record: {
    measures: readonly { measure: EscalationLevel; status: EscalationStatus; scheduledFor: string | null; doneAt: string | null }[];
  } | null;
  rectification: { id: number; status: CaseStatus; deadline: string; closedAt: string | null } | null;
  appeal: { id: number; status: AppealStatus } | null;
};

export type NextStep =
  /** The appeal is pending: the measures wait for the decision. */
  | { kind: 'appeal'; due: null; overdue: false }
  | { kind: 'measure'; measure: EscalationLevel; status: 'pending' | 'scheduled'; due: string | null; overdue: boolean }
  /** The department reports on its rectification by the deadline; submitted: the office reviews it. */
  | { kind: 'rectification'; caseId: number; status: 'open' | 'returned' | 'submitted'; due: string; overdue: boolean };

export type DepartmentQuarterState = {
  roundId: string;
  departmentId: number;
  rank: number | null;
  rankedCount: number;
  /** 1 = last; null when not ranked. */
  fromBottom: number | null;
  mean: number | null;
  dissatisfiedRate: number | null;
  flagged: boolean;
  measures: MeasureStanding[];
  rectification: { id: number; status: CaseStatus; deadline: string; overdue: boolean; closedAt: string | null } | null;
  appeal: { id: number; status: AppealStatus } | null;
  /** What is still to happen: a pending appeal, then earliest due first (undated last); empty when settled. */
  next: NextStep[];
  /** Something is still to happen for this quarter. */
  open: boolean;
};

const severity = (m: EscalationLevel) => ESCALATION_LEVELS.indexOf(m);

/** A measure's date: the day it is scheduled for, or the day it was done. */
function standing(m: NonNullable<QuarterFacts['record']>['measures'][number]): MeasureStanding {
  const date = m.status === 'scheduled' ? m.scheduledFor : m.status === 'done' ? m.doneAt : null;
  return { measure: m.measure, status: m.status, date };
}

/** The state of one department in one quarter, as of the city's day `today` (YYYY-MM-DD). */
export function departmentQuarterState(f: QuarterFacts, today: string): DepartmentQuarterState {
  const { rank, rankedCount } = f.result;
  const measures = [...(f.record?.measures ?? [])].sort((a, b) => severity(a.measure) - severity(b.measure)).map(standing);
  const c = f.rectification;
  const rectification = c
    ? { id: c.id, status: c.status, deadline: c.deadline, overdue: c.status !== 'closed' && c.deadline < today, closedAt: c.closedAt }
    : null;

  const next: NextStep[] = [];
  const held = measures.some((m) => m.status === 'on_hold');
  if (held || f.appeal?.status === 'pending') next.push({ kind: 'appeal', due: null, overdue: false });
  for (const m of measures) {
    if (m.status === 'pending' || m.status === 'scheduled') {
      next.push({ kind: 'measure', measure: m.measure, status: m.status, due: m.date, overdue: m.date !== null && m.date < today });
    }
  }
  if (rectification && rectification.status !== 'closed') {
    next.push({
      kind: 'rectification',
      caseId: rectification.id,
      status: rectification.status,
      due: rectification.deadline,
      overdue: rectification.overdue,
    });
  }
  // A pending appeal first (everything else waits on it), then overdue, then by due day, undated (待安排) last.
  const order = (s: NextStep) => (s.kind === 'appeal' ? -1 : s.overdue ? 0 : s.due ? 1 : 2);
  next.sort((a, b) => order(a) - order(b) || (a.due ?? '').localeCompare(b.due ?? ''));

  return {
    roundId: f.roundId,
    departmentId: f.departmentId,
    rank,
    rankedCount,
    fromBottom: rank === null ? null : rankedCount - rank + 1,
    mean: f.result.mean,
    dissatisfiedRate: f.result.dissatisfiedRate,
    flagged: f.result.flagged,
    measures,
    rectification,
    appeal: f.appeal,
    next,
    open: next.length > 0,
  };
}

/** A department's quarters newest first, and those still open (older quarters can be open too). */
export function departmentStanding<S extends DepartmentQuarterState>(states: readonly S[]) {
  const quarters = [...states].sort((a, b) => compareRounds(b.roundId, a.roundId));
  return { latest: quarters[0] ?? null, quarters, open: quarters.filter((s) => s.open) };
}
