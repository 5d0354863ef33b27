import { describe, expect, it } from 'vitest';
import { ESCALATION_LABELS } from '#shared/results/escalation.ts';
import { departmentQuarterState } from '#shared/results/department-state.ts';
import { quarterLabel } from '#shared/round-lifecycle.ts';
import zh from '../../locales/zh/state.ts';
import { stateSentences, type StateWords } from './departmentState.ts';

// The Chinese strings with i18next's {{x}} interpolation, as the page's translator applies them.
const lookup = (key: string) => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], zh) as string;
const words: StateWords = {
  t: (key, params = {}) => lookup(key).replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k])),
  quarter: (id) => quarterLabel(id, 'zh'),
  measure: (m) => ESCALATION_LABELS[m].zh,
  day: (d) => d.slice(0, 10),
};
const base = {
  roundId: '2026Q3',
  departmentId: 7,
  result: { rank: 53, rankedCount: 53, mean: 61.2, dissatisfiedRate: 0.3, flagged: true },
  record: null,
  rectification: null,
  appeal: null,
};

describe('stateSentences', () => {
  it("the demo story in the office's words: place, 调离岗位 待安排, the overdue case, and what comes next by when", () => {
    const s = departmentQuarterState(
      {
        ...base,
        record: {
          measures: [
            { measure: 'reassignment', status: 'pending', scheduledFor: null, doneAt: null },
            { measure: 'admonishment', status: 'done', scheduledFor: null, doneAt: '2026-11-02' },
          ],
        },
        rectification: { id: 12, status: 'open', deadline: '2026-11-20', closedAt: null },
      },
      '2026-12-06',
    );
    expect(stateSentences(s, words)).toEqual({
      place: '2026年第三季度：第 53 名，共 53 个部门（倒数第 1）',
      measures: [`${ESCALATION_LABELS.admonishment.zh} · 已完成 2026-11-02`, `${ESCALATION_LABELS.reassignment.zh} · 待安排`],
      rectification: '整改 · 整改中，期限 2026-11-20（已逾期）',
      appeal: null,
      next: ['报送整改情况：2026-11-20 前，已逾期', `${ESCALATION_LABELS.reassignment.zh}：待营商办安排日期`],
    });
  });

  it('an appeal under review: measures on hold, the decision next; a settled quarter has no next step', () => {
    const held = departmentQuarterState(
      {
        ...base,
        record: { measures: [{ measure: 'pledge', status: 'on_hold', scheduledFor: null, doneAt: null }] },
        appeal: { id: 1, status: 'pending' },
      },
      '2026-12-06',
    );
    expect(stateSentences(held, words)).toMatchObject({
      measures: [`${ESCALATION_LABELS.pledge.zh} · 申诉中暂缓`],
      appeal: '申诉 · 复核中',
      next: ['等待营商办作出申诉复核决定，问责措施暂缓'],
    });
    const calm = departmentQuarterState({ ...base, result: { ...base.result, rank: 20, flagged: false } }, '2026-12-06');
    expect(stateSentences(calm, words)).toEqual({
      place: '2026年第三季度：第 20 名，共 53 个部门',
      measures: [],
      rectification: null,
      appeal: null,
      next: [],
    });
  });
});
