// Appeals (申诉复核) through the API: the lifecycle (filed → measures on hold → upheld through the
// audited correction, or rejected), the refusals, who reads them, and the configured window.
import { describe, expect, it } from 'vitest';
import { buildApp } from '#server/app.ts';
import { testConfig } from '../support/config.ts';
import { seededUniform } from '#shared/results/stats.ts';
import { makeTestContext } from '../support/app.ts';
import { seedRegistry } from '../support/fixtures.ts';
import { cleanShares, pickLevel } from '../support/integrity.ts';
import { runQuarter } from '../support/rounds.ts';
import type { Level } from '../support/survey.ts';

const ctx = await makeTestContext();
const { departments } = await seedRegistry(ctx.database.db, { enterprises: 200, departments: 5 });
const admin = await ctx.as('admin');
const head = await ctx.as('dept_head'); // owndept
const otherHead = await ctx.as('other_head'); // otherdept
const codes = ['owndept', 'otherdept', ...departments.map((d) => d.code)];
const A = departments[0]!.code;
const call = (method: 'GET' | 'POST' | 'PATCH', url: string, cookie: string, payload?: object) =>
  ctx.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload ? { payload } : {}) });
const flaggedCodes = (r: { departments: { code: string; flagged: boolean }[] }) =>
  r.departments.filter((d) => d.flagged).map((d) => d.code);

// 2026Q1: owndept and otherdept are rated best by the clean answers, the others clearly worse; 8 pasted
// answers rate owndept 不满意 and vote against it.
const q1 = (code: string, i: number): Level => {
  if (i < 8)
    return code === 'owndept' ? 'dissatisfied' : code === 'otherdept' ? 'fairly_satisfied' : code === A ? 'not_applicable' : 'satisfied';
  const position = code === 'owndept' || code === 'otherdept' ? 0 : 2 + 2 * codes.indexOf(code);
  return pickLevel(cleanShares(position), seededUniform(`appeals:${code}:${i}`)());
};
// 2026Q2: owndept, otherdept and A are rated 不满意 by everyone.
const q2 = (code: string, i: number): Level =>
  ['owndept', 'otherdept', A].includes(code) ? 'dissatisfied' : i % 4 === 0 ? 'not_applicable' : 'satisfied';

const published1 = await runQuarter(ctx, '2026Q1', q1, { sampleSize: 40, votes: (_c, i) => (i < 8 ? ['owndept'] : []) });
const publishedAt1 = ctx.clock.now;

describe('appeal lifecycle', () => {
  it('the designed round flags owndept only because of the pasted answers', () => {
    expect(flaggedCodes(published1)).toContain('owndept');
    expect(flaggedCodes(published1)).not.toContain('otherdept');
  });

  it('says before filing when the window closes: publication plus the configured days', async () => {
    expect((await call('GET', '/appeals/window/2026Q1', head)).json()).toEqual({
      windowDays: 7,
      deadline: new Date(publishedAt1.getTime() + 7 * 86_400_000).toISOString(),
    });
    expect((await call('GET', '/appeals/window/2031Q1', head)).statusCode).toBe(404);
  });

  it('refuses an unflagged department with a clear error', async () => {
    const res = await call('POST', '/appeals', otherHead, { roundId: '2026Q1', reasons: '我们不在倒数三位', evidence: ['说明'] });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'not_flagged', message: expect.stringContaining('flagged') });
  });

  let appealId = 0;
  it("a flagged department's head files an appeal with reasons and evidence; it is audited", async () => {
    const res = await call('POST', '/appeals', head, {
      roundId: '2026Q1',
      reasons: '同一天收到八份完全相同的答卷，疑似他人代填',
      evidence: ['8 份答卷雷同', '附件：情况说明.pdf'],
    });
    expect(res.statusCode).toBe(201);
    const a = res.json();
    appealId = a.id;
    expect(a).toMatchObject({
      roundId: '2026Q1',
      departmentCode: 'owndept',
      status: 'pending',
      evidence: ['8 份答卷雷同', '附件：情况说明.pdf'],
      filedBy: 'dept_head', // the head's display name, not the login test-dept_head
      deadline: new Date(publishedAt1.getTime() + 7 * 86_400_000).toISOString(),
      decidedAt: null,
      correction: null,
    });
    const audit = (await call('GET', `/audit?entityType=appeal&entityId=${a.id}`, admin)).json();
    expect(audit.items[0]).toMatchObject({
      action: 'appeal.file',
      actorName: 'test-dept_head',
      summary: { roundId: '2026Q1', measures: 'on_hold' },
    });
  });

  it('a second appeal for the same round is refused', async () => {
    const res = await call('POST', '/appeals', head, { roundId: '2026Q1', reasons: '再次申诉', evidence: 'x' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('appeal_exists');
  });

  it("while pending, the department's measures for the round are on hold (board and head's view) and cannot be carried out", async () => {
    const board = (await call('GET', '/escalations', admin)).json();
    const record = board.records.find(
      (r: { roundId: string; departmentCode: string }) => r.roundId === '2026Q1' && r.departmentCode === 'owndept',
    );
    expect(record).toMatchObject({ status: 'on_hold', appeal: { id: appealId, status: 'pending' } });
    expect(record.measureStates.map((m: { status: string }) => m.status)).toEqual(record.measures.map(() => 'on_hold'));
    const other = board.records.find(
      (r: { roundId: string; departmentCode: string }) => r.roundId === '2026Q1' && r.departmentCode !== 'owndept',
    );
    expect(other).toMatchObject({ status: 'pending', appeal: null });
    const own = (await call('GET', '/escalations', head)).json().records;
    expect(own.map((r: { status: string }) => r.status)).toEqual(['on_hold']);
    const patch = await call('PATCH', `/escalations/${record.id}`, admin, { status: 'scheduled', scheduledFor: '2026-02-10' });
    expect(patch.statusCode).toBe(409);
    expect(patch.json().error.code).toBe('on_hold');
    const measure = await call('PATCH', `/escalations/${record.id}/measures/pledge`, admin, { status: 'done', doneAt: '2026-02-10' });
    expect(measure.statusCode).toBe(409);
    expect(measure.json().error.code).toBe('on_hold');
    expect((await call('PATCH', `/escalations/${record.id}`, admin, { notes: '等待申诉复核结果' })).statusCode).toBe(200);
  });

  it('leaders and the supervisor read every appeal; a head reads only their own', async () => {
    for (const who of [admin, await ctx.as('leader'), await ctx.as('supervisor')]) {
      const list = (await call('GET', '/appeals', who)).json();
      expect(list.map((a: { id: number }) => a.id)).toEqual([appealId]);
      expect((await call('GET', `/appeals/${appealId}`, who)).statusCode).toBe(200);
    }
    expect((await call('GET', '/appeals', head)).json()).toHaveLength(1);
    expect((await call('GET', '/appeals', otherHead)).json()).toEqual([]);
    expect((await call('GET', `/appeals/${appealId}`, otherHead)).statusCode).toBe(404);
  });

  it('only an admin decides', async () => {
    for (const who of [head, await ctx.as('leader'), await ctx.as('supervisor')]) {
      expect((await call('POST', `/appeals/${appealId}/decision`, who, { decision: 'upheld', reasons: '核查属实' })).statusCode).toBe(403);
    }
    expect((await call('POST', `/appeals/${appealId}/decision`, admin, { decision: 'maybe', reasons: '核查属实' })).statusCode).toBe(400);
  });

  it('upheld: the results are corrected (audited) without the flagged answers, and the escalation revised', async () => {
    ctx.clock.now = new Date(publishedAt1.getTime() + 2 * 86_400_000);
    const res = await call('POST', `/appeals/${appealId}/decision`, admin, { decision: 'upheld', reasons: '8 份雷同答卷经核查为代填' });
    expect(res.statusCode).toBe(200);
    const a = res.json();
    expect(a).toMatchObject({
      status: 'upheld',
      decidedBy: 'admin',
      decisionReasons: '8 份雷同答卷经核查为代填',
      correction: { version: 2, answersExcluded: 8 },
    });
    expect(a.correction.flaggedBefore).toContain('owndept');
    expect(a.correction.flaggedAfter).not.toContain('owndept');

    const results = (await call('GET', '/rounds/2026Q1/results', admin)).json();
    expect(results.round).toMatchObject({ version: 2, correctionReason: expect.stringContaining(`申诉 #${appealId}`), responses: 32 });
    expect(flaggedCodes(results)).not.toContain('owndept');

    const board = (await call('GET', '/escalations', admin)).json();
    const ownQ1 = (r: { roundId: string; departmentCode: string }) => r.roundId === '2026Q1' && r.departmentCode === 'owndept';
    // No longer in the bottom three: the record is withdrawn (kept among the superseded, with the appeal beside it).
    expect(board.records.find(ownQ1)).toBeUndefined();
    expect(board.superseded.find(ownQ1)).toMatchObject({ status: 'withdrawn', appeal: { status: 'upheld' } });

    const audit = (await call('GET', '/audit?entityType=round&entityId=2026Q1', admin)).json();
    expect(audit.items[0]).toMatchObject({
      action: 'results.correct',
      summary: { appealId, excluded: { variant: 'without_flagged', answers: 8 } },
    });
    const decided = (await call('GET', `/audit?entityType=appeal&entityId=${appealId}`, admin)).json();
    expect(decided.items[0]).toMatchObject({ action: 'appeal.decide', summary: { decision: 'upheld', measures: 'resumed' } });
  });

  it('a decided appeal is not decided again', async () => {
    const res = await call('POST', `/appeals/${appealId}/decision`, admin, { decision: 'rejected', reasons: '改判驳回' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('already_decided');
  });
});

describe('rejection and the window', () => {
  let publishedAt2 = new Date(0);
  it('rejected: nothing is corrected and the measures resume', async () => {
    await runQuarter(ctx, '2026Q2', q2, { sampleSize: 12 });
    publishedAt2 = ctx.clock.now;
    const filed = (await call('POST', '/appeals', head, { roundId: '2026Q2', reasons: '评价不客观，请求复核', evidence: [] })).json();
    const res = await call('POST', `/appeals/${filed.id}/decision`, admin, { decision: 'rejected', reasons: '答卷无异常，评价有效' });
    expect(res.json()).toMatchObject({ status: 'rejected', correction: null });
    expect((await call('GET', '/rounds/2026Q2/results', admin)).json().round.version).toBe(1);
    const record = (await call('GET', '/escalations', head)).json().records.find((r: { roundId: string }) => r.roundId === '2026Q2');
    expect(record).toMatchObject({ appeal: { status: 'rejected' }, status: 'pending' });
    expect(record.measureStates.every((m: { status: string }) => m.status === 'pending')).toBe(true);
  });

  it('after the window it is refused with the deadline; the window comes from the config', async () => {
    ctx.clock.now = new Date(publishedAt2.getTime() + 7 * 86_400_000 + 60_000);
    const late = await call('POST', '/appeals', otherHead, { roundId: '2026Q2', reasons: '逾期申诉', evidence: [] });
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toMatchObject({
      code: 'window_closed',
      details: { windowDays: 7, deadline: new Date(publishedAt2.getTime() + 7 * 86_400_000).toISOString() },
    });

    const tenDays = await buildApp({
      database: ctx.database,
      config: testConfig({ appealWindowDays: 10 }),
      now: () => ctx.clock.now,
    });
    try {
      const res = await tenDays.inject({
        method: 'POST',
        url: '/api/v1/appeals',
        headers: { cookie: otherHead },
        payload: { roundId: '2026Q2', reasons: '十日内申诉', evidence: '情况说明' },
      });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({
        evidence: ['情况说明'],
        deadline: new Date(publishedAt2.getTime() + 10 * 86_400_000).toISOString(),
      });
    } finally {
      await tenDays.close();
    }
  });

  it('refuses a round that is not published, and one that does not exist', async () => {
    expect((await call('POST', '/appeals', head, { roundId: '2030Q1', reasons: '不存在的轮次', evidence: [] })).statusCode).toBe(404);
    expect((await call('POST', '/appeals', admin, { roundId: '2026Q1', reasons: '管理员不能申诉', evidence: [] })).statusCode).toBe(403);
  });
});
