import { describe, expect, it } from 'vitest';
import { DEFAULT_REASONS } from '#shared/reasons.ts';
import { reasonItems, reasonLine } from './reasons.ts';

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
