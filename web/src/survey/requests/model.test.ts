import { describe, expect, it } from 'vitest';
import { departmentChoices, errorKeyOf, MAX_REMEMBERED, rememberCode } from './model.ts';

const code = (n: number) => `ABCD-EFGH-JKLM-${'23456789ABCDEFGHJKLMNPQRSTUVWXYZ'[n]}AAA`;

describe('the requests panel', () => {
  it('maps errors to messages it has, and the rest to the general one', () => {
    expect(errorKeyOf({ status: 422, code: 'receipt_not_counted' })).toBe('receipt_not_counted');
    // The 6th request of one receipt in its round: its own words on the form, not the general message.
    expect(errorKeyOf({ status: 409, code: 'request_limit_reached' })).toBe('request_limit_reached');
    expect(errorKeyOf({ status: 400, code: 'control_characters' })).toBe('validation_failed');
    expect(errorKeyOf({ status: 0, code: 'network' })).toBe('network');
    expect(errorKeyOf({ status: 500, code: 'internal' })).toBe('other');
    expect(errorKeyOf(new Error('boom'))).toBe('other');
  });

  it('remembers each code once, newest first, normalised, at most a few', () => {
    expect(rememberCode(['ABCD-EFGH-JKLM-NPQR'], 'abcd efgh jklm npqr')).toEqual(['ABCD-EFGH-JKLM-NPQR']);
    expect(rememberCode(['ABCD-EFGH-JKLM-NPQR', 'junk'], 'WXYZ-WXYZ-WXYZ-WXYZ')).toEqual(['WXYZ-WXYZ-WXYZ-WXYZ', 'ABCD-EFGH-JKLM-NPQR']);
    expect(rememberCode([], 'not a code')).toEqual([]);
    const many = Array.from({ length: 30 }, (_, i) => code(i));
    expect(rememberCode(many, 'WXYZ-WXYZ-WXYZ-WXYZ')).toHaveLength(MAX_REMEMBERED);
  });
});

describe('the department picker', () => {
  const departments = [
    { id: 1, nameZh: '市市场监督管理局', nameEn: 'Market Regulation', category: 'enforcement' },
    { id: 2, nameZh: '市发展和改革委员会', nameEn: 'Development and Reform', category: 'economic' },
    { id: 3, nameZh: '市城市管理执法局', nameEn: 'Urban Management', category: 'enforcement' },
    { id: 4, nameZh: '市供电公司', nameEn: null, category: 'utility' },
  ];
  const ORDER = ['economic', 'enforcement', 'service', 'social', 'utility', 'party'];

  it('groups by category in the survey’s order and sorts names in pinyin order within a group', () => {
    expect(departmentChoices(departments, ORDER, '', 'zh').map((g) => [g.category, g.departments.map((d) => d.id)])).toEqual([
      ['economic', [2]],
      ['enforcement', [3, 1]],
      ['utility', [4]],
    ]);
  });

  it('narrows to the names that contain what was typed, in Chinese or English', () => {
    expect(departmentChoices(departments, ORDER, '执法', 'zh').flatMap((g) => g.departments.map((d) => d.id))).toEqual([3]);
    expect(departmentChoices(departments, ORDER, 'market', 'en').flatMap((g) => g.departments.map((d) => d.id))).toEqual([1]);
    expect(departmentChoices(departments, ORDER, '没有这个', 'zh')).toEqual([]);
  });
});
