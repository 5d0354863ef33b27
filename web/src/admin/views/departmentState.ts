// A department's quarter in sentences: the same words on 本部门, 数据看板, 问责督办, the department
// history, the public page and the printed report, from the one state the server decides.
import type { EscalationLevel } from '#shared/results/escalation.ts';
import type { DepartmentStateView } from '#shared/schemas/results.ts';

/** What the sentences need from the page: its translator (namespace state) and how it writes names and days. */
export interface StateWords {
  t(key: string, params?: Record<string, unknown>): string;
  quarter(roundId: string): string;
  measure(m: EscalationLevel): string;
  day(value: string): string;
}

export interface StateSentences {
  place: string;
  measures: string[];
  rectification: string | null;
  appeal: string | null;
  /** What happens next, by when; empty when the quarter is settled. */
  next: string[];
}

/** The state the public may read: the same, without what only the department and the office see. */
export type StateFacts = Pick<
  DepartmentStateView,
  'roundId' | 'rank' | 'rankedCount' | 'fromBottom' | 'flagged' | 'measures' | 'rectification' | 'appeal' | 'next'
>;

export function stateSentences(s: StateFacts, w: StateWords): StateSentences {
  const quarter = w.quarter(s.roundId);
  const place =
    s.rank === null
      ? w.t('notRanked', { quarter })
      : w.t(s.flagged ? 'placeFlagged' : 'place', { quarter, rank: s.rank, total: s.rankedCount, fromBottom: s.fromBottom });
  const measures = s.measures.map((m) => w.t(`measure.${m.status}`, { measure: w.measure(m.measure), date: m.date ? w.day(m.date) : '' }));
  const c = s.rectification;
  const rectification = !c
    ? null
    : c.status === 'closed'
      ? w.t('rectification.closed', { date: c.closedAt ? w.day(c.closedAt) : '' })
      : w.t(`rectification.${c.status}`, { deadline: w.day(c.deadline) }) + (c.overdue ? w.t('rectification.overdue') : '');
  const appeal = s.appeal ? w.t(`appeal.${s.appeal.status}`) : null;
  const late = (overdue: boolean) => (overdue ? w.t('next.overdue') : '');
  const next = s.next.map((n) => {
    switch (n.kind) {
      case 'appeal':
        return w.t('next.appeal');
      case 'measure':
        return n.status === 'scheduled' && n.due
          ? w.t('next.measureScheduled', { measure: w.measure(n.measure), date: w.day(n.due) }) + late(n.overdue)
          : w.t('next.measurePending', { measure: w.measure(n.measure) });
      case 'rectification': {
        const key =
          n.status === 'submitted'
            ? 'next.rectificationSubmitted'
            : n.status === 'returned'
              ? 'next.rectificationReturned'
              : 'next.rectificationOpen';
        return w.t(key, { date: w.day(n.due) }) + (n.status === 'submitted' ? '' : late(n.overdue));
      }
    }
  });
  return { place, measures, rectification, appeal, next };
}
