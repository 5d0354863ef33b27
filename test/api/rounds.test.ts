import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyRecord } from '#shared/draw/verify.ts';
import { ballotMoverTick } from '#server/survey/ballot-mover.ts';
import { makeTestContext } from '../support/app.ts';
import { roundBody, seedRegistry } from '../support/fixtures.ts';

const ctx = await makeTestContext({ publicBaseUrl: 'https://pingyi.xiantao.gov.cn' });
await seedRegistry(ctx.database.db, { enterprises: 300, departments: 5 });
const admin = await ctx.as('admin');
const api = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, cookie: string | null = admin) =>
  ctx.app.inject({ method, url: `/api/v1${url}`, headers: cookie ? { cookie } : {}, ...(payload ? { payload } : {}) });
const status = async (id: string) => (await api('GET', `/rounds/${id}`)).json().status;
const auditActions = async (id: string) =>
  (await api('GET', `/audit?entityType=round&entityId=${id}&pageSize=100`))
    .json()
    .items.map((e: { action: string }) => e.action)
    .reverse();

describe('round lifecycle', () => {
  it('creates a round with defaults and a snapshot of active departments', async () => {
    const res = await api('POST', '/rounds', roundBody('2026Q1'));
    expect(res.statusCode).toBe(201);
    const r = res.json();
    expect(r).toMatchObject({
      id: '2026Q1',
      status: 'draft',
      sampleSize: 20,
      votesLimit: 3,
      minRatings: 10,
      bottomN: 3,
      stratifyBy: null,
      rotationExclusion: true,
      escalationPolicy: '2021-v2',
    });
    expect(r.departments).toHaveLength(7); // 5 seeded + 2 of the test context
    expect(r.scale.map((s: { score: number }) => s.score)).toEqual([100, 80, 60, 0]);
    expect((await api('POST', '/rounds', roundBody('2026Q1'))).statusCode).toBe(409);
  });

  it('refuses bad settings with messages naming the field', async () => {
    const bad = await api('POST', '/rounds', roundBody('2026Q5'));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/2026Q1/);
    const backwards = await api('POST', '/rounds', roundBody('2026Q2', { closesAt: '2026-01-01T00:00:00Z' }));
    expect(backwards.json().error.message).toMatch(/closesAt/);
    expect((await api('POST', '/rounds', roundBody('2026Q2', { departmentIds: [999999] }))).statusCode).toBe(422);
    expect((await api('POST', '/rounds', roundBody('2026Q2', { stratifyBy: 'colour' }))).statusCode).toBe(400);
    expect((await api('GET', '/rounds')).json().map((r: { id: string }) => r.id)).toEqual(['2026Q1']);
  });

  it('edits only drafts; every illegal transition is refused and changes nothing', async () => {
    expect((await api('PATCH', '/rounds/2026Q1', { sampleSize: 25 })).json().sampleSize).toBe(25);
    for (const step of ['draw', 'open', 'close', 'reopen']) {
      const res = await api('POST', `/rounds/2026Q1/${step}`, step === 'reopen' ? { reason: 'x y', closesAt: '2026-04-30T00:00:00Z' } : {});
      expect(res.statusCode, step).toBe(409);
      expect(res.json().error.code).toBe('illegal_transition');
    }
    expect(await status('2026Q1')).toBe('draft');
  });

  it('refuses a contact plan with a reminder day on or after the deadline day (city days), on create and on PATCH', async () => {
    const late = await api(
      'POST',
      '/rounds',
      roundBody('2026Q2', {
        closesAt: '2026-03-08T09:00:00+08:00',
        contactPlan: { invitation: true, reminderDays: [3, 7, 9], finalReminder: true },
      }),
    );
    expect(late.statusCode).toBe(400);
    expect(late.json().error).toMatchObject({
      code: 'reminder_after_deadline',
      details: { field: 'contactPlan.reminderDays', days: [7, 9], lastDay: 6 },
    });
    expect(late.json().error.message).toMatch(/contactPlan\.reminderDays/);
    expect((await api('GET', '/rounds')).json().map((r: { id: string }) => r.id)).toEqual(['2026Q1']);

    // 2026Q1 opens at 00:00 on 1 March city time (28 February in UTC) with the default days 3 and 7. A deadline on
    // 8 March leaves days 1–6 in the city (7 in UTC): day 7 would never be sent.
    const before = (await api('GET', '/rounds/2026Q1')).json();
    const shorter = await api('PATCH', '/rounds/2026Q1', { closesAt: '2026-03-08T09:00:00+08:00' });
    expect(shorter.statusCode).toBe(400);
    expect(shorter.json().error).toMatchObject({ code: 'reminder_after_deadline', details: { days: [7], lastDay: 6 } });
    const plan = await api('PATCH', '/rounds/2026Q1', { contactPlan: { invitation: true, reminderDays: [30], finalReminder: false } });
    expect(plan.statusCode).toBe(400);
    expect(plan.json().error.details).toEqual({ field: 'contactPlan.reminderDays', days: [30], lastDay: 29 });
    expect((await api('GET', '/rounds/2026Q1')).json()).toMatchObject({ closesAt: before.closesAt, contactPlan: before.contactPlan });
  });

  it('freezes the pool and publishes its hash before any seed exists', async () => {
    const res = await api('POST', '/rounds/2026Q1/freeze');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ poolSize: 300, poolHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect((await api('PATCH', '/rounds/2026Q1', { sampleSize: 30 })).statusCode).toBe(409);
    expect((await api('POST', '/rounds/2026Q1/freeze')).statusCode).toBe(409);
    const round = (await api('GET', '/rounds/2026Q1')).json();
    expect(round.seed).toBeNull();
  });

  it('draws once with a ceremony seed typed full-width, and never again', async () => {
    const res = await api('POST', '/rounds/2026Q1/draw', { seed: '　３１４１５９２６５３　' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ seed: '3141592653', seedSource: 'ceremony', sample: 25, backups: 275 });
    const again = await api('POST', '/rounds/2026Q1/draw', { seed: '2718281828' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toMatch(/drawn exactly once/);
    const actions = await auditActions('2026Q1');
    expect(actions).toEqual(['round.create', 'round.update', 'round.freeze', 'round.draw']);
  });

  it('publishes a draw record that reproduces, with visibility by role and state', async () => {
    const rec = await api('GET', '/rounds/2026Q1/draw-record');
    expect(rec.statusCode).toBe(200);
    const record = rec.json();
    expect(record.sample).toHaveLength(25);
    expect(verifyRecord(record)).toEqual({ ok: true });
    // Supervisors too wait for the close: nobody but the admin running the round knows the sample.
    for (const who of [null, await ctx.as('dept_head'), await ctx.as('leader'), await ctx.as('supervisor')]) {
      expect((await api('GET', '/rounds/2026Q1/draw-record', undefined, who)).statusCode).toBe(403);
    }
  });

  it('creates one invitation per sampled enterprise with a personal link', async () => {
    const list = (await api('GET', '/rounds/2026Q1/invitations')).json();
    expect(list).toHaveLength(25);
    expect(list[0].link).toMatch(/^https:\/\/pingyi\.xiantao\.gov\.cn\/s\/[A-Za-z0-9_-]{22}$/);
    expect(new Set(list.map((i: { link: string }) => i.link)).size).toBe(25);
    expect(list.every((i: { status: string }) => i.status === 'not_opened')).toBe(true);
    const qr = await api('GET', `/rounds/2026Q1/invitations/${list[0].uscc}/qr.svg`);
    expect(qr.headers['content-type']).toMatch(/svg/);
    expect(qr.body).toContain('<svg');
    const xlsx = await api('GET', '/rounds/2026Q1/invitations.xlsx');
    expect(xlsx.headers['content-type']).toMatch(/spreadsheetml/);
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.rowCount).toBe(26);
    // Township and industry for the follow-up; 分层 only when the round drew by stratum.
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers.slice(0, 4)).toEqual(['企业名称', '统一社会信用代码', '镇街', '行业']);
    expect(headers.includes('分层')).toBe(list.some((i: { stratum: string }) => i.stratum !== ''));
    expect([sheet.getRow(2).getCell(3).value, sheet.getRow(2).getCell(4).value]).toEqual([list[0].township, list[0].industry]);
    expect(String(sheet.getRow(2).getCell(headers.indexOf('问卷链接') + 1).value)).toBe(list[0].link);
    expect((await api('GET', '/rounds/2026Q1/invitations', undefined, await ctx.as('supervisor'))).statusCode).toBe(403);
  });

  it('replaces an enterprise with the next backup of its stratum, audited, and the record still reproduces', async () => {
    const record = (await api('GET', '/rounds/2026Q1/draw-record')).json();
    const out = record.sample[3].uscc;
    const res = await api('POST', `/rounds/2026Q1/invitations/${out}/replace`, { reason: '企业已注销' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ out, in: record.backups[0].uscc, reason: '企业已注销' });
    const list = (await api('GET', '/rounds/2026Q1/invitations')).json();
    expect(list.find((i: { uscc: string }) => i.uscc === out)).toMatchObject({
      status: 'replaced',
      link: null,
      replacedBy: record.backups[0].uscc,
    });
    expect(list.filter((i: { status: string }) => i.status !== 'replaced')).toHaveLength(25);
    const again = await api('POST', `/rounds/2026Q1/invitations/${out}/replace`, { reason: 'again' });
    expect(again.json().error.code).toBe('already_replaced');
    const next = (await api('GET', '/rounds/2026Q1/draw-record')).json();
    expect(next.replacements).toEqual([expect.objectContaining({ out, in: record.backups[0].uscc })]);
    expect(verifyRecord(next)).toEqual({ ok: true });
    expect((await api('POST', `/rounds/2026Q1/invitations/${record.sample[4].uscc}/replace`, { reason: '' })).statusCode).toBe(400);
  });

  it('regenerating a link invalidates the old one', async () => {
    const before = (await api('GET', '/rounds/2026Q1/invitations')).json()[0];
    const res = await api('POST', `/rounds/2026Q1/invitations/${before.uscc}/regenerate`);
    expect(res.statusCode).toBe(200);
    expect(res.json().generation).toBe(2);
    expect(res.json().link).not.toBe(before.link);
    const actions = await auditActions('2026Q1');
    expect(actions.slice(-2)).toEqual(['invitation.replace', 'invitation.regenerate']);
  });

  it('opens, closes, reopens with a reason and a new deadline, and closes by deadline', async () => {
    expect((await api('POST', '/rounds/2026Q1/open')).json().status).toBe('open');
    expect((await api('POST', '/rounds/2026Q1/close')).json().status).toBe('closed');
    expect((await api('POST', '/rounds/2026Q1/reopen', { closesAt: '2026-04-30T00:00:00Z' })).statusCode).toBe(400);
    const reopened = await api('POST', '/rounds/2026Q1/reopen', { reason: '延长一周', closesAt: '2026-03-08T00:00:00Z' });
    expect(reopened.json()).toMatchObject({ status: 'open', closesAt: '2026-03-08T00:00:00.000Z' });
    ctx.clock.now = new Date('2026-03-09T00:00:00Z');
    expect(await status('2026Q1')).toBe('closed');
    // Reading showed it closed and wrote nothing: the deadline job closes it, once however often it runs.
    expect((await auditActions('2026Q1')).slice(-3)).toEqual(['round.open', 'round.close', 'round.reopen']);
    expect(await ballotMoverTick(ctx.database.db, ctx.clock.now)).toMatchObject({ closed: 1 });
    expect(await ballotMoverTick(ctx.database.db, ctx.clock.now)).toMatchObject({ closed: 0 });
    // Closed, yet it may still reopen: the record stays the admin's until the results are computed.
    expect((await api('GET', '/rounds/2026Q1/draw-record', undefined, null)).statusCode).toBe(403);
    expect((await api('POST', '/rounds/2026Q1/compute')).statusCode).toBe(200);
    // Now the public may read the record, department heads too, and the close is final.
    expect((await api('GET', '/rounds/2026Q1/draw-record', undefined, null)).statusCode).toBe(200);
    expect((await api('GET', '/rounds/2026Q1/draw-record', undefined, await ctx.as('dept_head'))).statusCode).toBe(200);
    const refused = await api('POST', '/rounds/2026Q1/reopen', { reason: '再延长一周', closesAt: '2026-03-20T00:00:00Z' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'results_computed', message: expect.stringMatching(/cannot be reopened/) });
    expect(await status('2026Q1')).toBe('closed');
    const actions = await auditActions('2026Q1');
    expect(actions.slice(-5)).toEqual(['round.open', 'round.close', 'round.reopen', 'round.close', 'results.compute']);
  });

  it('voids a round with a reason; a voided round changes no more', async () => {
    await api('POST', '/rounds', roundBody('2026Q2', { opensAt: '2026-06-01T00:00:00Z', closesAt: '2026-06-30T00:00:00Z' }));
    expect((await api('POST', '/rounds/2026Q2/void', {})).statusCode).toBe(400);
    const res = await api('POST', '/rounds/2026Q2/void', { reason: '抽签池数据有误' });
    expect(res.json()).toMatchObject({ status: 'voided', voidReason: '抽签池数据有误' });
    expect((await api('POST', '/rounds/2026Q2/freeze')).statusCode).toBe(409);
    // The quarter is re-run under a new id; the voided round keeps its record.
    expect(
      (await api('POST', '/rounds', roundBody('2026Q2', { opensAt: '2026-06-01T00:00:00Z', closesAt: '2026-06-30T00:00:00Z' }))).statusCode,
    ).toBe(409);
    expect((await api('POST', '/rounds', roundBody('2026Q4R2'))).statusCode).toBe(422);
    const rerun = await api(
      'POST',
      '/rounds',
      roundBody('2026Q2R2', { opensAt: '2026-06-01T00:00:00Z', closesAt: '2026-06-30T00:00:00Z' }),
    );
    expect(rerun.statusCode).toBe(201);
    expect(
      (await api('POST', '/rounds', roundBody('2026Q2R3', { opensAt: '2026-06-01T00:00:00Z', closesAt: '2026-06-30T00:00:00Z' }))).json()
        .error.code,
    ).toBe('round_exists');
    // Dates may still move after freezing; nothing else may.
    await api('POST', '/rounds/2026Q2R2/freeze');
    expect((await api('PATCH', '/rounds/2026Q2R2', { closesAt: '2026-07-05T00:00:00Z' })).json().closesAt).toBe('2026-07-05T00:00:00.000Z');
    expect((await api('PATCH', '/rounds/2026Q2R2', { closesAt: '2026-07-06T00:00:00Z', sampleSize: 5 })).statusCode).toBe(409);
  });

  it("excludes the previous round's sample from the next pool (rotation), stratified by township", async () => {
    const res = await api(
      'POST',
      '/rounds',
      roundBody('2026Q3', { stratifyBy: 'township', sampleSize: 30, opensAt: '2026-09-01T00:00:00Z', closesAt: '2026-09-30T00:00:00Z' }),
    );
    expect(res.statusCode).toBe(201);
    const frozen = (await api('POST', '/rounds/2026Q3/freeze')).json();
    expect(frozen.poolSize).toBe(300 - 26); // 25 sampled + 1 brought in as a replacement
    const drawn = (await api('POST', '/rounds/2026Q3/draw', {})).json();
    expect(drawn).toMatchObject({ seedSource: 'server', sample: 30, seed: expect.stringMatching(/^[0-9a-f]{32}$/) });
    const record = (await api('GET', '/rounds/2026Q3/draw-record')).json();
    expect(record.stratifiedBy).toBe('township');
    expect(Object.values(record.quotas as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(30);
    expect(verifyRecord(record)).toEqual({ ok: true });
  });

  it('verify-draw reproduces a record from the API and spots a tampered copy', async () => {
    const record = (await api('GET', '/rounds/2026Q1/draw-record')).json();
    const dir = mkdtempSync(join(tmpdir(), 'pingyi-record-'));
    const good = join(dir, 'record.json');
    writeFileSync(good, JSON.stringify(record));
    const tampered = structuredClone(record);
    const swapped = tampered.backups.find((b: { uscc: string }) => !record.replacements.some((r: { in: string }) => r.in === b.uscc));
    [tampered.sample[0].uscc, swapped.uscc] = [swapped.uscc, tampered.sample[0].uscc];
    const bad = join(dir, 'tampered.json');
    writeFileSync(bad, JSON.stringify(tampered));
    const run = (file: string) => spawnSync(process.execPath, ['server/cli/verify-draw.ts', file], { encoding: 'utf8' });
    const ok = run(good);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/reproduces/);
    const differs = run(bad);
    expect(differs.status).toBe(1);
    expect(differs.stdout).toMatch(/differs/);
    expect(differs.stdout).toContain('sample[0]');
  });
});
