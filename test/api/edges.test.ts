// The request edges: one error shape for 413/414/415, control characters refused with 400, only JSON
// (multipart for uploads) on state-changing routes, foreign origins refused, duplicates as 409 naming the field.
import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { departments } from '#server/db/schema.ts';
import { makeTestContext } from '../support/app.ts';

const ctx = await makeTestContext();
const admin = await ctx.as('admin');
const departmentCount = async () => Number((await ctx.database.db.select({ n: count() }).from(departments))[0]!.n);
const newDepartment = (code: string) => ({ code, nameZh: '市测试' + code, category: 'service' });

const expectErrorShape = (res: { statusCode: number; json(): unknown }, status: number, code: string) => {
  expect(res.statusCode).toBe(status);
  expect(res.json()).toEqual({ error: expect.objectContaining({ code, message: expect.any(String) }) });
};

describe('content types', () => {
  it('refuses a body that is not JSON on a JSON route with 415, and changes nothing', async () => {
    const before = await departmentCount();
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/departments',
        headers: { cookie: admin, 'content-type': type },
        payload: 'code=x&nameZh=y',
      });
      expectErrorShape(res, 415, 'unsupported_media_type');
    }
    expect(await departmentCount()).toBe(before);
  });

  it('refuses text/plain even on a route without a body (a cross-site form cannot log anyone out)', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: admin, 'content-type': 'text/plain' },
      payload: '',
    });
    expectErrorShape(res, 415, 'unsupported_media_type');
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: admin } })).statusCode).toBe(200);
  });

  it('accepts JSON with a charset, and a bodyless POST with no content type', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/departments',
      headers: { cookie: admin, 'content-type': 'application/json; charset=utf-8' },
      payload: JSON.stringify(newDepartment('jsonok')),
    });
    expect(res.statusCode).toBe(201);
  });
});

describe('origin', () => {
  it('refuses a state change sent from another site, accepts one from this site', async () => {
    const before = await departmentCount();
    const foreign = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/departments',
      headers: { cookie: admin, origin: 'https://evil.example' },
      payload: newDepartment('evil'),
    });
    expectErrorShape(foreign, 403, 'foreign_origin');
    const nullOrigin = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/departments',
      headers: { cookie: admin, origin: 'null' },
      payload: newDepartment('evil2'),
    });
    expectErrorShape(nullOrigin, 403, 'foreign_origin');
    expect(await departmentCount()).toBe(before);
    const own = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/departments',
      headers: { cookie: admin, origin: 'https://pingyi.example.gov.cn' },
      payload: newDepartment('ownsite'),
    });
    expect(own.statusCode).toBe(201);
  });
});

describe('sizes', () => {
  it('answers 413 for an oversized body and 414 for an overlong address, in the one error shape', async () => {
    const big = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/departments',
      headers: { cookie: admin, 'content-type': 'application/json' },
      payload: JSON.stringify({ code: 'x', nameZh: 'y'.repeat(2 * 1024 * 1024) }),
    });
    expectErrorShape(big, 413, 'payload_too_large');
    const long = await ctx.app.inject({ method: 'GET', url: `/api/v1/enterprises?q=${'a'.repeat(5000)}`, headers: { cookie: admin } });
    expectErrorShape(long, 414, 'uri_too_long');
  });

  it('answers a malformed percent-encoding with 400 in the one error shape', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/departments/%zz', headers: { cookie: admin } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toEqual(expect.any(String));
  });
});

describe('control characters', () => {
  it('refuses a NUL or other control character in a body, a query or a path with 400 naming where', async () => {
    const before = await departmentCount();
    const body = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/departments',
      headers: { cookie: admin },
      payload: newDepartment('nul\u0000'),
    });
    expectErrorShape(body, 400, 'control_characters');
    expect(body.json().error.message).toContain('body.code');
    const bell = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/departments',
      headers: { cookie: admin },
      payload: { ...newDepartment('bell'), nameZh: '市\u0007局' },
    });
    expectErrorShape(bell, 400, 'control_characters');
    const nested = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/survey/${'x'.repeat(22)}/submit`,
      payload: {
        ratings: [
          { departmentId: 1, level: 'satisfied' },
          { departmentId: 2, level: 'dissatisfied', comment: '办事慢\u0007' },
        ],
      },
    });
    expectErrorShape(nested, 400, 'control_characters');
    expect(nested.json().error.message).toContain('body.ratings.1.comment');
    const query = await ctx.app.inject({ method: 'GET', url: '/api/v1/enterprises?q=%00', headers: { cookie: admin } });
    expectErrorShape(query, 400, 'control_characters');
    const path = await ctx.app.inject({ method: 'GET', url: '/api/v1/survey/abc%00def' });
    expectErrorShape(path, 400, 'control_characters');
    expect(await departmentCount()).toBe(before);
  });

  it('keeps line breaks and tabs in free text', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/departments',
      headers: { cookie: admin },
      payload: { ...newDepartment('lines'), nameZh: '市\t测试\r\n局' },
    });
    expect(res.statusCode).toBe(201);
  });
});

describe('client addresses', () => {
  const guess = (app: typeof ctx.app, i: number, forwardedFor: string) =>
    app.inject({
      method: 'GET',
      url: `/api/v1/survey/${'G'.repeat(20)}${String(i).padStart(2, '0')}`,
      remoteAddress: '192.0.2.7',
      headers: { 'x-forwarded-for': forwardedFor },
    });

  it('ignores X-Forwarded-For by default: a rotating header does not escape the token-guess limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await guess(ctx.app, i, `203.0.113.${i}`)).statusCode);
    expect(statuses.slice(0, 20).every((s) => s === 404)).toBe(true);
    expect(statuses.slice(20).every((s) => s === 429)).toBe(true);
  });

  it('believes X-Forwarded-For only from a listed proxy', async () => {
    const proxied = await makeTestContext({ config: { trustProxy: ['192.0.2.0/24'] } });
    const statuses: number[] = [];
    // Each guess comes from another client behind the trusted proxy: none is limited.
    for (let i = 0; i < 25; i++) statuses.push((await guess(proxied.app, i, `203.0.113.${i}`)).statusCode);
    expect(statuses.every((s) => s === 404)).toBe(true);
    // A caller that is not the proxy cannot choose its address.
    const direct: number[] = [];
    for (let i = 0; i < 22; i++) {
      const res = await proxied.app.inject({
        method: 'GET',
        url: `/api/v1/survey/${'H'.repeat(20)}${String(i).padStart(2, '0')}`,
        remoteAddress: '198.51.100.9',
        headers: { 'x-forwarded-for': `203.0.113.${100 + i}` },
      });
      direct.push(res.statusCode);
    }
    expect(direct.slice(20).every((s) => s === 429)).toBe(true);
  });
});
