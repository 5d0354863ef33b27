// Issue 21, story 5, replayed: an admin (and every other role) polls everything it can read before and after
// each of four submissions and a request raised with one of their receipts, the ballot mover's timer ticking
// in between. Nothing it reads may change; with the fifth submission and the next tick at least five
// invitations change at once and the request reaches the queues. Runs on PGlite and, with DATABASE_URL, PostgreSQL.
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { formatReceipt, receiptHash } from '#shared/receipt.ts';
import { ballotMoverTick } from '#server/survey/ballot-mover.ts';
import { makeTestContext, type TestRole } from '../support/app.ts';
import { seedRegistry } from '../support/fixtures.ts';
import { completeSubmission, invitationTokens, openRoundWithTokens } from '../support/survey.ts';

const ROUND = '2026Q1';
const ctx = await makeTestContext({ ballotMoveEveryMs: 0 });
const { db } = ctx.database;
await seedRegistry(db, { enterprises: 120, departments: 4 });
const tokens = [...(await openRoundWithTokens(ctx, ROUND, { sampleSize: 12 })).entries()];
const get = async (url: string, role?: TestRole) =>
  ctx.app.inject({ method: 'GET', url: `/api/v1${url}`, ...(role ? { headers: { cookie: await ctx.as(role) } } : {}) });
/** What the survey page does: reads the link, then says the questions are on screen (the GET records nothing). */
async function openLink(token: string) {
  const view = await get(`/survey/${token}`);
  expect((await ctx.app.inject({ method: 'POST', url: `/api/v1/survey/${token}/opened` })).statusCode).toBe(204);
  return view;
}
const departmentIds: number[] = (await openLink(tokens[11]![1])).json().departments.map((d: { id: number }) => d.id);
const tick = () => ballotMoverTick(db, ctx.clock.now);

/** The invitations export, as the cells a spreadsheet shows (the file itself carries its own creation time). */
async function exportCells(role: TestRole) {
  const res = await get(`/rounds/${ROUND}/invitations.xlsx`, role);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const rows: unknown[] = [];
  book.worksheets[0]!.eachRow((row) => rows.push(row.values));
  return JSON.stringify(rows);
}

/** Everything the roles can poll that could say who submitted, or who raised a request. */
async function poll() {
  const out = new Map<string, string>();
  const reads: [string, TestRole][] = [
    [`/rounds/${ROUND}/invitations`, 'admin'],
    [`/rounds/${ROUND}/non-responders`, 'admin'],
    [`/rounds/${ROUND}/progress`, 'admin'],
    [`/rounds/${ROUND}/progress`, 'leader'],
    [`/rounds/${ROUND}/progress`, 'supervisor'],
    [`/rounds/${ROUND}/response-rates`, 'admin'],
    [`/rounds/${ROUND}/response-rates`, 'leader'],
    [`/rounds/${ROUND}/follow-ups`, 'admin'],
    [`/rounds/${ROUND}`, 'admin'],
    ['/rounds', 'admin'],
    ['/audit?pageSize=200', 'supervisor'],
    ['/audit?pageSize=200', 'admin'],
    ['/requests', 'admin'],
    ['/requests', 'dept_head'],
    ['/requests', 'leader'],
    ['/requests', 'supervisor'],
    ['/requests?state=waiting', 'admin'],
    ['/requests?state=overdue', 'admin'],
    ['/requests/stats', 'admin'],
    ['/requests/stats', 'leader'],
  ];
  for (const [url, role] of reads) {
    const res = await get(url, role);
    expect(res.statusCode, `${role} ${url}`).toBe(200);
    out.set(`${role} ${url}`, res.body);
  }
  out.set('admin invitations.xlsx', await exportCells('admin'));
  return out;
}
const changed = (before: Map<string, string>, after: Map<string, string>) =>
  [...after].filter(([k, v]) => before.get(k) !== v).map(([k]) => k);

interface Invitation {
  uscc: string;
  status: string;
  openedAt: string | null;
  submittedAt: string | null;
}
const invitationsNow = async () => (await get(`/rounds/${ROUND}/invitations`, 'admin')).json() as Invitation[];

/** An enterprise's whole visit: opens its link, saves a draft, submits with its page's receipt. */
async function visitAndSubmit(i: number) {
  const [, token] = tokens[i]!;
  expect((await openLink(token)).statusCode).toBe(200);
  const draft = await ctx.app.inject({
    method: 'PUT',
    url: `/api/v1/survey/${token}/draft`,
    payload: { ratings: [{ departmentId: departmentIds[0], level: 'satisfied' }] },
  });
  expect(draft.statusCode).toBe(200);
  const receipt = formatReceipt(randomBytes(12));
  const res = await ctx.app.inject({
    method: 'POST',
    url: `/api/v1/survey/${token}/submit`,
    payload: completeSubmission(departmentIds, () => 'satisfied', { receiptHash: receiptHash(receipt) }),
  });
  expect(res.statusCode).toBe(200);
  return receipt;
}

await poll(); // signs every role in first: a sign-in is audited, a poll is not
const start = await invitationsNow();
const quietTicks: { moved: number; reported: number; released: number }[] = [];
const unchanged: string[][] = [];
const receipts: string[] = [];
let requestCode = '';
let requestThreadState = '';
let regenerateUnreported = 0;
let regeneratedLinkState = '';

// Four enterprises visit and submit, one at a time, the timer ticking after each; the third raises a request.
for (let i = 0; i < 4; i++) {
  const before = await poll();
  const receipt = await visitAndSubmit(i);
  receipts.push(receipt);
  if (i === 2) {
    const raised = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/requests',
      remoteAddress: '198.51.100.9',
      payload: { receipt, departmentId: ctx.departmentIds.own, category: 'inspection', text: '提交后马上提出的诉求' },
    });
    expect(raised.statusCode).toBe(201);
    requestCode = raised.json().code;
    requestThreadState = (await get(`/requests/by-code/${requestCode}`)).json().state;
  }
  ctx.clock.now = new Date(ctx.clock.now.getTime() + 60_000);
  const { moved, reported, released } = await tick();
  quietTicks.push({ moved, reported, released });
  unchanged.push(changed(before, await poll()));
}

// Regenerating a link that submitted since the last batch is answered as for any other (the refusal follows the
// reported state); the new link opens on "already submitted", so nothing is lost.
{
  const [uscc] = tokens[0]!;
  regenerateUnreported = (
    await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/rounds/${ROUND}/invitations/${uscc}/regenerate`,
      headers: { cookie: await ctx.as('admin') },
    })
  ).statusCode;
  const fresh = (await invitationTokens(ctx, ROUND)).get(uscc)!;
  regeneratedLinkState = (await get(`/survey/${fresh}`)).json().state;
}

// The fifth, then the timer's next tick: the box moves, the states are reported, the request is released.
const beforeBatch = await poll();
await visitAndSubmit(4);
ctx.clock.now = new Date(ctx.clock.now.getTime() + 60_000);
const batchTick = await tick();
const afterBatch = await poll();
const end = await invitationsNow();

describe('an admin polling around single submissions and a request while the round is open', () => {
  it('sees nothing change around each of four submissions and the request, the timer ticking in between', () => {
    expect(quietTicks).toEqual([0, 1, 2, 3].map(() => ({ moved: 0, reported: 0, released: 0 })));
    expect(unchanged).toEqual([[], [], [], []]);
  });

  it('lets the enterprise read its held request at once', () => {
    expect(requestThreadState).toBe('held');
  });

  it('answers a regeneration on a link submitted since the last batch like any other', () => {
    expect(regenerateUnreported).toBe(200);
    expect(regeneratedLinkState).toBe('submitted');
  });

  it('sees at least five invitations change at once with the next batch, and the request arrive with it', async () => {
    expect(batchTick).toMatchObject({ moved: 5, released: 1 });
    expect(batchTick.reported).toBeGreaterThanOrEqual(5);
    const flipped = end.filter((e) => start.find((s) => s.uscc === e.uscc)?.status !== e.status);
    // The five who submitted, and the link opened to read the departments at the start: all in one go.
    expect(
      flipped
        .filter((f) => f.status === 'submitted')
        .map((f) => f.uscc)
        .sort(),
    ).toEqual(
      tokens
        .slice(0, 5)
        .map(([u]) => u)
        .sort(),
    );
    expect(flipped.find((f) => f.uscc === tokens[11]![0])).toMatchObject({ status: 'opened' });
    // Days only, never a time of opening.
    expect(flipped.every((f) => f.openedAt === '2026-03-01')).toBe(true);
    expect(flipped.filter((f) => f.status === 'submitted').every((f) => f.submittedAt === '2026-03-01')).toBe(true);
    expect(changed(beforeBatch, afterBatch)).toEqual(
      expect.arrayContaining([
        `admin /rounds/${ROUND}/invitations`,
        `leader /rounds/${ROUND}/response-rates`,
        `admin /rounds/${ROUND}/follow-ups`,
        'admin /requests',
        'dept_head /requests',
        'supervisor /audit?pageSize=200',
      ]),
    );
    const items = JSON.parse(afterBatch.get('admin /requests')!).items as { text: string; raisedAt: string }[];
    // It reached the queue at the release: that is its time, and its due time counts from there.
    expect(items).toEqual([expect.objectContaining({ text: '提交后马上提出的诉求', raisedAt: ctx.clock.now.toISOString() })]);
    expect((await get(`/requests/by-code/${requestCode}`)).json().state).toBe('waiting');
  });

  it('refuses to regenerate or replace a submitted link once the batch reported it', async () => {
    const [uscc] = tokens[1]!;
    const admin = await ctx.as('admin');
    const regenerate = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/rounds/${ROUND}/invitations/${uscc}/regenerate`,
      headers: { cookie: admin },
    });
    expect(regenerate.json().error.code).toBe('already_submitted');
    const replace = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/rounds/${ROUND}/invitations/${uscc}/replace`,
      headers: { cookie: admin },
      payload: { reason: '联系不上' },
    });
    expect(replace.json().error.code).toBe('already_submitted');
  });

  it('reports whatever is left at close, opened and drafted states included, and releases a request held until then', async () => {
    // One more visit that only opens and drafts: not reported while open (fewer than five submissions wait) …
    const [uscc, token] = tokens[9]!;
    await openLink(token);
    await tick();
    expect((await invitationsNow()).find((i) => i.uscc === uscc)!.status).toBe('not_opened');
    // A request raised now waits too …
    const raised = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/requests',
      remoteAddress: '198.51.100.10',
      payload: { receipt: receipts[0], departmentId: ctx.departmentIds.own, category: 'fees', text: '关闭前提出的诉求' },
    });
    expect(raised.statusCode).toBe(201);
    expect(await tick()).toMatchObject({ released: 0 });
    // … and the close reports the states, and the timer's next tick releases the request, though another round
    // is open (the timer passes the time of its previous tick: a round closed since then counts as a close).
    await openRoundWithTokens(ctx, '2026Q2', { sampleSize: 6 });
    const previousTick = ctx.clock.now;
    ctx.clock.now = new Date(ctx.clock.now.getTime() + 60_000);
    expect(
      (
        await ctx.app.inject({
          method: 'POST',
          url: `/api/v1/rounds/${ROUND}/close`,
          headers: { cookie: await ctx.as('admin') },
          payload: {},
        })
      ).statusCode,
    ).toBe(200);
    expect((await invitationsNow()).find((i) => i.uscc === uscc)).toMatchObject({ status: 'opened', openedAt: '2026-03-01' });
    expect(await ballotMoverTick(db, ctx.clock.now, undefined, previousTick)).toMatchObject({ released: 1 });
    // The round's receipt counters were rewritten by the close and stored in key order: neither xmin nor place
    // says which receipt raised a request first.
    const counters = (
      (await db.execute(
        sql`select key, xmin::text as xmin from request_receipt_uses where round_id = ${ROUND} order by ctid`,
      )) as unknown as { rows: { key: string; xmin: string }[] }
    ).rows;
    expect(counters).toHaveLength(2);
    expect(new Set(counters.map((c) => c.xmin)).size).toBe(1);
    expect(counters.map((c) => c.key)).toEqual(counters.map((c) => c.key).sort());
    expect((await get('/requests', 'admin')).json().items.map((i: { text: string }) => i.text)).toContain('关闭前提出的诉求');
  });
});
