import { describe, expect, it } from 'vitest';
import type { Account } from '#shared/schemas/users.ts';
import { passwordPolicy } from '#shared/password-strength.ts';
import { createBody, endsSessions, passwordRules, patchBody } from './model.ts';

const { check: checkPassword } = await passwordPolicy();

const head: Account = {
  id: 7,
  username: 'head.wang',
  displayName: '王局长',
  role: 'dept_head',
  departmentId: 3,
  active: true,
  mustChangePassword: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  lastLoginAt: null,
  decidesFrom: '2025-01-02T00:00:00.000Z',
};

describe('account form', () => {
  it('keeps a department only for heads when creating', () => {
    expect(createBody({ username: ' head.li ', displayName: '李局长', role: 'dept_head', departmentId: 4 })).toEqual({
      username: 'head.li',
      displayName: '李局长',
      role: 'dept_head',
      departmentId: 4,
    });
    expect(createBody({ username: 'lead', displayName: '赵', role: 'leader', departmentId: 4 }).departmentId).toBeNull();
  });

  it('sends only what changed, and a role change with its department', () => {
    expect(patchBody(head, { displayName: '王局长', role: 'dept_head', departmentId: 3 })).toEqual({});
    expect(patchBody(head, { displayName: '王建国', role: 'dept_head', departmentId: 3 })).toEqual({ displayName: '王建国' });
    expect(patchBody(head, { displayName: '王局长', role: 'dept_head', departmentId: 5 })).toEqual({ departmentId: 5 });
    expect(patchBody(head, { displayName: '王局长', role: 'leader', departmentId: 3 })).toEqual({ role: 'leader', departmentId: null });
    expect(endsSessions({ displayName: 'x' })).toBe(false);
    expect(endsSessions({ departmentId: 5 })).toBe(true);
  });

  it('reads the password policy rule by rule, the strength once its estimate has loaded', () => {
    const ctx = { username: 'head.wang', displayName: '王局长', year: 2026 };
    const met = (p: string) => Object.fromEntries(passwordRules(p, 'head.wang', checkPassword(p, ctx)).map((r) => [r.rule, r.met]));
    expect(met('')).toEqual({ too_short: false, contains_username: false, weak: false });
    expect(met('short-but-fine')).toEqual({ too_short: true, contains_username: true, weak: true });
    expect(met('password123')).toEqual({ too_short: true, contains_username: true, weak: false });
    expect(met('Xiantao2027')).toEqual({ too_short: true, contains_username: true, weak: false });
    expect(met('my-head.wang-pw')).toEqual({ too_short: true, contains_username: false, weak: false });
    expect(met('river-lamp-93-kite')).toEqual({ too_short: true, contains_username: true, weak: true });
    expect(met('pingyi-demo')).toEqual({ too_short: true, contains_username: true, published: false, weak: false });
    // Before the estimate has loaded the other rules already read; strength is not yet met.
    expect(Object.fromEntries(passwordRules('river-lamp-93-kite', 'head.wang', null).map((r) => [r.rule, r.met]))).toEqual({
      too_short: true,
      contains_username: true,
      weak: false,
    });
    expect(passwordRules('x'.repeat(201), 'a', null).map((r) => r.rule)).toContain('too_long');
  });
});
