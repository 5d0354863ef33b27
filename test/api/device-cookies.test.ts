// Nobody can lock a person out (issue 21, story 9): failures from elsewhere hold unknown browsers back,
// while a browser the person signed in with before (its device cookie) keeps signing in with the right
// password. A forged, expired or other account's device cookie earns nothing, and a device cookie that
// keeps failing is locked itself.
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { auditLog } from '#server/db/schema.ts';
import { makeTestContext, TEST_PASSWORD } from '../support/app.ts';

const wall = { ms: Date.parse('2026-06-01T08:00:00Z') };
const ctx = await makeTestContext({ config: { trustProxy: ['127.0.0.1'] }, sessionNow: () => wall.ms });
await ctx.as('admin');
await ctx.as('leader');

let address = 0;
/** Every attempt from its own address, so the per-address rate limit never answers first. */
const login = (username: string, password: string, device?: string) => {
  address += 1;
  return ctx.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
    headers: {
      'x-forwarded-for': `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`,
      ...(device ? { cookie: `pingyi_device=${device}` } : {}),
    },
  });
};
const deviceOf = (res: LightMyRequestResponse) => res.cookies.find((c) => c.name === 'pingyi_device')?.value;
/** An attacker's guesses from browsers the person never used. */
const attack = async (username: string, count: number) => {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) statuses.push((await login(username, `guess-${i}`)).statusCode);
  return statuses;
};
const days = (n: number) => {
  wall.ms += n * 24 * 3_600_000;
};

describe('device cookies', () => {
  it('a sign-in gives the browser an httpOnly device cookie sent to the login route only', async () => {
    const res = await login('test-admin', TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'pingyi_device')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', secure: true, path: '/api/v1/auth/login' });
    expect(cookie.maxAge).toBeGreaterThan(90 * 24 * 3600);
  });

  it('after 20 failures from elsewhere unknown browsers wait, yet the browser signed in before signs in with the right password', async () => {
    const home = deviceOf(await login('test-admin', TEST_PASSWORD))!;
    const statuses = await attack('test-admin', 20);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.at(-1)).toBe(429);
    const stranger = await login('test-admin', TEST_PASSWORD);
    expect(stranger.statusCode).toBe(429);
    expect(Number(stranger.headers['retry-after'])).toBeGreaterThan(0);

    const known = await login('test-admin', TEST_PASSWORD, home);
    expect(known.statusCode).toBe(200);
    expect(known.json()).toMatchObject({ username: 'test-admin' });
    // The known browser's success does not lift the lockout the attack earned for unknown browsers.
    expect((await login('test-admin', TEST_PASSWORD)).statusCode).toBe(429);
    // Its renewed cookie keeps working too, however long the attack goes on.
    const renewed = deviceOf(known)!;
    expect(renewed).not.toBe(home);
    await attack('test-admin', 20);
    expect((await login('test-admin', TEST_PASSWORD, renewed)).statusCode).toBe(200);
  });

  it("a forged device cookie, another account's or a session cookie in its place gives no exemption", async () => {
    days(1);
    const home = deviceOf(await login('test-admin', TEST_PASSWORD))!;
    const leaders = deviceOf(await login('test-leader', TEST_PASSWORD))!;
    await attack('test-admin', 20);
    const [body, signature] = home.split('.');
    // The same account and nonce signed with another secret, and a valid body under a tampered signature.
    const otherKey = createHmac('sha256', 'another-secret-another-secret-another').update('pingyi/device-cookie/v1').digest();
    const otherSigned = `${body}.${createHmac('sha256', otherKey).update(body!).digest('base64url')}`;
    const tampered = `${body}.${signature!.slice(0, -2)}${signature!.endsWith('AA') ? 'BB' : 'AA'}`;
    // The leader's own cookie renamed to the admin's account keeps the leader's signature.
    const leaderBody = JSON.parse(Buffer.from(leaders.split('.')[0]!, 'base64url').toString()) as { u: string };
    const relabelled = `${Buffer.from(JSON.stringify({ ...leaderBody, u: 'test-admin' })).toString('base64url')}.${leaders.split('.')[1]}`;
    const session = (await login('test-leader', TEST_PASSWORD)).cookies.find((c) => c.name === 'pingyi_session')!.value;
    for (const cookie of [otherSigned, tampered, leaders, relabelled, session, 'garbage']) {
      expect((await login('test-admin', TEST_PASSWORD, cookie)).statusCode, cookie).toBe(429);
    }
    expect((await login('test-admin', TEST_PASSWORD, home)).statusCode).toBe(200);
  });

  it('an expired device cookie gives no exemption', async () => {
    const old = deviceOf(await login('test-admin', TEST_PASSWORD))!;
    days(181);
    const fresh = deviceOf(await login('test-admin', TEST_PASSWORD))!;
    await attack('test-admin', 20);
    expect((await login('test-admin', TEST_PASSWORD, old)).statusCode).toBe(429);
    expect((await login('test-admin', TEST_PASSWORD, fresh)).statusCode).toBe(200);
  });

  it("a device cookie with repeated failures is locked itself; the person's other browsers are not", async () => {
    days(1);
    const stolen = deviceOf(await login('test-admin', TEST_PASSWORD))!;
    const office = deviceOf(await login('test-admin', TEST_PASSWORD))!;
    await attack('test-admin', 20);
    // Its own few failures are answered as failures (not held by the account's lockout)…
    const guesses: number[] = [];
    for (let i = 0; i < 5; i++) guesses.push((await login('test-admin', `stolen-guess-${i}`, stolen)).statusCode);
    expect(guesses).toEqual([401, 401, 401, 401, 401]);
    // …then the cookie counts for nothing: even the right password waits like an unknown browser.
    expect((await login('test-admin', TEST_PASSWORD, stolen)).statusCode).toBe(429);
    expect((await login('test-admin', 'stolen-guess-5', stolen)).statusCode).toBe(429);
    expect((await login('test-admin', TEST_PASSWORD, office)).statusCode).toBe(200);
  });

  it('audits logins and failures as before, saying whether the browser was known', async () => {
    const rows = await ctx.database.db.select().from(auditLog);
    expect(rows.some((r) => r.action === 'auth.login' && (r.summary as { knownDevice?: boolean }).knownDevice === true)).toBe(true);
    expect(rows.some((r) => r.action === 'auth.login_failed' && (r.summary as { knownDevice?: boolean }).knownDevice === true)).toBe(true);
    expect(rows.some((r) => r.action === 'auth.login_failed' && (r.summary as { knownDevice?: boolean }).knownDevice === false)).toBe(true);
  });
});
