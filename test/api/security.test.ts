// Bad input and attack: fuzzed payloads never cause a 5xx or a change; guessing tokens is refused and
// slowed; exports never carry formulas; oversized, deeply nested and slow requests do not hurt the server.
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { enterprises, invitations, responses } from '#server/db/schema.ts';
import { makeUscc } from '#shared/uscc.ts';
import { makeTestContext } from '../support/app.ts';
import { seedRegistry } from '../support/fixtures.ts';
import { openRoundWithTokens } from '../support/survey.ts';
import { multipart } from '../support/multipart.ts';

const ctx = await makeTestContext();
const { db } = ctx.database;
await seedRegistry(db, { enterprises: 40, departments: 3 });
const admin = await ctx.as('admin');
// An enterprise whose name is a formula: it must reach the export as text.
const formulaName = '=HYPERLINK("http://evil.example","点我")';
await ctx.app.inject({
  method: 'POST',
  url: '/api/v1/enterprises',
  headers: { cookie: admin },
  payload: {
    uscc: makeUscc('429004MA0FXRMUL'),
    name: formulaName,
    industry: '+制造业',
    sizeClass: 'small',
    township: '@郑场镇',
    contactName: '-张三',
  },
});
const tokens = [...(await openRoundWithTokens(ctx, '2026Q1', { sampleSize: 41 })).values()];
const token = tokens[0]!;
const snapshot = async () => ({
  responses: Number((await db.select({ n: count() }).from(responses))[0]!.n),
  enterprises: Number((await db.select({ n: count() }).from(enterprises))[0]!.n),
  invitations: JSON.stringify(await db.select({ s: invitations.status, d: invitations.draft }).from(invitations).orderBy(invitations.id)),
});

describe('fuzzing', () => {
  it('the public survey endpoints never answer 5xx and never change anything on a rejected request', { timeout: 120_000 }, async () => {
    const before = await snapshot();
    const bodies = fc.oneof(
      fc.jsonValue(),
      fc.record(
        {
          submissionId: fc.oneof(fc.uuid(), fc.string()),
          ratings: fc.array(fc.record({ departmentId: fc.integer(), level: fc.string(), comment: fc.option(fc.string()) })),
          leastSatisfied: fc.array(fc.integer()),
        },
        { requiredKeys: [] },
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        bodies,
        fc.constantFrom('submit', 'draft', 'opened'),
        fc.oneof(fc.constant(token), fc.string({ maxLength: 40 })),
        async (body, kind, t) => {
          const res = await ctx.app.inject({
            method: kind === 'draft' ? 'PUT' : 'POST',
            url: `/api/v1/survey/${encodeURIComponent(t)}/${kind}`,
            payload: JSON.stringify(body),
            headers: { 'content-type': 'application/json' },
          });
          expect(res.statusCode).toBeLessThan(500);
          if (res.statusCode >= 400) expect(res.json().error.code).toEqual(expect.any(String));
          // A draft may legitimately be accepted; a submit with garbage never.
          if (kind === 'submit') expect(res.statusCode).not.toBe(200);
        },
      ),
      { numRuns: 300 },
    );
    const after = await snapshot();
    expect(after.responses).toBe(before.responses);
    expect(after.enterprises).toBe(before.enterprises);
  });

  it('the import endpoint never answers 5xx and applies nothing it rejects', { timeout: 120_000 }, async () => {
    const before = await snapshot();
    const files = fc.oneof(
      fc.uint8Array({ maxLength: 2000 }),
      fc
        .array(fc.array(fc.string({ maxLength: 30 }), { maxLength: 8 }), { maxLength: 30 })
        .map((rows) => rows.map((r) => r.join(',')).join('\n')),
    );
    await fc.assert(
      fc.asyncProperty(
        files,
        fc.constantFrom('x.csv', 'x.xlsx', 'x.txt'),
        fc.constantFrom('preview', 'apply'),
        async (content, name, step) => {
          const m = multipart(name, content);
          const res = await ctx.app.inject({
            method: 'POST',
            url: `/api/v1/enterprises/import/${step}`,
            payload: m.payload,
            headers: { ...m.headers, cookie: admin },
          });
          expect(res.statusCode).toBeLessThan(500);
        },
      ),
      { numRuns: 150 },
    );
    expect((await snapshot()).enterprises).toBe(before.enterprises);
  });
});

describe('token guessing', () => {
  it('refuses random tokens, then rate-limits the address; timing does not tell a real token from a guess', async () => {
    const time = async (t: string) => {
      const start = process.hrtime.bigint();
      const res = await ctx.app.inject({ method: 'GET', url: `/api/v1/survey/${t}`, remoteAddress: '10.9.9.9' });
      return { ms: Number(process.hrtime.bigint() - start) / 1e6, status: res.statusCode };
    };
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    // Lookups go by SHA-256 of the token, never by comparing strings: a guess that shares all but the
    // last character with a real token costs the same as a wild one, so timing leaks no prefix.
    const near = (_i: number) => tokens[1]!.slice(0, 21) + (tokens[1]!.endsWith('A') ? 'B' : 'A');
    const far = (i: number) => `${'q'.repeat(20)}${String(i).padStart(2, '0')}`;
    const nearMs: number[] = [];
    const farMs: number[] = [];
    for (let i = 0; i < 60; i++) {
      const pair = [
        [nearMs, near(i)],
        [farMs, far(i % 30)],
      ] as const;
      for (const [list, t] of i % 2 ? pair : [...pair].reverse()) {
        const start = process.hrtime.bigint();
        const res = await ctx.app.inject({
          method: 'GET',
          url: `/api/v1/survey/${t}`,
          remoteAddress: `10.${list === nearMs ? 1 : 2}.${i}.1`,
        });
        list.push(Number(process.hrtime.bigint() - start) / 1e6);
        expect(res.statusCode).toBe(404);
      }
    }
    const ratio = median(nearMs) / median(farMs);
    expect(ratio).toBeGreaterThan(1 / 3);
    expect(ratio).toBeLessThan(3);

    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await time(`${'Z'.repeat(20)}${String(i).padStart(2, '0')}`)).status);
    expect(statuses.slice(0, 20).every((s) => s === 404)).toBe(true);
    expect(statuses.slice(20).every((s) => s === 429)).toBe(true);
    // Even a real token is refused to that address until the window passes.
    expect((await time(tokens[2]!)).status).toBe(429);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/v1/survey/${tokens[2]}`, remoteAddress: '10.9.9.10' })).statusCode).toBe(200);
  });
});

describe('exports', () => {
  it('writes names that look like formulas as text, never as formulas', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/rounds/2026Q1/invitations.xlsx', headers: { cookie: admin } });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const cells: ExcelJS.Cell[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell)));
    const evil = cells.find((c) => String(c.value).includes('HYPERLINK'))!;
    expect(evil.type).toBe(ExcelJS.ValueType.String);
    expect(evil.value).toBe(`'${formulaName}`);
    expect(cells.some((c) => c.type === ExcelJS.ValueType.Formula)).toBe(false);
    expect(cells.find((c) => String(c.value).includes('张三'))!.value).toBe("'-张三");
  });
});

describe('hostile requests', () => {
  it('refuses an oversized body with 413 and a deeply nested one with 400', async () => {
    const big = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: JSON.stringify({ username: 'x'.repeat(2 * 1024 * 1024), password: 'x' }),
      headers: { 'content-type': 'application/json' },
    });
    expect(big.statusCode).toBe(413);
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/survey/${token}/submit`,
      payload: deep,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
  });

  it('keeps answering while slow clients hold connections open', async () => {
    await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = ctx.app.server.address() as AddressInfo;
    const sockets = Array.from({ length: 100 }, () => {
      const s = connect(port, '127.0.0.1');
      s.on('error', () => {});
      s.write('POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"u');
      return s;
    });
    let cutOff = 0;
    for (const s of sockets) s.on('close', () => cutOff++);
    // Every slow client is connected to the server before the health check asks (a state, not a pause).
    const held = () =>
      new Promise<number>((resolve, reject) => ctx.app.server.getConnections((err, n) => (err ? reject(err) : resolve(n))));
    await expect.poll(held, { timeout: 60_000, interval: 50 }).toBeGreaterThanOrEqual(100);
    const health = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
    expect(health.status).toBe(200);
    // It answered while all of them still held their connections: not after the server cut them off at its
    // request timeout (30 s), which is what a blocked server would have to wait for. No stopwatch needed.
    expect(cutOff).toBe(0);
    expect(await held()).toBeGreaterThanOrEqual(100);
    sockets.forEach((s) => s.destroy());
  });
});
