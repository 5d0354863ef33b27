// Revocable sessions, idle and absolute lifetimes, the Secure cookie, per-account login backoff that a
// rotating address cannot escape, and login events in the audit log.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, users } from '#server/db/schema.ts';
import { makeTestContext, sessionCookie, TEST_PASSWORD } from '../support/app.ts';

const wall = { ms: Date.parse('2026-06-01T08:00:00Z') };
const ctx = await makeTestContext({
  config: { sessionIdleMinutes: 30, sessionMaxHours: 8, trustProxy: ['127.0.0.1'] },
  sessionNow: () => wall.ms,
});
await ctx.as('admin');
const login = (username: string, password: string, forwardedFor = '198.51.100.1') =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
    headers: { 'x-forwarded-for': forwardedFor },
  });
const me = (cookie: string) => ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
const minutes = (n: number) => {
  wall.ms += n * 60_000;
};

describe('sessions', () => {
  it('logout ends the session: the old cookie no longer reads /me or /audit', async () => {
    const res = await login('test-admin', TEST_PASSWORD);
    const cookie = sessionCookie(res);
    expect(res.cookies.find((c) => c.name === 'pingyi_session')!.secure).toBe(true);
    expect((await me(cookie)).statusCode).toBe(200);
    const out = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } });
    expect(out.statusCode).toBe(200);
    expect((await me(cookie)).statusCode).toBe(401);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/audit', headers: { cookie } })).statusCode).toBe(401);
  });

  it('logout in one browser ends every session of that person, and only theirs', async () => {
    const office = sessionCookie(await login('test-admin', TEST_PASSWORD, '198.51.100.2'));
    const phone = sessionCookie(await login('test-admin', TEST_PASSWORD, '198.51.100.3'));
    const leader = await ctx.as('leader');
    expect((await me(office)).statusCode).toBe(200);
    expect((await me(phone)).statusCode).toBe(200);
    const before = (await ctx.database.db.select().from(users).where(eq(users.username, 'test-admin')))[0]!.sessionVersion;
    expect((await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: phone } })).statusCode).toBe(200);
    expect((await ctx.database.db.select().from(users).where(eq(users.username, 'test-admin')))[0]!.sessionVersion).toBe(before + 1);
    expect((await me(office)).statusCode).toBe(401);
    expect((await me(phone)).statusCode).toBe(401);
    expect((await me(leader)).statusCode).toBe(200);
    // Signing in again starts a fresh session under the new version.
    expect((await me(sessionCookie(await login('test-admin', TEST_PASSWORD, '198.51.100.4')))).statusCode).toBe(200);
  });

  it('a head deactivated in the database loses access on the next request', async () => {
    const cookie = await ctx.as('dept_head');
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/rectification/cases', headers: { cookie } })).statusCode).toBe(200);
    await ctx.database.db.update(users).set({ active: false }).where(eq(users.username, 'test-dept_head'));
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/rectification/cases', headers: { cookie } })).statusCode).toBe(401);
  });

  it('ends after the idle timeout, slides while used, and ends at the absolute lifetime', async () => {
    let cookie = sessionCookie(await login('test-admin', TEST_PASSWORD));
    minutes(31);
    expect((await me(cookie)).statusCode).toBe(401);

    cookie = sessionCookie(await login('test-admin', TEST_PASSWORD));
    // Used every 20 minutes: the refreshed cookie keeps it alive past 30 minutes…
    for (let i = 0; i < 23; i++) {
      minutes(20);
      const res = await me(cookie);
      expect(res.statusCode, `after ${(i + 1) * 20} minutes`).toBe(200);
      const refreshed = res.cookies.find((c) => c.name === 'pingyi_session');
      if (refreshed) cookie = `pingyi_session=${refreshed.value}`;
    }
    // …but not past eight hours from login.
    minutes(21);
    expect((await me(cookie)).statusCode).toBe(401);
  });
});

describe('login throttling', () => {
  it('backs off one account whatever address the guesses come from', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 200; i++) statuses.push((await login('test-admin', `guess-${i}`, `203.0.113.${i % 250}`)).statusCode);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(190);
    // Even the right password waits out the backoff; then it works and the count starts over.
    const locked = await login('test-admin', TEST_PASSWORD, '203.0.113.251');
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    minutes(16);
    expect((await login('test-admin', TEST_PASSWORD, '203.0.113.252')).statusCode).toBe(200);
  });

  it('limits one address across accounts', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await login(`nobody-${i}`, 'x', '192.0.2.50')).statusCode);
    expect(statuses).toContain(429);
  });

  it('audits logins, failed logins and logouts with the address', async () => {
    await login('test-leader-missing', 'wrong', '192.0.2.77');
    const rows = await ctx.database.db.select().from(auditLog);
    const actions = rows.map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['auth.login', 'auth.login_failed', 'auth.logout']));
    const failed = rows.find((r) => r.action === 'auth.login_failed' && r.entityId === 'test-leader-missing')!;
    expect(failed.summary).toMatchObject({ address: '192.0.2.77' });
    // Throttled guesses are refused before any password check and are not written one by one.
    expect(actions.filter((a) => a === 'auth.login_failed').length).toBeLessThan(30);
  });
});
