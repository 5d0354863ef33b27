// Issue 23, the follow-up half: the office records calls and visits per invitation, each invitation gets an
// AAPOR disposition from its reported state and those calls, and the rates follow by the book. A firm found
// gone offers its replacement; supervisors see neither who was called nor the numbers while the sample is
// secret. Runs on PGlite and, with DATABASE_URL, PostgreSQL.
import { describe, expect, it } from 'vitest';
import { HIDDEN_UNTIL_CLOSE } from '#shared/audit-chain.ts';
import { ballotMoverTick } from '#server/survey/ballot-mover.ts';
import { makeTestContext, type TestRole } from '../support/app.ts';
import { seedRegistry } from '../support/fixtures.ts';
import { completeSubmission, openRoundWithTokens } from '../support/survey.ts';

const ROUND = '2026Q1';
const ctx = await makeTestContext({ ballotMoveEveryMs: 0 });
const { db } = ctx.database;
await seedRegistry(db, { enterprises: 120, departments: 3 });
const tokens = [...(await openRoundWithTokens(ctx, ROUND, { sampleSize: 20, stratifyBy: 'size' })).entries()];
const call = async (method: 'GET' | 'POST', url: string, role: TestRole = 'admin', payload?: object) =>
  ctx.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: await ctx.as(role) }, ...(payload ? { payload } : {}) });
const rates = async (role: TestRole = 'admin') => (await call('GET', `/rounds/${ROUND}/response-rates`, role)).json();
const record = (uscc: string, outcome: string, extra: object = {}) =>
  call('POST', `/rounds/${ROUND}/invitations/${uscc}/follow-ups`, 'admin', { channel: 'phone', outcome, ...extra });
const departmentIds: number[] = (await ctx.app.inject({ method: 'GET', url: `/api/v1/survey/${tokens[0]![1]}` }))
  .json()
  .departments.map((d: { id: number }) => d.id);
const submit = async (token: string) =>
  expect(
    (await ctx.app.inject({ method: 'POST', url: `/api/v1/survey/${token}/submit`, payload: completeSubmission(departmentIds) }))
      .statusCode,
  ).toBe(200);

// Firms 0–4 submit, 5 saves a draft, 6 opens the link; 7–11 get calls; the rest hear nothing.
const [submitters, drafter, opener, refuser, unreachable, gone, wrongNumber, reachedLater] = [
  tokens.slice(0, 5),
  tokens[5]!,
  tokens[6]!,
  tokens[7]![0],
  tokens[8]![0],
  tokens[9]![0],
  tokens[10]![0],
  tokens[11]![0],
];

const atStart = await rates();
expect(
  (
    await ctx.app.inject({
      method: 'PUT',
      url: `/api/v1/survey/${drafter[1]}/draft`,
      payload: { ratings: [{ departmentId: departmentIds[0], level: 'satisfied' }] },
    })
  ).statusCode,
).toBe(200);
expect((await ctx.app.inject({ method: 'POST', url: `/api/v1/survey/${opener[1]}/opened` })).statusCode).toBe(204);
for (const [, token] of submitters.slice(0, 4)) await submit(token);
await ballotMoverTick(db, ctx.clock.now);
const afterFour = await rates();
await submit(submitters[4]![1]);
await ballotMoverTick(db, ctx.clock.now);
const afterBatch = await rates();

describe('dispositions from the reported states', () => {
  it('starts with every firm of unknown eligibility: RR1 0, RR3 not yet estimable', () => {
    expect(atStart).toMatchObject({
      cases: 20,
      rr1: 0,
      rr3: null,
      contact: 0,
      cooperation: null,
      final: false,
      groups: 'all',
      stratifyBy: 'size',
    });
    expect(atStart.dispositions).toEqual({ complete: 0, partial: 0, refusal: 0, non_contact: 0, ineligible: 0, unknown: 20 });
  });

  it('moves only with a reported batch, never with one submission', () => {
    expect(afterFour).toEqual(atStart);
    // 5 complete, the draft partial, the opened link an implicit refusal; 13 unknown.
    expect(afterBatch.dispositions).toEqual({ complete: 5, partial: 1, refusal: 1, non_contact: 0, ineligible: 0, unknown: 13 });
    expect(afterBatch.rr1).toBeCloseTo(5 / 20, 10);
    expect(afterBatch.rr3).toBeCloseTo(5 / 20, 10); // no firm known ineligible: e = 1
    expect(afterBatch.cooperation).toBeCloseTo(5 / 7, 10);
    expect(afterBatch.contact).toBeCloseTo(7 / 20, 10);
  });
});

describe('recording calls', () => {
  it('records each outcome and the rates follow AAPOR', async () => {
    expect((await record(refuser, 'refused', { note: '负责人说没时间' })).json()).toMatchObject({
      disposition: 'refusal',
      basis: 'refused',
      replacement: 'not_needed',
    });
    expect((await record(unreachable, 'unreachable', { channel: 'visit' })).json()).toMatchObject({ disposition: 'non_contact' });
    expect((await record(wrongNumber, 'wrong_number', { phone: '13812345678' })).json()).toMatchObject({
      disposition: 'unknown',
      basis: 'wrong_number',
    });
    await record(reachedLater, 'unreachable');
    const reached = (await record(reachedLater, 'reminded')).json();
    expect(reached).toMatchObject({ disposition: 'refusal', basis: 'reminded' });
    expect(reached.entries.map((e: { outcome: string }) => e.outcome)).toEqual(['unreachable', 'reminded']);
    expect(reached.entries[0]).toMatchObject({ channel: 'phone', createdBy: 'admin', at: ctx.clock.now.toISOString() });

    const res = await record(gone, 'ineligible', { channel: 'visit', note: '营业执照已注销' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ disposition: 'ineligible', replacement: 'offered' });

    // I 5, P 1, R 3 (opened, refused, reached), NC 1, NE 1, U 9.
    const r = await rates();
    expect(r.dispositions).toEqual({ complete: 5, partial: 1, refusal: 3, non_contact: 1, ineligible: 1, unknown: 9 });
    expect(r.rr1).toBeCloseTo(5 / 19, 10);
    expect(r.eligibility).toBeCloseTo(10 / 11, 10);
    expect(r.rr3).toBeCloseTo(5 / (10 + 9 * (10 / 11)), 10);
    expect(r.cooperation).toBeCloseTo(5 / 9, 10);
    expect(r.contact).toBeCloseTo(9 / 19, 10);
    // Per stratum (size), the same figures add up.
    expect(r.strata.length).toBeGreaterThan(1);
    expect(r.strata.reduce((s: number, x: { cases: number }) => s + x.cases, 0)).toBe(20);
  });

  it('lists the disposition and last call of every invitation for the follow-up list', async () => {
    const list = (await call('GET', `/rounds/${ROUND}/follow-ups`)).json() as {
      uscc: string;
      disposition: string;
      calls: number;
      last: { outcome: string } | null;
    }[];
    expect(list).toHaveLength(20);
    expect(list.find((i) => i.uscc === reachedLater)).toMatchObject({ disposition: 'refusal', calls: 2, last: { outcome: 'reminded' } });
    expect(list.find((i) => i.uscc === submitters[0]![0])).toMatchObject({ disposition: 'complete', calls: 0, last: null });
  });

  it('replaces a firm found gone from the backups; it stays ineligible and its backup starts unknown', async () => {
    const res = await call('POST', `/rounds/${ROUND}/invitations/${gone}/replace`, 'admin', { reason: '企业已注销' });
    expect(res.statusCode).toBe(200);
    const log = (await call('GET', `/rounds/${ROUND}/invitations/${gone}/follow-ups`)).json();
    expect(log).toMatchObject({ disposition: 'ineligible', replacement: 'done' });
    const r = await rates();
    expect(r).toMatchObject({ cases: 21 });
    expect(r.dispositions).toMatchObject({ ineligible: 1, unknown: 10 });
    expect(r.rr1).toBeCloseTo(5 / 20, 10);
  });

  it('refuses a call on a firm that has submitted (as reported) or was replaced, and an outcome outside the set', async () => {
    expect((await record(submitters[0]![0], 'reminded')).json().error.code).toBe('already_submitted');
    expect((await record(gone, 'reminded')).json().error.code).toBe('already_replaced');
    expect((await record(refuser, 'moved_away')).statusCode).toBe(400);
    expect((await record(refuser, 'reminded', { note: 'x'.repeat(501) })).statusCode).toBe(400);
    expect((await record('91000000000000000X', 'reminded')).statusCode).toBe(404);
  });
});

describe('who may read what while the round runs', () => {
  it('gives leaders and supervisors the totals without strata, and heads nothing', async () => {
    const admin = await rates();
    for (const role of ['leader', 'supervisor'] as const) {
      const r = await rates(role);
      expect(r).toMatchObject({ groups: 'after_close', strata: [], rr1: admin.rr1, dispositions: admin.dispositions });
    }
    expect((await call('GET', `/rounds/${ROUND}/response-rates`, 'dept_head')).statusCode).toBe(403);
  });

  it('keeps the log, the list and recording to the admin', async () => {
    expect((await call('GET', `/rounds/${ROUND}/invitations/${refuser}/follow-ups`, 'supervisor')).statusCode).toBe(403);
    expect((await call('GET', `/rounds/${ROUND}/follow-ups`, 'supervisor')).statusCode).toBe(403);
    expect((await call('GET', `/rounds/${ROUND}/follow-ups`, 'leader')).statusCode).toBe(403);
    expect(
      (await call('POST', `/rounds/${ROUND}/invitations/${refuser}/follow-ups`, 'supervisor', { channel: 'phone', outcome: 'reminded' }))
        .statusCode,
    ).toBe(403);
  });

  it('audits every call, hiding the firm and the outcome from the supervisor until the draw is public', async () => {
    const admin = (await call('GET', '/audit?action=invitation.follow_up', 'admin')).json().items;
    expect(admin).toHaveLength(6);
    expect(admin.map((e: { summary: { uscc: string } }) => e.summary.uscc)).toContain(gone);
    expect(JSON.stringify(admin)).not.toContain('营业执照已注销'); // notes stay in the log, out of the audit
    const supervisor = (await call('GET', '/audit?action=invitation.follow_up', 'supervisor')).json().items;
    for (const e of supervisor)
      expect(e.summary).toEqual({ uscc: HIDDEN_UNTIL_CLOSE, channel: HIDDEN_UNTIL_CLOSE, outcome: HIDDEN_UNTIL_CLOSE });
  });
});

describe('after close', () => {
  it('gives leaders the strata with 5+ respondents only, and marks the rates final', async () => {
    expect((await call('POST', `/rounds/${ROUND}/close`, 'admin', {})).statusCode).toBe(200);
    const admin = await rates();
    expect(admin.final).toBe(true);
    const leader = await rates('leader');
    expect(leader.groups).toBe('suppressed');
    for (const s of leader.strata) expect(s.dispositions.complete).toBeGreaterThanOrEqual(5);
    const hidden =
      admin.dispositions.complete -
      leader.strata.reduce((n: number, s: { dispositions: { complete: number } }) => n + s.dispositions.complete, 0);
    expect(hidden === 0 || hidden >= 5).toBe(true);
  });

  it('still records a late finding on eligibility after close', async () => {
    expect((await record(wrongNumber, 'ineligible', { channel: 'other' })).json()).toMatchObject({
      disposition: 'ineligible',
      replacement: 'not_now',
    });
  });

  it('shows the supervisor the log once the draw is public, with the number masked; the admin sees it whole', async () => {
    expect((await call('POST', `/rounds/${ROUND}/void`, 'admin', { reason: '测试作废' })).statusCode).toBe(200);
    const log = await call('GET', `/rounds/${ROUND}/invitations/${wrongNumber}/follow-ups`, 'supervisor');
    expect(log.statusCode).toBe(200);
    expect(log.json().entries[0].phone).toBe('138****5678');
    expect((await call('GET', `/rounds/${ROUND}/invitations/${wrongNumber}/follow-ups`)).json().entries[0].phone).toBe('13812345678');
    expect((await record(refuser, 'reminded')).json().error.code).toBe('illegal_transition');
  });
});
