import { describe, expect, it } from 'vitest';
import { publicCaseTimeline } from './rectification-timeline.ts';

const tally = { entries: 4, calledBack: 3, reached: 2, solved: 2, satisfied: 1 };

describe('the public rectification timeline', () => {
  it('orders the case through time and keeps only public facts', () => {
    const t = publicCaseTimeline({
      createdAt: '2026-04-10T02:00:00.000Z',
      submittedAt: '2026-05-20T02:00:00.000Z',
      closedAt: '2026-06-01T02:00:00.000Z',
      commitment: '一个月内清理积压审批',
      plan: { measures: [{ measure: '压缩审批时限', owner: '张三', due: '2026-05-15' }] },
      progress: [
        { at: '2026-05-02T02:00:00.000Z', text: '已走访 12 家企业' },
        { at: '2026-04-20T02:00:00.000Z', text: '制定整改方案' },
      ],
      reviews: [
        { at: '2026-05-10T02:00:00.000Z', decision: 'return' },
        { at: '2026-06-01T02:00:00.000Z', decision: 'accept' },
      ],
      callbacks: tally,
    });
    expect(t.events.map((e) => [e.at.slice(0, 10), e.kind])).toEqual([
      ['2026-04-10', 'started'],
      ['2026-04-20', 'progress'],
      ['2026-05-02', 'progress'],
      ['2026-05-10', 'returned'],
      ['2026-05-20', 'report_filed'],
      ['2026-06-01', 'closed'],
    ]);
    expect(t.events[1]!.text).toBe('制定整改方案');
    expect(t.measures).toEqual([{ measure: '压缩审批时限', due: '2026-05-15' }]);
    expect(JSON.stringify(t)).not.toContain('张三');
    expect(t.callbacks).toEqual(tally);
  });

  it('an open case without a plan has only started', () => {
    const t = publicCaseTimeline({
      createdAt: '2026-04-10T02:00:00.000Z',
      submittedAt: null,
      closedAt: null,
      commitment: null,
      plan: null,
      progress: [],
      reviews: [],
      callbacks: { ...tally, entries: 0, calledBack: 0, reached: 0, solved: 0, satisfied: 0 },
    });
    expect(t).toMatchObject({ commitment: null, measures: [], events: [{ kind: 'started', text: null }] });
  });
});
