import { describe, expect, it } from 'vitest';
import { groupComments } from './comments.ts';

describe('groupComments', () => {
  it('shows identical comments once with their count, most frequent first', () => {
    const texts = [...Array(22).fill('多次跑腿才办成'), '窗口人员态度很好', ...Array(3).fill('收费标准不透明')];
    expect(groupComments(texts)).toEqual([
      { text: '多次跑腿才办成', count: 22 },
      { text: '收费标准不透明', count: 3 },
      { text: '窗口人员态度很好', count: 1 },
    ]);
  });
  it('treats differences of white space only as the same comment, keeps line breaks of the first, and drops blanks', () => {
    expect(groupComments(['审批 太慢', ' 审批  太慢\n', '   '])).toEqual([{ text: '审批 太慢', count: 2 }]);
  });
  it('keeps different comments apart, in the given order when counts tie', () => {
    expect(groupComments(['b', 'a'])).toEqual([
      { text: 'b', count: 1 },
      { text: 'a', count: 1 },
    ]);
  });
});
