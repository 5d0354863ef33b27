// Accounts: the security administrator creates them with a one-time password shown once, changes role
// or department, deactivates and resets; the person must replace a one-time password first; the
// password policy holds. The admin running rounds manages no account (三员分立).
import { describe, expect, it } from 'vitest';
import { auditLog } from '#server/db/schema.ts';
import { makeTestContext, sessionCookie } from '../support/app.ts';

const ctx = await makeTestContext();
const security = await ctx.as('security');
const api = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, cookie: string | null = security) =>
  ctx.app.inject({ method, url: `/api/v1${url}`, headers: cookie ? { cookie } : {}, ...(payload ? { payload } : {}) });
/** A password change from its own address (the route allows 10 a minute per address). */
const changePassword = (body: { currentPassword: string; newPassword: string }, cookie: string) =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/v1/auth/password',
    headers: { cookie },
    payload: body,
    remoteAddress: `10.30.0.${++address}`,
  });
// Each login from its own address: the per-address limit is not what these tests are about.
let address = 0;
const login = (username: string, password: string) =>
  ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress: `10.20.0.${++address}` });
const auditActions = async () => (await ctx.database.db.select().from(auditLog)).map((r) => r.action);

async function createHead(username: string) {
  const res = await api('POST', '/users', { username, displayName: '王局长', role: 'dept_head', departmentId: ctx.departmentIds.own });
  expect(res.statusCode).toBe(201);
  return res.json() as { user: { id: number; username: string; mustChangePassword: boolean }; oneTimePassword: string };
}

describe('accounts', () => {
  it('creates an account with a one-time password that must be changed at first login', async () => {
    const { user, oneTimePassword } = await createHead('head.wang');
    expect(user).toMatchObject({
      username: 'head.wang',
      role: 'dept_head',
      departmentId: ctx.departmentIds.own,
      active: true,
      mustChangePassword: true,
    });
    expect(oneTimePassword.length).toBeGreaterThanOrEqual(10);
    // Shown once: the list never carries it, nor a hash.
    const list = await api('GET', '/users');
    expect(list.body).not.toContain(oneTimePassword);
    expect(list.body).not.toContain('argon2');
    expect(list.json().map((u: { username: string }) => u.username)).toContain('head.wang');

    const first = await login('head.wang', oneTimePassword);
    expect(first.statusCode).toBe(200);
    expect(first.json().mustChangePassword).toBe(true);
    const cookie = sessionCookie(first);
    expect((await api('GET', '/me', undefined, cookie)).json().mustChangePassword).toBe(true);
    const blocked = await api('GET', '/rectification/cases', undefined, cookie);
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('password_change_required');

    const weak = await api('POST', '/auth/password', { currentPassword: oneTimePassword, newPassword: 'password123' }, cookie);
    expect(weak.statusCode).toBe(422);
    expect(weak.json().error).toMatchObject({ code: 'weak_password', details: { problems: ['weak'], warning: 'common' } });
    const changed = await api('POST', '/auth/password', { currentPassword: oneTimePassword, newPassword: 'river-lamp-93-kite' }, cookie);
    expect(changed.statusCode).toBe(200);
    expect(changed.json().mustChangePassword).toBe(false);
    const renewed = sessionCookie(changed);
    expect((await api('GET', '/rectification/cases', undefined, renewed)).statusCode).toBe(200);
    expect((await login('head.wang', oneTimePassword)).statusCode).toBe(401);
    expect((await login('head.wang', 'river-lamp-93-kite')).statusCode).toBe(200);
    expect(await auditActions()).toEqual(expect.arrayContaining(['user.create', 'auth.login', 'auth.password_change']));
    // The list says when each person last signed in (from the audit log), null for someone who never has.
    const listed = (await api('GET', '/users')).json() as { username: string; lastLoginAt: string | null }[];
    expect(listed.find((u) => u.username === 'head.wang')!.lastLoginAt).toBe(ctx.clock.now.toISOString());
    const never = await createHead('head.never');
    expect(never.user).toMatchObject({ lastLoginAt: null });
    expect((await api('GET', `/users/${never.user.id}`)).json().lastLoginAt).toBeNull();
  });

  it('refuses passwords that are short, the username, guessable or the published demo password', async () => {
    const { oneTimePassword } = await createHead('head.li');
    const cookie = sessionCookie(await login('head.li', oneTimePassword));
    for (const [newPassword, problem] of [
      ['short-1', 'too_short'],
      ['head.li-2026-x', 'contains_username'],
      ['1234567890', 'weak'],
      ['pingyi-demo', 'published'],
    ] as const) {
      const res = await api('POST', '/auth/password', { currentPassword: oneTimePassword, newPassword }, cookie);
      expect(res.statusCode).toBe(422);
      expect(res.json().error.details.problems).toContain(problem);
    }
    const wrongCurrent = await api(
      'POST',
      '/auth/password',
      { currentPassword: 'not-my-password', newPassword: 'river-lamp-93-kite' },
      cookie,
    );
    expect(wrongCurrent.json().error.code).toBe('wrong_password');
  });

  it("refuses the city's name with a year (Xiantao2027) and a department of the database with a year, saying why", async () => {
    const { oneTimePassword } = await createHead('head.qian');
    const cookie = sessionCookie(await login('head.qian', oneTimePassword));
    const city = await changePassword({ currentPassword: oneTimePassword, newPassword: 'Xiantao2027' }, cookie);
    expect(city.statusCode).toBe(422);
    expect(city.json().error).toMatchObject({
      code: 'weak_password',
      details: { fields: ['newPassword'], problems: ['weak'], warning: 'userInputs', suggestions: expect.arrayContaining(['anotherWord']) },
    });
    expect(city.json().error.message).toMatch(/too easy to guess.*personal/);
    // 'owndept' is a department code only this database has (the test's 市测试局).
    const department = await changePassword({ currentPassword: oneTimePassword, newPassword: 'Owndept-2026!' }, cookie);
    expect(department.statusCode).toBe(422);
    expect(department.json().error.details).toMatchObject({ problems: ['weak'], warning: 'userInputs' });
    // Nothing was changed: the one-time password still signs in, and a strong passphrase is taken.
    expect((await login('head.qian', oneTimePassword)).statusCode).toBe(200);
    expect((await changePassword({ currentPassword: oneTimePassword, newPassword: 'lantern-orchid-vapor-81' }, cookie)).statusCode).toBe(
      200,
    );
  });

  it('answers a duplicate username with 409 naming the field, and bad role/department combinations with 400', async () => {
    await createHead('head.zhao');
    const dup = await api('POST', '/users', { username: 'head.zhao', displayName: 'x', role: 'leader' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'duplicate', details: { fields: ['username'] } });
    const noDept = await api('POST', '/users', { username: 'head.nodept', displayName: 'x', role: 'dept_head' });
    expect(noDept.statusCode).toBe(400);
    expect(noDept.json().error.message).toContain('departmentId');
    const leaderWithDept = await api('POST', '/users', {
      username: 'leader.x',
      displayName: 'x',
      role: 'leader',
      departmentId: ctx.departmentIds.own,
    });
    expect(leaderWithDept.statusCode).toBe(400);
    const unknownDept = await api('POST', '/users', { username: 'head.ghost', displayName: 'x', role: 'dept_head', departmentId: 99_999 });
    expect(unknownDept.statusCode).toBe(422);
    expect(unknownDept.json().error.details.fields).toEqual(['departmentId']);
  });

  it("changing role or department, deactivating and resetting end the person's sessions at once", async () => {
    const { user, oneTimePassword } = await createHead('head.sun');
    let cookie = sessionCookie(await login('head.sun', oneTimePassword));
    cookie = sessionCookie(
      await api('POST', '/auth/password', { currentPassword: oneTimePassword, newPassword: 'quiet-harbor-2718' }, cookie),
    );
    expect((await api('GET', '/me', undefined, cookie)).statusCode).toBe(200);

    const moved = await api('PATCH', `/users/${user.id}`, { departmentId: ctx.departmentIds.other });
    expect(moved.json().departmentId).toBe(ctx.departmentIds.other);
    expect((await api('GET', '/me', undefined, cookie)).statusCode).toBe(401);

    cookie = sessionCookie(await login('head.sun', 'quiet-harbor-2718'));
    const promoted = await api('PATCH', `/users/${user.id}`, { role: 'leader' });
    expect(promoted.json()).toMatchObject({ role: 'leader', departmentId: null });
    expect((await api('GET', '/me', undefined, cookie)).statusCode).toBe(401);

    cookie = sessionCookie(await login('head.sun', 'quiet-harbor-2718'));
    const reset = await api('POST', `/users/${user.id}/reset-password`);
    expect(reset.json().user.mustChangePassword).toBe(true);
    expect((await api('GET', '/me', undefined, cookie)).statusCode).toBe(401);
    expect((await login('head.sun', 'quiet-harbor-2718')).statusCode).toBe(401);

    cookie = sessionCookie(await login('head.sun', reset.json().oneTimePassword));
    const off = await api('POST', `/users/${user.id}/deactivate`);
    expect(off.json().active).toBe(false);
    expect((await api('GET', '/me', undefined, cookie)).statusCode).toBe(401);
    expect((await login('head.sun', reset.json().oneTimePassword)).statusCode).toBe(401);
    expect(await auditActions()).toEqual(expect.arrayContaining(['user.update', 'user.password_reset', 'user.deactivate']));
  });

  it('a security administrator cannot change their own role, deactivate or reset themselves, and only they manage accounts', async () => {
    const me = (await api('GET', '/me')).json();
    expect((await api('PATCH', `/users/${me.id}`, { role: 'admin' })).json().error.code).toBe('own_account');
    expect((await api('DELETE', `/users/${me.id}`)).json().error.code).toBe('own_account');
    expect((await api('POST', `/users/${me.id}/reset-password`)).json().error.code).toBe('own_account');
    expect((await api('GET', '/me')).json().role).toBe('security');
    const target = (await api('GET', '/users')).json().find((u: { username: string }) => u.username === 'head.wang');
    for (const role of ['admin', 'leader', 'supervisor', 'dept_head', 'org'] as const) {
      const cookie = await ctx.as(role);
      expect((await api('GET', '/users', undefined, cookie)).statusCode).toBe(403);
      expect((await api('POST', '/users', { username: `x.${role}`, displayName: 'x', role: 'admin' }, cookie)).statusCode).toBe(403);
      expect((await api('POST', `/users/${target.id}/reset-password`, undefined, cookie)).statusCode).toBe(403);
    }
  });

  it('a security administrator may create and reset another security administrator, in the audit log the supervisor reads', async () => {
    const peer = await api('POST', '/users', { username: 'sec.two', displayName: '第二安全管理员', role: 'security' });
    expect(peer.statusCode).toBe(201);
    const reset = await api('POST', `/users/${peer.json().user.id}/reset-password`);
    expect(reset.statusCode).toBe(200);
    const entries = (await api('GET', '/audit?entityType=user&pageSize=500', undefined, await ctx.as('supervisor'))).json().items as {
      action: string;
      actorName: string;
      summary: { username?: string; after?: { role?: string } };
    }[];
    expect(entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'user.create',
          actorName: 'test-security',
          summary: expect.objectContaining({ after: expect.objectContaining({ username: 'sec.two', role: 'security' }) }),
        }),
        expect.objectContaining({
          action: 'user.password_reset',
          actorName: 'test-security',
          summary: expect.objectContaining({ username: 'sec.two' }),
        }),
      ]),
    );
    // No survey or business data: the security administrator reads accounts, its session and department names only.
    for (const url of [
      '/rounds',
      '/audit',
      '/enterprises',
      '/points/rules',
      '/rectification/cases',
      `/departments/${ctx.departmentIds.own}`,
    ]) {
      expect((await api('GET', url)).statusCode, url).toBe(403);
    }
    expect((await api('GET', '/departments')).statusCode).toBe(200);
  });
});
