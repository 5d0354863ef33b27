import { describe, expect, it } from 'vitest';
import { DEFAULT_REASONS } from '#shared/reasons.ts';
import { createRoundSchema } from '#shared/schemas/rounds.ts';
import { addableReason, initialVerdictRules, verdictRulesBody } from './verdict-rules.ts';

describe('the round form’s verdict rules', () => {
  it('start from the defaults: seven reasons, unweighted ranking', () => {
    const rules = initialVerdictRules();
    expect(rules.officialRanking).toBe('unweighted');
    expect(rules.reasons.map((r) => r.labelZh)).toEqual([
      '办事效率低',
      '多次跑动',
      '材料要求不明',
      '政策落实不到位',
      '服务态度差',
      '乱收费或吃拿卡要',
      '其他',
    ]);
    // A copy: editing the form never edits the shared defaults.
    rules.reasons[0]!.labelZh = '办事慢';
    expect(DEFAULT_REASONS[0]!.labelZh).toBe('办事效率低');
  });

  it('a removed reason comes back under its own code with its default words; nothing to add when all are offered', () => {
    const without = DEFAULT_REASONS.filter((r) => r.code !== 'repeat_trips' && r.code !== 'other');
    expect(addableReason(without)).toEqual(DEFAULT_REASONS.find((r) => r.code === 'repeat_trips'));
    expect(addableReason(DEFAULT_REASONS)).toBeNull();
  });

  it('renaming keeps the code; the body passes the shared schema, and a blank wording does not', () => {
    const reasons = initialVerdictRules()
      .reasons.map((r) => (r.code === 'slow' ? { ...r, labelZh: ' 办事慢 ' } : r))
      .slice(0, 3);
    const body = verdictRulesBody({ reasons, officialRanking: 'weighted', other: 1 });
    expect(body).toEqual({
      reasons: [
        { code: 'slow', labelZh: '办事慢', labelEn: 'Slow to get things done' },
        { code: 'repeat_trips', labelZh: '多次跑动', labelEn: 'Several trips for one matter' },
        { code: 'unclear_requirements', labelZh: '材料要求不明', labelEn: 'Unclear document requirements' },
      ],
      officialRanking: 'weighted',
    });
    const dates = { id: '2027Q1', opensAt: '2027-03-01T09:00:00+08:00', closesAt: '2027-03-15T18:00:00+08:00' };
    expect(createRoundSchema.safeParse({ ...dates, ...body }).success).toBe(true);
    const blank = verdictRulesBody({ reasons: [{ ...reasons[0]!, labelZh: '  ' }] });
    expect(createRoundSchema.safeParse({ ...dates, ...blank }).success).toBe(false);
  });
});
