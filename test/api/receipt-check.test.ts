// Issue 21, story 3: the receipt code travels in a POST body, never in a URL, and no log line at any level
// (the app's logger captured at trace) carries the code or its SHA-256, which responses.receipt_hash stores.
// The enterprise's survey routes log no body either. Runs on PGlite and, with DATABASE_URL, PostgreSQL.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { formatReceipt, receiptHash } from '#shared/receipt.ts';
import { makeTestContext } from '../support/app.ts';
import { seedRegistry } from '../support/fixtures.ts';
import { completeSubmission, openRoundWithTokens } from '../support/survey.ts';

const logLines: string[] = [];
const ctx = await makeTestContext({ logLevel: 'trace', logStream: { write: (line) => void logLines.push(line) }, ballotMoveEveryMs: 0 });
await seedRegistry(ctx.database.db, { enterprises: 80, departments: 3 });
const tokens = [...(await openRoundWithTokens(ctx, '2026Q1', { sampleSize: 8 })).values()];
const departmentIds: number[] = (await ctx.app.inject({ method: 'GET', url: `/api/v1/survey/${tokens[0]}` }))
  .json()
  .departments.map((d: { id: number }) => d.id);
const code = formatReceipt(randomBytes(12));
const comment = `回执测试-${code}`;
const submitted = await ctx.app.inject({
  method: 'POST',
  url: `/api/v1/survey/${tokens[0]}/submit`,
  payload: completeSubmission(departmentIds, () => 'satisfied', { receiptHash: receiptHash(code), comment }),
});
const check = (receipt: unknown, round = '2026Q1') =>
  ctx.app.inject({ method: 'POST', url: `/api/v1/rounds/${round}/receipts`, payload: { receipt } });

describe('checking a receipt', () => {
  it('answers counted for the code in the body, however it is typed, and not counted for another', async () => {
    expect(submitted.statusCode).toBe(200);
    const res = await check(code.toLowerCase().replaceAll('-', ' '));
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json()).toEqual({ counted: true });
    expect((await check(formatReceipt(randomBytes(12)))).json()).toEqual({ counted: false });
    expect((await check(code, '2026Q2')).json()).toEqual({ counted: false });
  });

  it('refuses a bad body in the one error shape without echoing the code', async () => {
    const short = await check('AB');
    expect(short.statusCode).toBe(400);
    expect(short.json().error.code).toBe('validation_failed');
    const malformed = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/rounds/2026Q1/receipts',
      headers: { 'content-type': 'application/json' },
      payload: `{"receipt": "${code}"`,
    });
    expect(malformed.statusCode).toBe(400);
  });

  it('tells a page still using the old URL to reload, without logging the call', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: `/api/v1/rounds/2026Q1/receipts/${code}` });
    expect(res.statusCode).toBe(410);
    expect(res.json().error.code).toBe('receipt_check_moved');
  });

  it('leaves neither the code nor its hash in any log line at trace level, and no survey body', () => {
    expect(logLines.length).toBeGreaterThan(0); // the logger did capture the rest of the app at trace
    const log = logLines.join('\n');
    for (const form of [code, code.toLowerCase(), code.replaceAll('-', ''), code.toLowerCase().replaceAll('-', ' '), receiptHash(code)]) {
      expect(log).not.toContain(form);
    }
    expect(log).not.toContain('/receipts');
    // The submit's line names the link (by design: it is the link) but carries no body.
    expect(log).not.toContain(comment);
    expect(log).not.toContain('"satisfied"');
  });
});
