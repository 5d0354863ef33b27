import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { passwordProblems } from './password-policy.ts';

describe('password policy', () => {
  it.each([
    ['short', 'wang.li', ['too_short']],
    ['123456789', 'wang.li', ['too_short', 'common']],
    ['1234567890', 'wang.li', ['common']],
    ['Password123', 'wang.li', ['common']],
    ['pingyi-demo', 'admin', ['common']],
    ['aaaaaaaaaaaa', 'wang.li', ['common']],
    ['abcdefghijk', 'wang.li', ['common']],
    ['wang.li-2026!', 'wang.li', ['contains_username']],
    ['WANG.LI.secret', 'wang.li', ['contains_username']],
    ['晨光-湖畔-71号', 'wang.li', ['too_short']],
    ['晨光-湖畔-71号院子', 'wang.li', []],
    ['river-lamp-93-kite', 'wang.li', []],
  ])('%s for %s → %o', (password, username, problems) => {
    expect(passwordProblems(password, username)).toEqual(problems);
  });

  it('any password of ten or more random characters that avoids the username is accepted unless trivial or common', () => {
    fc.assert(fc.property(fc.string({ minLength: 10, maxLength: 40, unit: 'grapheme-ascii' }), (p) => {
      const problems = passwordProblems(p, 'zz-user');
      expect(problems.every((x) => x === 'common' || x === 'contains_username')).toBe(true);
    }));
  });

  it('anything shorter than ten characters is refused', () => {
    fc.assert(fc.property(fc.string({ maxLength: 9 }), (p) => {
      expect(passwordProblems(p, 'someone')).toContain('too_short');
    }));
  });
});
