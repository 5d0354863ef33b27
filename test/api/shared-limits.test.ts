// Limits shared by replicas: two app instances on one database (as two processes behind a balancer)
// count into the same login backoff and the same per-address limits, so a second replica buys an
// attacker nothing. (test/replicas repeats the login case with real processes on PostgreSQL.)
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '#server/app.ts';
import { FREE_FAILURES } from '#server/auth/login-throttle.ts';
import { makeTestContext, TEST_PASSWORD } from '../support/app.ts';
import { testConfig } from '../support/config.ts';
import { completeSubmission } from '../support/survey.ts';

const ctx = await makeTestContext();
const other = await buildApp({
  database: ctx.database,
  config: testConfig(),
  now: () => ctx.clock.now,
});
afterAll(() => other.close());
const replicas = [ctx.app, other];
await ctx.as('leader'); // creates test-leader
const login = (i: number, password: string, remoteAddress: string) =>
  replicas[i % 2]!.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress, payload: { username: 'test-leader', password } });

describe('limits shared by two app instances on one database', () => {
  it('8 failed logins spread over both lock the account on both, the right password included', async () => {
    // From eight addresses, so no per-address limit is in the way: only the account's backoff counts.
    for (let i = 0; i < 8; i++) {
      const res = await login(i, 'wrong password', `10.0.0.${i + 1}`);
      expect(res.statusCode, `attempt ${i + 1}`).toBe(i < FREE_FAILURES + 1 ? 401 : 429);
    }
    for (const i of [0, 1]) {
      const res = await login(i, TEST_PASSWORD, '10.0.1.1');
      expect(res.statusCode).toBe(429);
      expect(res.json().error.details.retryAfterSeconds).toBeGreaterThan(0);
    }
  });

  it('unknown survey links from one address: the guard counts misses on both and stops the address on both', async () => {
    const open = (i: number, remoteAddress: string) =>
      replicas[i % 2]!.inject({ method: 'GET', url: `/api/v1/survey/${'x'.repeat(21)}${i % 10}`, remoteAddress });
    for (let i = 0; i < 20; i++) expect((await open(i, '10.0.2.1')).statusCode).toBe(404);
    expect((await open(0, '10.0.2.1')).statusCode).toBe(429);
    expect((await open(1, '10.0.2.1')).statusCode).toBe(429);
    expect((await open(1, '10.0.2.2')).statusCode).toBe(404);
  });

  it('one survey link opened 60 times a minute over both, from 60 addresses: the 61st is refused on either', async () => {
    // Each from its own address, so neither the per-address limit nor the guard is in the way: the per-token limit counts.
    const open = (i: number) =>
      replicas[i % 2]!.inject({ method: 'GET', url: `/api/v1/survey/${'T'.repeat(22)}`, remoteAddress: `10.0.4.${i + 1}` });
    for (let i = 0; i < 60; i++) expect((await open(i)).statusCode, `request ${i + 1}`).toBe(404);
    const refused = await open(60);
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await open(61)).statusCode).toBe(429);
  });

  it("a link's submissions count in the books of its other calls (the submit reads the link in the limits' statement)", async () => {
    const token = 'S'.repeat(22);
    const open = (i: number) =>
      replicas[i % 2]!.inject({ method: 'GET', url: `/api/v1/survey/${token}`, remoteAddress: `10.0.5.${i + 1}` });
    const submit = (i: number) =>
      replicas[i % 2]!.inject({
        method: 'POST',
        url: `/api/v1/survey/${token}/submit`,
        remoteAddress: `10.0.6.${i + 1}`,
        payload: completeSubmission([1, 2]),
      });
    for (let i = 0; i < 30; i++) expect((await open(i)).statusCode, `open ${i + 1}`).toBe(404);
    for (let i = 0; i < 30; i++) expect((await submit(i)).statusCode, `submit ${i + 1}`).toBe(404);
    expect((await submit(30)).statusCode).toBe(429);
    expect((await open(31)).statusCode).toBe(429);
  });

  it("a route's own limit (10 logins a minute from one address) counts over both", async () => {
    const statuses = [];
    for (let i = 0; i < 11; i++)
      statuses.push(
        (
          await replicas[i % 2]!.inject({
            method: 'POST',
            url: '/api/v1/auth/login',
            remoteAddress: '10.0.3.1',
            payload: { username: `nobody-${i}`, password: 'x' },
          })
        ).statusCode,
      );
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});
