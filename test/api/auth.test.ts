import { describe, expect, it } from 'vitest';
import { makeTestContext, TEST_PASSWORD } from '../support/app.ts';

const ctx = await makeTestContext();
const login = (username: string, password: string) =>
  ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });

describe('auth', () => {
  it('logs in with an HttpOnly SameSite cookie and returns the user', async () => {
    await ctx.as('admin');
    const res = await login('test-admin', TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ username: 'test-admin', role: 'admin', departmentId: null });
    const cookie = res.cookies.find((c) => c.name === 'pingyi_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    expect(res.json()).not.toHaveProperty('passwordHash');
  });

  it('refuses a wrong password or an unknown user with the same message', async () => {
    const wrong = await login('test-admin', 'nope');
    const unknown = await login('nobody', 'nope');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error.code).toBe('unauthorized');
  });

  it('rejects a malformed login body with a 400 naming the field', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: '' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
    expect(res.json().error.message).toMatch(/username|password/);
  });

  it('GET /me answers for a session and 401 without, or with a forged token', async () => {
    const cookie = await ctx.as('leader');
    const me = await ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json().role).toBe('leader');
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
    const forged = cookie.slice(0, -4) + 'AAAA';
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: forged } })).statusCode).toBe(401);
  });

  it('an expired token is refused', async () => {
    const token = ctx.app.jwt.sign({ id: 1, sv: 0, auth: Date.now(), seen: Date.now() }, { expiresIn: -10 });
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: `pingyi_session=${token}` } });
    expect(res.statusCode).toBe(401);
  });

  it('logout clears the cookie', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/logout' });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'pingyi_session')!;
    expect(cookie.value).toBe('');
  });

  it('health needs no login and reports the database', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: { reachable: true } });
  });

  it('rate-limits repeated logins', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) codes.push((await login('nobody', 'x')).statusCode);
    expect(codes).toContain(429);
    const res = await login('nobody', 'x');
    expect(res.json().error.code).toBe('rate_limited');
  });

  it('unknown API routes answer in the one error shape', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
  });

  it('sends security headers with a CSP', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});
