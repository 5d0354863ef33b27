import { describe, expect, it } from 'vitest';
import { DEFAULT_REASONS } from '#shared/reasons.ts';
import { planAnswers, reasonItems, reasonLine } from './reasons.ts';

describe('reason items', () => {
  const counts = [
    { code: 'repeat_trips', count: 13 },
    { code: 'slow', count: 7 },
    { code: 'poor_attitude', count: 3 },
    { code: 'other', count: null },
  ] as const;

  it('words each reason as the round does and shows fewer than 3 as "<3"', () => {
    expect(reasonItems(counts, DEFAULT_REASONS, false).map((r) => `${r.label}:${r.text}`)).toEqual([
      '多次跑动:13',
      '办事效率低:7',
      '服务态度差:3',
      '其他:<3',
    ]);
    expect(reasonItems(counts, DEFAULT_REASONS, true)[0]!.label).toBe('Several trips for one matter');
    const relabelled = DEFAULT_REASONS.map((r) => (r.code === 'slow' ? { ...r, labelZh: '办事慢' } : r));
    expect(reasonItems(counts, relabelled, false)[1]!.label).toBe('办事慢');
  });

  it('sums up the most chosen shown reasons in a line, never a suppressed one', () => {
    expect(reasonLine(reasonItems(counts, DEFAULT_REASONS, false))).toBe('多次跑动 13 · 办事效率低 7');
    expect(reasonLine(reasonItems([{ code: 'other', count: null }], DEFAULT_REASONS, false))).toBe('');
  });
});

describe('the plan against the top reasons', () => {
  const top = [
    { code: 'repeat_trips', count: 13, labelZh: '多次跑动', labelEn: 'Several trips for one matter' },
    { code: 'slow', count: 7, labelZh: '办事效率低', labelEn: 'Slow to get things done' },
  ] as const;
  it('lists the measures aimed at each top reason, in the reasons’ order; a general measure answers none', () => {
    const measures = [
      { measure: '一次告知清单', owner: '办公室', due: '2026-06-30', reason: 'repeat_trips' as const },
      { measure: '全员培训', owner: '人事科', due: '2026-06-30' },
      { measure: '窗口延时服务', owner: '窗口', due: '2026-05-31', reason: 'repeat_trips' as const },
    ];
    expect(planAnswers(top, measures, false)).toEqual([
      {
        code: 'repeat_trips',
        label: '多次跑动',
        count: 13,
        measures: [
          { measure: '一次告知清单', owner: '办公室', due: '2026-06-30' },
          { measure: '窗口延时服务', owner: '窗口', due: '2026-05-31' },
        ],
      },
      { code: 'slow', label: '办事效率低', count: 7, measures: [] },
    ]);
  });
  it('answers nothing while no plan is written', () => {
    expect(planAnswers(top, undefined, true).map((a) => [a.label, a.measures.length])).toEqual([
      ['Several trips for one matter', 0],
      ['Slow to get things done', 0],
    ]);
  });
});
