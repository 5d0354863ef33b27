// Requests to departments (诉求直通) through the API: raising by a counted receipt, the thread by the
// request's own code, the department's queue and replies, feedback, the overdue flag, rate limits,
// bad input, and anonymity: nothing stored or logged ties a request to the receipt or the invitation.
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { formatReceipt, receiptHash } from '#shared/receipt.ts';
import { REQUEST_CODE_PATTERN, requestCodeHash } from '#shared/requests/code.ts';
import { DEFAULT_CITY_TZ } from '#shared/city-day.ts';
import { auditLog, invitations, requestReceiptUses, requestReplies, requests, rounds } from '#server/db/schema.ts';
import { dropExpiredReceiptUses, RECEIPT_USES_KEPT_DAYS } from '#server/requests/receipt-uses.ts';
import { releaseHeldRequests } from '#server/requests/release.ts';
import { makeTestContext } from '../support/app.ts';
import { seedRegistry } from '../support/fixtures.ts';
import { completeSubmission, openRoundWithTokens } from '../support/survey.ts';

const logLines: string[] = [];
const ctx = await makeTestContext({
  logLevel: 'info',
  logStream: { write: (line) => void logLines.push(line) },
  config: { requestRateLimit: 40 },
  ballotMoveEveryMs: 0,
});
const { db } = ctx.database;
await seedRegistry(db, { enterprises: 80, departments: 3 });
const tokens = [...(await openRoundWithTokens(ctx, '2026Q1', { sampleSize: 8 })).values()];
const surveyView = (await ctx.app.inject({ method: 'GET', url: `/api/v1/survey/${tokens[0]}` })).json();
const departmentIds: number[] = surveyView.departments.map((d: { id: number }) => d.id);

// Three enterprises submit, each with the receipt code its page made.
const receipts: string[] = [];
for (const token of tokens.slice(0, 3)) {
  const receipt = formatReceipt(randomBytes(12));
  const res = await ctx.app.inject({
    method: 'POST',
    url: `/api/v1/survey/${token}/submit`,
    payload: { ...completeSubmission(departmentIds), receiptHash: receiptHash(receipt) },
  });
  expect(res.statusCode).toBe(200);
  receipts.push(receipt);
}

let address = 0;
/** Each call from its own address unless told, so only the rate-limit test meets the limit. */
const call = (method: 'GET' | 'POST', url: string, payload?: object, opts: { cookie?: string; from?: string } = {}) =>
  ctx.app.inject({
    method,
    url: `/api/v1${url}`,
    remoteAddress: opts.from ?? `198.51.100.${(address++ % 250) + 1}`,
    headers: opts.cookie ? { cookie: opts.cookie } : {},
    ...(payload ? { payload } : {}),
  });
const raise = (body: Record<string, unknown>, from?: string) => call('POST', '/requests', body, { from });
/** What the ballot mover does when a batch of submissions is reported (test/api/polling.test.ts runs the real timer's tick). */
const nextBatch = () => db.transaction((tx) => releaseHeldRequests(tx, ctx.clock.now, { timeZone: DEFAULT_CITY_TZ, replyWorkingDays: 1 }));
const own = ctx.departmentIds.own;
const valid = { receipt: receipts[0]!, departmentId: own, category: 'inspection', text: '检查频次过高，同一事项一个月来了三次。' };

describe('raising a request', () => {
  it('refuses a receipt that was never counted, with a clear error and nothing stored', async () => {
    const res = await raise({ ...valid, receipt: formatReceipt(randomBytes(12)) });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toEqual({ error: { code: 'receipt_not_counted', message: expect.stringContaining('receipt code') } });
    expect(await db.select().from(requests)).toHaveLength(0);
  });

  it.each([
    ['a malformed receipt', { receipt: 'hello' }, 'validation_failed'],
    ['an unknown category', { category: 'bribe' }, 'validation_failed'],
    ['an empty text', { text: '   ' }, 'validation_failed'],
    ['a text over 2,000 characters', { text: '长'.repeat(2001) }, 'validation_failed'],
    ['a contact over 200 characters', { contact: '1'.repeat(201) }, 'validation_failed'],
    ['a NUL in the text', { text: 'a\u0000b' }, 'control_characters'],
    ['a control character in the contact', { contact: '138\u0007' }, 'control_characters'],
    ['a missing department', { departmentId: undefined }, 'validation_failed'],
  ])('refuses %s with 400 in the one error shape', async (_name, change, code) => {
    const res = await raise({ ...valid, ...change });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code, message: expect.any(String) } });
    expect(Object.keys(res.json())).toEqual(['error']);
  });

  it('refuses an unknown department with 422', async () => {
    const res = await raise({ ...valid, departmentId: 999_999 });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('unknown_department');
  });

  it('answers a code of its own, and the thread is read by that code alone, as inert text', async () => {
    const text = '<img src=x onerror=alert(1)> 检查频次过高';
    const res = await raise({ ...valid, text, receipt: receipts[0]!.toLowerCase().replace(/-/g, ' ') });
    expect(res.statusCode).toBe(201);
    const { code } = res.json();
    expect(code).toMatch(REQUEST_CODE_PATTERN);
    const thread = await call('GET', `/requests/by-code/${code.toLowerCase()}`);
    expect(thread.statusCode).toBe(200);
    expect(thread.headers['cache-control']).toBe('no-store');
    // Held until the next batch: the enterprise reads it at once, with no time and no due time yet.
    expect(thread.json()).toMatchObject({
      department: { id: own },
      category: 'inspection',
      text,
      contactLeft: false,
      state: 'held',
      raisedAt: null,
      dueAt: null,
      replies: [],
      feedback: null,
    });
    await nextBatch();
    expect((await call('GET', `/requests/by-code/${code}`)).json()).toMatchObject({
      state: 'waiting',
      raisedAt: ctx.clock.now.toISOString(),
    });
    expect((await call('GET', '/requests/by-code/AAAA-BBBB-CCCC-DDDD')).statusCode).toBe(404);
    expect((await call('GET', '/requests/by-code/nonsense')).json().error.code).toBe('validation_failed');
  });
});

describe('anonymity', () => {
  const contact = '王经理 13800001111';
  let code = '';
  it('stores nothing derived from the receipt, the round or the invitation, and logs neither text, code nor contact', async () => {
    const res = await raise({ ...valid, receipt: receipts[1]!, text: '希望上门指导办证流程', contact });
    expect(res.statusCode).toBe(201);
    code = res.json().code;
    await nextBatch();
    const rows = await db.select().from(requests);
    const row = rows.find((r) => r.codeHash === requestCodeHash(code))!;
    // The columns are exactly these: no receipt, round, invitation, address or submit time among them.
    expect(Object.keys(row).sort()).toEqual([
      'category',
      'codeHash',
      'contact',
      'departmentId',
      'dueAt',
      'feedbackAt',
      'firstReplyAt',
      'id',
      'raisedAt',
      'resolved',
      'satisfied',
      'text',
    ]);
    const invs = await db.select().from(invitations);
    const forbidden = [
      ...receipts,
      ...receipts.map(receiptHash),
      ...invs.flatMap((i) => [i.uscc, i.tokenHash, i.submissionId ?? i.uscc]),
      '2026Q1',
    ];
    const stored = JSON.stringify({
      rows,
      replies: await db.select().from(requestReplies),
      audit: (await db.select().from(auditLog)).filter((a) => a.entityType === 'request'),
    });
    for (const value of forbidden) expect(stored, value).not.toContain(value);
    expect(stored).not.toContain(code); // only its hash
    // The audit log says what happened, not what was written or who to call.
    const entries = (await db.select().from(auditLog)).filter((a) => a.action === 'request.create');
    expect(entries.at(-1)!.summary).toEqual({
      departmentId: own,
      category: 'inspection',
      chars: '希望上门指导办证流程'.length,
      contactLeft: true,
    });
    expect(entries.at(-1)!.actorName).toBe('enterprise');
    const log = logLines.join('\n');
    for (const secret of [code, contact, '希望上门指导办证流程', receipts[1]!]) expect(log).not.toContain(secret);
    expect(log).not.toContain('/api/v1/requests');
  });

  it("shows the contact to the department's head and the admin only, never back to the code holder", async () => {
    const thread = (await call('GET', `/requests/by-code/${code}`)).json();
    expect(thread.contactLeft).toBe(true);
    expect(JSON.stringify(thread)).not.toContain(contact);
    const contactFor = async (role: 'dept_head' | 'admin' | 'leader' | 'supervisor') =>
      (await call('GET', '/requests', undefined, { cookie: await ctx.as(role) }))
        .json()
        .items.find((i: { contactLeft: boolean }) => i.contactLeft)?.contact;
    expect(await contactFor('dept_head')).toBe(contact);
    expect(await contactFor('admin')).toBe(contact);
    expect(await contactFor('leader')).toBeNull();
    expect(await contactFor('supervisor')).toBeNull();
  });
});

describe("the department's queue, replies and feedback", () => {
  it("heads see their own department only; replying to another's is refused", async () => {
    await raise({ ...valid, departmentId: ctx.departmentIds.other, text: '其他部门的诉求' });
    await nextBatch();
    const mine = (await call('GET', '/requests', undefined, { cookie: await ctx.as('dept_head') })).json();
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((i: { department: { id: number } }) => i.department.id === own)).toBe(true);
    const theirs = (await call('GET', '/requests', undefined, { cookie: await ctx.as('other_head') })).json();
    expect(theirs.items.map((i: { text: string }) => i.text)).toEqual(['其他部门的诉求']);
    const res = await call('POST', `/requests/${mine.items[0].id}/replies`, { text: '越权答复' }, { cookie: await ctx.as('other_head') });
    expect(res.statusCode).toBe(403);
    const all = (await call('GET', '/requests', undefined, { cookie: await ctx.as('admin') })).json();
    expect(all.items.length).toBe(mine.items.length + 1);
    expect((await call('GET', '/requests', undefined, { cookie: await ctx.as('org') })).statusCode).toBe(403);
    expect((await call('GET', '/requests')).statusCode).toBe(401);
  });

  it('feedback waits for a reply; the head replies, the enterprise reads it and says whether it was solved', async () => {
    const { code } = (await raise({ ...valid, text: '办证需要跑三次' })).json();
    await nextBatch();
    const early = await call('POST', `/requests/by-code/${code}/feedback`, { resolved: true, satisfied: true });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('not_replied');
    const head = await ctx.as('dept_head');
    const item = (await call('GET', '/requests', undefined, { cookie: head }))
      .json()
      .items.find((i: { text: string }) => i.text === '办证需要跑三次');
    const replied = await call('POST', `/requests/${item.id}/replies`, { text: '已安排专人对接，一次办结。' }, { cookie: head });
    expect(replied.statusCode).toBe(200);
    expect(replied.json()).toMatchObject({
      state: 'replied',
      firstReplyAt: ctx.clock.now.toISOString(),
      overdue: false,
      replies: [{ text: '已安排专人对接，一次办结。', by: 'dept_head' }],
    });
    const thread = (await call('GET', `/requests/by-code/${code}`)).json();
    expect(thread.replies).toEqual([{ text: '已安排专人对接，一次办结。', at: ctx.clock.now.toISOString() }]);
    expect(JSON.stringify(thread)).not.toContain('test-dept_head');
    const fb = await call('POST', `/requests/by-code/${code}/feedback`, { resolved: true, satisfied: false });
    expect(fb.statusCode).toBe(200);
    expect(fb.json()).toMatchObject({ state: 'answered', feedback: { resolved: true, satisfied: false } });
    expect((await call('POST', `/requests/by-code/${code}/feedback`, { resolved: 'yes' })).statusCode).toBe(400);
    const actions = (await db.select().from(auditLog)).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['request.create', 'request.reply', 'request.feedback']));
    const stats = (await call('GET', '/requests/stats', undefined, { cookie: await ctx.as('leader') })).json();
    expect(stats.find((r: { departmentId: number }) => r.departmentId === own)).toMatchObject({
      quarter: '2026Q1',
      replied: 1,
      medianFirstReplyHours: 0,
      feedbacks: 1,
      resolvedShare: 1,
      satisfiedShare: 0,
    });
    expect((await call('GET', '/requests/stats', undefined, { cookie: head })).statusCode).toBe(403);
  });
});

describe('the first-reply target', () => {
  it('flags a request overdue to the admin once a working day has passed without a reply', async () => {
    // The clock says Sunday 2026-03-01 16:00 in the city: due by the end of Monday (16:00 UTC).
    ctx.clock.now = new Date('2026-03-01T08:00:00.000Z');
    const { code } = (await raise({ ...valid, text: '超时测试' })).json();
    await nextBatch();
    const admin = await ctx.as('admin');
    const find = async () => {
      const list = (await call('GET', '/requests', undefined, { cookie: admin })).json();
      return { list, item: list.items.find((i: { text: string }) => i.text === '超时测试') };
    };
    expect((await find()).item).toMatchObject({ dueAt: '2026-03-02T16:00:00.000Z', overdue: false });
    ctx.clock.now = new Date('2026-03-02T15:59:00.000Z');
    expect((await find()).item.overdue).toBe(false);
    ctx.clock.now = new Date('2026-03-02T16:00:00.000Z');
    const { list, item } = await find();
    expect(item.overdue).toBe(true);
    expect(list.overdue).toBeGreaterThanOrEqual(1);
    expect(list.items[0].overdue).toBe(true); // overdue first
    const onlyOverdue = (await call('GET', '/requests?state=overdue', undefined, { cookie: admin })).json();
    expect(onlyOverdue.items.every((i: { overdue: boolean }) => i.overdue)).toBe(true);
    // A late first reply ends the flag and says it was late.
    const res = await call('POST', `/requests/${item.id}/replies`, { text: '抱歉回复晚了' }, { cookie: admin });
    expect(res.json()).toMatchObject({ overdue: false, lateReply: true });
    expect((await call('GET', `/requests/by-code/${code}`)).json().state).toBe('replied');
  });
});

describe('the hold until a batch', () => {
  it('keeps a new request out of every queue, count, statistic and the audit log until the next batch; its time and due count from the release', async () => {
    ctx.clock.now = new Date('2026-03-03T01:00:00.000Z');
    const text = '暂缓转交测试';
    const { code } = (await raise({ ...valid, receipt: receipts[1]!, text })).json();
    const seen = async () => {
      const out: string[] = [];
      for (const role of ['dept_head', 'admin', 'leader', 'supervisor'] as const) {
        const cookie = await ctx.as(role);
        out.push((await call('GET', '/requests', undefined, { cookie })).body);
        out.push((await call('GET', '/requests?state=waiting', undefined, { cookie })).body);
        if (role !== 'dept_head') out.push((await call('GET', '/requests/stats', undefined, { cookie })).body);
      }
      out.push((await call('GET', '/audit?pageSize=200', undefined, { cookie: await ctx.as('supervisor') })).body);
      return out;
    };
    const before = await seen();
    expect(before.join('\n')).not.toContain(text);
    // A reply to it is refused as to an unknown request: staff cannot learn it exists.
    const [held] = await db
      .select()
      .from(requests)
      .where(eq(requests.codeHash, requestCodeHash(code)));
    expect((await call('POST', `/requests/${held!.id}/replies`, { text: '抢答' }, { cookie: await ctx.as('dept_head') })).statusCode).toBe(
      404,
    );
    ctx.clock.now = new Date('2026-03-03T03:30:00.000Z');
    expect(await seen()).toEqual(before);
    expect(await nextBatch()).toBe(1);
    const item = (await call('GET', '/requests', undefined, { cookie: await ctx.as('admin') }))
      .json()
      .items.find((i: { text: string }) => i.text === text);
    // Raised at the release, not when it was written; due by the end of the next working day from then.
    expect(item).toMatchObject({ raisedAt: '2026-03-03T03:30:00.000Z', dueAt: '2026-03-04T16:00:00.000Z', state: 'waiting' });
    const entry = (await db.select().from(auditLog)).filter((a) => a.action === 'request.create' && a.entityId === held!.id);
    expect(entry.map((e) => e.at.toISOString())).toEqual(['2026-03-03T03:30:00.000Z']);
  });
});

describe('requests per receipt', () => {
  it('lets one receipt raise at most 5 requests in its round: the 6th is refused in words, another receipt still works', async () => {
    const limited = { ...valid, receipt: receipts[2]! };
    for (let i = 0; i < 5; i++) expect((await raise({ ...limited, text: `第${i + 1}条` })).statusCode).toBe(201);
    const sixth = await raise({ ...limited, text: '第6条', receipt: receipts[2]!.toLowerCase() });
    expect(sixth.statusCode).toBe(409);
    expect(sixth.json()).toEqual({
      error: { code: 'request_limit_reached', message: expect.stringContaining('at most 5'), details: { limit: 5 } },
    });
    expect((await db.select().from(requests)).filter((r) => r.text === '第6条')).toEqual([]);
    expect((await raise({ ...valid, receipt: receipts[1]!, text: '另一张回执' })).statusCode).toBe(201);
    // The counter: a keyed hash (not the receipt's SHA-256, which responses store), the round, a count and the
    // round's expiry; nothing of the requests it counted.
    const counters = await db.select().from(requestReceiptUses);
    expect(Object.keys(counters[0]!).sort()).toEqual(['expiresAt', 'key', 'roundId', 'uses']);
    const counted = counters.find((c) => c.uses === 5)!;
    const [round] = await db.select().from(rounds).where(eq(rounds.id, '2026Q1'));
    expect(counted.expiresAt.getTime()).toBe(round!.closesAt.getTime() + RECEIPT_USES_KEPT_DAYS * 86_400_000);
    const hashes = new Set(receipts.map(receiptHash));
    const requestValues = new Set((await db.select().from(requests)).flatMap((r) => [r.id, r.codeHash]));
    for (const c of counters) {
      expect(hashes.has(c.key)).toBe(false);
      expect(requestValues.has(c.key)).toBe(false);
    }
    expect(new Set(counters.map((c) => c.expiresAt.getTime())).size).toBe(1);
    const log = logLines.join('\n');
    for (const c of counters) expect(log).not.toContain(c.key);
    expect(log).not.toContain(receipts[2]!);
    // Past their expiry the mover's timer deletes them: nothing then says which receipts raised requests.
    await dropExpiredReceiptUses(db, new Date(counted.expiresAt.getTime() - 1));
    expect(await db.select().from(requestReceiptUses)).toHaveLength(counters.length);
    await dropExpiredReceiptUses(db, counted.expiresAt);
    expect(await db.select().from(requestReceiptUses)).toEqual([]);
  });
});

describe('rate limits', () => {
  it("limits the enterprise's request routes per address: past the limit, 429 in the one error shape", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 45; i++)
      statuses.push((await call('GET', '/requests/by-code/AAAA-BBBB-CCCC-DDDD', undefined, { from: '203.0.113.7' })).statusCode);
    expect(statuses.slice(0, 40).every((s) => s === 404)).toBe(true);
    expect(statuses.slice(40).every((s) => s === 429)).toBe(true);
    const limited = await raise(valid, '203.0.113.7');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toEqual({ error: { code: 'rate_limited', message: expect.any(String) } });
    expect(limited.headers['retry-after']).toBeDefined();
    expect((await call('GET', '/requests/by-code/AAAA-BBBB-CCCC-DDDD', undefined, { from: '203.0.113.8' })).statusCode).toBe(404);
  });

  it("the survey's per-link limit fires too, whatever the address (only the first limiter used to run)", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 62; i++) statuses.push((await call('GET', `/survey/${tokens[5]}`)).statusCode);
    expect(statuses.slice(0, 60).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(60)).toEqual([429, 429]);
  });
});
