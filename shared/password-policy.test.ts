import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEMO_DEPARTMENTS } from './demo/departments.ts';
import { passwordRuleProblems, STRENGTH_WARNINGS } from './password-policy.ts';
import { passwordPolicy } from './password-strength.ts';

const { check: checkPassword, feedbackInEnglish } = await passwordPolicy();
const ctx = (username = 'wang.li', extra: Partial<Parameters<typeof checkPassword>[1]> = {}) => ({
  username,
  displayName: '王力',
  year: 2026,
  ...extra,
});
const problems = (password: string, username = 'wang.li') => checkPassword(password, ctx(username)).problems;

describe('password policy', () => {
  it.each([
    ['short', ['too_short', 'weak']],
    ['123456789', ['too_short', 'weak']],
    ['1234567890', ['weak']],
    ['Password123', ['weak']],
    ['aaaaaaaaaaaa', ['weak']],
    ['abcdefghijk', ['weak']],
    ['qwertyuiop[]', ['weak']],
    ['WANG.LI.secret', ['contains_username', 'weak']],
    ['晨光-湖畔-71号', ['too_short']],
    ['晨光-湖畔-71号院子', []],
    ['river-lamp-93-kite', []],
    ['plum-otter-cinema-47', []],
  ])('%s → %o', (password, expected) => {
    expect(problems(password)).toEqual(expected);
  });

  it.each([
    // The city's name or the survey's with a year near now: the example, and its neighbours.
    'Xiantao2027',
    'xiantao2026!',
    'Pingyi2026',
    'XianTao-2031',
    'pingyi-2025!',
    'Hubei.Xiantao.2026',
    // Departments' names and codes with a year, and the person's display name.
    '市发展和改革委员会2026',
    '市自然资源和规划局2027',
    '市税务局-2026!',
    'swj-fgw-2026',
    '王力-pingyi-2026',
  ])('%s is refused as guessable, and says why', (password) => {
    const verdict = checkPassword(password, ctx());
    expect(verdict.problems).toEqual(['weak']);
    expect(verdict.warning).toBe('userInputs');
    expect(verdict.suggestions).toContain('anotherWord');
    expect(feedbackInEnglish(verdict)).toMatch(/personal/i);
  });

  it('other guessable passwords get their own reason', () => {
    expect(checkPassword('1234567890', ctx()).warning).toBe('topHundred');
    expect(checkPassword('qwertyuiop[]', ctx()).warning).toBe('straightRow');
    expect(checkPassword('aaaaaaaaaaaa', ctx()).warning).toBe('simpleRepeat');
    for (const p of ['Password123', 'abcdefghijk', '公安局公安局2025'])
      expect(STRENGTH_WARNINGS).toContain(checkPassword(p, ctx()).warning);
  });

  it("counts the departments it is given (e.g. the database's) as known words", () => {
    const password = 'zhaoshangju-2026';
    expect(checkPassword(password, ctx()).problems).toEqual([]);
    expect(checkPassword(password, ctx('wang.li', { words: ['zhaoshangju'] })).problems).toEqual(['weak']);
  });

  it("every demo department's name with a year is refused as guessable", () => {
    for (const d of DEMO_DEPARTMENTS) {
      expect(checkPassword(`${d.nameZh}2026`, ctx()).problems, d.nameZh).toContain('weak');
    }
  });

  it('the published demo password is refused even where the estimator alone would not catch it', () => {
    expect(passwordRuleProblems('pingyi-demo', 'admin')).toEqual(['published']);
    expect(checkPassword('pingyi-demo', ctx('admin')).problems).toEqual(expect.arrayContaining(['published', 'weak']));
  });

  it('a long random passphrase is accepted, with no warning', () => {
    const verdict = checkPassword('lantern-orchid-vapor-81-gravel', ctx());
    expect(verdict).toEqual({ problems: [], score: 4, warning: null, suggestions: [] });
  });

  it("a long password is judged by its first 64 characters (the estimate's time grows fast with length)", () => {
    expect(problems('xiantao2026'.repeat(18))).toEqual(['weak']);
    expect(problems(`lantern-orchid-vapor-81-gravel-${'a'.repeat(160)}`)).toEqual([]);
    expect(problems('x'.repeat(201))).toEqual(['too_long', 'weak']);
  });

  it('random strings of 14 or more letters and digits are accepted (the estimator only refuses guessable ones)', () => {
    const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { minLength: 14, maxLength: 30 }), (chars) => {
        expect(problems(chars.join(''), 'zz-user')).toEqual([]);
      }),
      { numRuns: 20 },
    );
  }, 30_000);

  it('anything shorter than ten characters is refused', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 9 }), (p) => {
        expect(passwordRuleProblems(p, 'someone')).toContain('too_short');
      }),
    );
  });
});
