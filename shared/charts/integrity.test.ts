import { describe, expect, it } from 'vitest';
import { appealQueue, appealState, robustnessLines, verdictStands } from './integrity.ts';

const names: Record<number, string> = { 1: '城管局', 2: '城投公司', 3: '市场监管局' };
const nameOf = (id: number) => names[id] ?? String(id);

describe('robustnessLines', () => {
  it('names the departments leaving and entering, and says when nothing was removed', () => {
    const lines = robustnessLines(
      {
        flaggedDepartmentIds: [1, 2],
        variants: [
          { variant: 'without_flagged', answersRemoved: 8, flaggedDepartmentIds: [2, 3], changes: true, entering: [3], leaving: [1] },
          { variant: 'without_straight_lined', answersRemoved: 0, flaggedDepartmentIds: [1, 2], changes: false, entering: [], leaving: [] },
        ],
      },
      nameOf,
    );
    expect(lines).toEqual([
      { variant: 'without_flagged', answersRemoved: 8, outcome: 'changes', leaving: ['城管局'], entering: ['市场监管局'] },
      { variant: 'without_straight_lined', answersRemoved: 0, outcome: 'none', leaving: [], entering: [] },
    ]);
    expect(verdictStands(lines)).toBe(false);
  });

  it('a recomputation that removes answers but keeps the bottom N stands', () => {
    const lines = robustnessLines(
      {
        flaggedDepartmentIds: [1],
        variants: [
          { variant: 'without_straight_lined', answersRemoved: 5, flaggedDepartmentIds: [1], changes: false, entering: [], leaving: [] },
        ],
      },
      nameOf,
    );
    expect(lines[0]!.outcome).toBe('same');
    expect(verdictStands(lines)).toBe(true);
    expect(robustnessLines(null, nameOf)).toEqual([]);
  });
});

describe('appeals in the web', () => {
  it('appealState', () => {
    expect(appealState(false, undefined)).toBe('not_flagged');
    expect(appealState(true, undefined)).toBe('can_file');
    expect(appealState(true, { status: 'pending' })).toBe('pending');
    expect(appealState(true, { status: 'upheld' })).toBe('upheld');
  });

  it('the queue puts pending appeals first, oldest first, then decided ones newest first', () => {
    const a = (id: number, status: 'pending' | 'upheld' | 'rejected', filedAt: string) => ({ id, status, filedAt });
    const queue = appealQueue([
      a(1, 'upheld', '2026-01-01'),
      a(2, 'pending', '2026-01-05'),
      a(3, 'pending', '2026-01-02'),
      a(4, 'rejected', '2026-01-03'),
    ]);
    expect(queue.map((x) => x.id)).toEqual([3, 2, 4, 1]);
  });
});
