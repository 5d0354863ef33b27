import { describe, expect, it } from 'vitest';
import { makeTestContext } from '../support/app.ts';
import { seedRegistry } from '../support/fixtures.ts';
import { runQuarter } from '../support/rounds.ts';
import type { Level } from '../support/survey.ts';

const ctx = await makeTestContext();
const { departments } = await seedRegistry(ctx.database.db, { enterprises: 150, departments: 5 });
const [A, B] = departments.map((d) => d.code) as [string, string];
const admin = await ctx.as('admin');
const head = await ctx.as('dept_head'); // heads 'owndept'
const otherHead = await ctx.as('other_head');
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';
const call = (method: Method, url: string, cookie: string, payload?: object) =>
  ctx.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload ? { payload } : {}) });

// owndept, A and B are the bottom three; comments go to owndept.
const level =
  (bad: string[]) =>
  (code: string, i: number): Level =>
    bad.includes(code) ? (i % 2 ? 'dissatisfied' : 'basically_satisfied') : 'satisfied';
await runQuarter(ctx, '2025Q1', level(['owndept', A, B]), {
  votes: (codes) => codes.filter((c) => c === 'owndept'),
});
const myCase = (await call('GET', '/rectification/cases', head)).json()[0];

const plan = {
  problems: '审批环节多，企业跑腿多',
  measures: [{ measure: '推行一窗通办', owner: '审批科', due: '2025-05-30' }],
  commitment: '本人承诺一个月内整改到位。',
};
const visit = (enterprise: string) => ({
  date: '2025-04-20',
  enterprise,
  issue: '办证慢',
  action: '上门服务，当场办结',
  status: 'resolved',
});

describe('rectification', () => {
  it('opens a case with a 30-day deadline for each flagged department when the round is published', async () => {
    const all = (await call('GET', '/rectification/cases', admin)).json();
    expect(all.map((c: { departmentCode: string }) => c.departmentCode).sort()).toEqual(['owndept', A, B].sort());
    expect(myCase).toMatchObject({
      roundId: '2025Q1',
      departmentCode: 'owndept',
      status: 'open',
      ledgerEntries: 0,
      before: { roundId: '2025Q1', flagged: true },
      after: null,
    });
    const published = new Date(ctx.clock.now.getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
    expect(myCase.deadline).toBe(published);
  });

  it("a head sees only their own department's cases", async () => {
    expect((await call('GET', '/rectification/cases', head)).json()).toHaveLength(1);
    expect((await call('GET', '/rectification/cases', otherHead)).json()).toHaveLength(0);
    expect((await call('GET', `/rectification/cases/${myCase.id}`, otherHead)).statusCode).toBe(403);
    expect((await call('PUT', `/rectification/cases/${myCase.id}/plan`, otherHead, plan)).statusCode).toBe(403);
  });

  it('cannot be submitted without a plan and a ledger entry', async () => {
    expect((await call('POST', `/rectification/cases/${myCase.id}/submit`, head)).json().error.code).toBe('plan_missing');
    expect((await call('PUT', `/rectification/cases/${myCase.id}/plan`, head, { ...plan, measures: [] })).statusCode).toBe(400);
    expect((await call('PUT', `/rectification/cases/${myCase.id}/plan`, head, plan)).json().plan.measures).toHaveLength(1);
    expect((await call('POST', `/rectification/cases/${myCase.id}/submit`, head)).json().error.code).toBe('ledger_empty');
  });

  it('the head logs two ledger entries and progress, and submits; leaders and supervisors cannot change anything', async () => {
    await call('POST', `/rectification/cases/${myCase.id}/ledger`, head, visit('仙桃市甲公司'));
    const second = await call('POST', `/rectification/cases/${myCase.id}/ledger`, head, { ...visit('仙桃市乙公司'), status: 'open' });
    expect(second.json().ledger).toHaveLength(2);
    const entryId = second.json().ledger[1].id;
    expect(
      (await call('PATCH', `/rectification/cases/${myCase.id}/ledger/${entryId}`, head, { status: 'resolved' })).json().ledger[1].status,
    ).toBe('resolved');
    const progress = await call('POST', `/rectification/cases/${myCase.id}/progress`, head, {
      text: '已走访 2 家企业',
      attachments: [{ label: '走访照片', url: 'https://example.gov.cn/photo.jpg' }],
    });
    expect(progress.json().progress[0].attachments[0].label).toBe('走访照片');
    expect(
      (
        await call('POST', `/rectification/cases/${myCase.id}/progress`, head, {
          text: 'x',
          attachments: [{ label: 'bad', url: 'javascript:alert(1)' }],
        })
      ).statusCode,
    ).toBe(400);
    for (const who of [await ctx.as('leader'), await ctx.as('supervisor')]) {
      expect((await call('POST', `/rectification/cases/${myCase.id}/ledger`, who, visit('x'))).statusCode).toBe(403);
      expect((await call('POST', `/rectification/cases/${myCase.id}/review`, who, { decision: 'accept' })).statusCode).toBe(403);
    }
    const submitted = await call('POST', `/rectification/cases/${myCase.id}/submit`, head);
    expect(submitted.json()).toMatchObject({ status: 'submitted', ledgerEntries: 2 });
    expect((await call('POST', `/rectification/cases/${myCase.id}/ledger`, head, visit('丙'))).json().error.code).toBe('case_locked');
  });

  it('an admin returns it with comments, the head resubmits, the admin accepts and the case closes; every step audited', async () => {
    expect((await call('POST', `/rectification/cases/${myCase.id}/review`, admin, { decision: 'return' })).statusCode).toBe(400);
    const returned = await call('POST', `/rectification/cases/${myCase.id}/review`, admin, {
      decision: 'return',
      comment: '请补充回访记录',
    });
    expect(returned.json()).toMatchObject({ status: 'returned', reviews: [{ decision: 'return', comment: '请补充回访记录' }] });
    expect((await call('GET', '/rectification/cases?status=returned', admin)).json()).toHaveLength(1);
    await call('POST', `/rectification/cases/${myCase.id}/ledger`, head, visit('仙桃市甲公司（回访）'));
    // Two visits whose problems are still open: a call-back, or a reason, is owed for each before closing.
    await call('POST', `/rectification/cases/${myCase.id}/ledger`, head, { ...visit('仙桃市丙公司'), status: 'open' });
    const withOpen = (
      await call('POST', `/rectification/cases/${myCase.id}/ledger`, head, { ...visit('仙桃市丁公司'), status: 'open' })
    ).json();
    const [called, waived] = withOpen.ledger.filter((l: { status: string }) => l.status === 'open').map((l: { id: number }) => l.id) as [
      number,
      number,
    ];
    await call('POST', `/rectification/cases/${myCase.id}/submit`, head);
    const refused = await call('POST', `/rectification/cases/${myCase.id}/review`, admin, { decision: 'accept', comment: '同意销号' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toEqual({
      error: { code: 'callback_missing', message: expect.stringContaining('call-back'), details: { entryIds: [called, waived] } },
    });

    // Call-backs are the admin's: heads, leaders and supervisors cannot record one; half an answer is refused.
    const callback = (who: string, entryId: number, body: object) =>
      call('POST', `/rectification/cases/${myCase.id}/ledger/${entryId}/callbacks`, who, body);
    for (const who of [head, await ctx.as('leader'), await ctx.as('supervisor')])
      expect((await callback(who, called, { reached: false })).statusCode).toBe(403);
    expect((await callback(admin, called, { reached: true })).statusCode).toBe(400);
    expect((await callback(admin, called, { reached: false, solved: true })).statusCode).toBe(400);
    expect((await callback(admin, 999_999, { reached: false })).statusCode).toBe(404);
    await callback(admin, called, { reached: false, note: '电话无人接听' });
    const reached = (
      await callback(admin, called, { reached: true, solved: true, satisfied: false, note: '问题已解决，但对办理时长不满意' })
    ).json();
    expect(reached.ledger.find((l: { id: number }) => l.id === called).callbacks).toMatchObject([
      { reached: false, solved: null, satisfied: null, note: '电话无人接听', createdBy: 'admin' }, // the caller's display name, not the login test-admin
      { reached: true, solved: true, satisfied: false },
    ]);
    expect((await call('POST', `/rectification/cases/${myCase.id}/review`, admin, { decision: 'accept' })).json().error.details).toEqual({
      entryIds: [waived],
    });
    expect(
      (
        await call('POST', `/rectification/cases/${myCase.id}/review`, admin, {
          decision: 'accept',
          waivers: [{ entryId: 999_999, reason: '企业已注销' }],
        })
      ).statusCode,
    ).toBe(404);
    const accepted = await call('POST', `/rectification/cases/${myCase.id}/review`, admin, {
      decision: 'accept',
      comment: '同意销号',
      waivers: [{ entryId: waived, reason: '企业已注销，无法回访' }],
    });
    expect(accepted.json()).toMatchObject({ status: 'closed', closedAt: expect.any(String) });
    expect(accepted.json().ledger.find((l: { id: number }) => l.id === waived).callbackWaiver).toBe('企业已注销，无法回访');
    // The list (and the printed report) carries what the call-backs found, each entry by its latest call.
    const listed = (await call('GET', '/rectification/cases', admin)).json().find((x: { id: number }) => x.id === myCase.id);
    expect(listed.callbacks).toEqual({ entries: 5, calledBack: 1, reached: 1, solved: 1, satisfied: 0 });
    expect((await callback(admin, called, { reached: false })).json().error.code).toBe('case_locked');
    expect((await call('POST', `/rectification/cases/${myCase.id}/review`, admin, { decision: 'accept' })).json().error.code).toBe(
      'case_not_submitted',
    );
    const audit = (await call('GET', `/audit?entityType=rectification&entityId=${myCase.id}&pageSize=50`, admin)).json();
    expect(audit.items.map((e: { action: string }) => e.action).reverse()).toEqual([
      'rectification.plan',
      'rectification.ledger.add',
      'rectification.ledger.add',
      'rectification.ledger.update',
      'rectification.progress',
      'rectification.submit',
      'rectification.review',
      'rectification.ledger.add',
      'rectification.ledger.add',
      'rectification.ledger.add',
      'rectification.submit',
      'rectification.callback',
      'rectification.callback',
      'rectification.review',
    ]);
    const [closing] = audit.items;
    expect(closing.summary).toMatchObject({ decision: 'accept', waivedEntries: [waived] });
    expect(JSON.stringify(audit.items)).not.toContain('电话无人接听'); // call-back notes stay in the case
  });

  it("lists overdue cases, and shows the next round's result on the case", async () => {
    ctx.clock.now = new Date(ctx.clock.now.getTime() + 40 * 86_400_000);
    const overdue = (await call('GET', '/rectification/cases?status=overdue', admin)).json();
    expect(overdue.map((c: { departmentCode: string }) => c.departmentCode).sort()).toEqual([A, B].sort());
    await runQuarter(ctx, '2025Q2', level([A, B, 'otherdept']));
    const after = (await call('GET', `/rectification/cases/${myCase.id}`, head)).json();
    expect(after.after).toMatchObject({ roundId: '2025Q2', flagged: false });
    expect(after.after.rank).toBeLessThan(after.before.rank);
  });
});

describe('comments', () => {
  it('reach the department head only after an admin releases them, own department only, without attributes', async () => {
    expect((await call('GET', '/rounds/2025Q1/comments', head)).statusCode).toBe(404);
    const all = (await call('GET', '/rounds/2025Q1/comments', await ctx.as('leader'))).json();
    expect(all.overall).not.toBeNull();
    expect((await call('POST', '/rounds/2025Q1/comments/release', await ctx.as('leader'))).statusCode).toBe(403);
    expect((await call('POST', '/rounds/2025Q1/comments/release', admin)).statusCode).toBe(200);
    expect((await call('POST', '/rounds/2025Q1/comments/release', admin)).json().error.code).toBe('already_released');
    const mine = (await call('GET', '/rounds/2025Q1/comments', head)).json();
    expect(mine.overall).toBeNull();
    expect(mine.departments.map((d: { code: string }) => d.code)).toEqual(['owndept']);
    expect((await call('GET', `/rounds/2025Q1/comments?departmentId=${ctx.departmentIds.other}`, head)).statusCode).toBe(403);
  });
});
