// The public rectification timeline (公开通报) through the real API: a flagged department's case shows its
// commitment, its plan's measures and due dates, dated progress, the return and the close, and the
// call-backs as counts; no firm, no owner, no call-back note or reviewer comment is ever in the page.
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
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';
const call = async (method: Method, url: string, cookie: string | null, payload?: object) => {
  const res = await ctx.app.inject({ method, url: `/api/v1${url}`, headers: cookie ? { cookie } : {}, ...(payload ? { payload } : {}) });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.body}`);
  return res.json();
};
const level =
  (bad: string[]) =>
  (code: string, i: number): Level =>
    bad.includes(code) ? (i % 2 ? 'dissatisfied' : 'basically_satisfied') : 'satisfied';
const secrets = ['仙桃市甲公司', '仙桃市乙公司', '审批科', '请补充回访记录', '企业说还要再看看', '同意销号'];
const flaggedOwn = async () => {
  const page = await call('GET', '/public/rounds/2025Q1', null);
  for (const s of secrets) expect(JSON.stringify(page)).not.toContain(s);
  return page.flagged.find((d: { code: string }) => d.code === 'owndept').rectification;
};

describe('the public rectification timeline', () => {
  it('follows a case from its opening to its close, with counts for the call-backs and no firm named', async () => {
    await runQuarter(ctx, '2025Q1', level(['owndept', A, B]));
    const myCase = (await call('GET', '/rectification/cases', head))[0];
    expect(await flaggedOwn()).toMatchObject({
      status: 'open',
      timeline: { commitment: null, measures: [], events: [{ kind: 'started' }] },
    });

    ctx.clock.now = new Date(ctx.clock.now.getTime() + 86_400_000);
    await call('PUT', `/rectification/cases/${myCase.id}/plan`, head, {
      problems: '审批环节多',
      measures: [{ measure: '推行一窗通办', owner: '审批科', due: '2025-05-30' }],
      commitment: '本人承诺一个月内整改到位。',
    });
    const first = await call('POST', `/rectification/cases/${myCase.id}/ledger`, head, {
      date: '2025-04-20',
      enterprise: '仙桃市甲公司',
      issue: '办证慢',
      action: '上门服务',
      status: 'open',
    });
    await call('POST', `/rectification/cases/${myCase.id}/ledger`, head, {
      date: '2025-04-21',
      enterprise: '仙桃市乙公司',
      issue: '材料多',
      action: '精简材料',
      status: 'resolved',
    });
    ctx.clock.now = new Date(ctx.clock.now.getTime() + 86_400_000);
    await call('POST', `/rectification/cases/${myCase.id}/progress`, head, { text: '已走访 2 家企业' });
    await call('POST', `/rectification/cases/${myCase.id}/submit`, head);
    ctx.clock.now = new Date(ctx.clock.now.getTime() + 86_400_000);
    await call('POST', `/rectification/cases/${myCase.id}/review`, admin, { decision: 'return', comment: '请补充回访记录' });
    const entryId = first.ledger.find((l: { enterprise: string }) => l.enterprise === '仙桃市甲公司').id;
    await call('POST', `/rectification/cases/${myCase.id}/ledger/${entryId}/callbacks`, admin, {
      reached: true,
      solved: true,
      satisfied: false,
      note: '企业说还要再看看',
    });
    ctx.clock.now = new Date(ctx.clock.now.getTime() + 86_400_000);
    await call('POST', `/rectification/cases/${myCase.id}/submit`, head);
    await call('POST', `/rectification/cases/${myCase.id}/review`, admin, { decision: 'accept', comment: '同意销号' });

    const r = await flaggedOwn();
    expect(r.status).toBe('closed');
    expect(r.timeline.commitment).toBe('本人承诺一个月内整改到位。');
    expect(r.timeline.measures).toEqual([{ measure: '推行一窗通办', due: '2025-05-30' }]);
    expect(r.timeline.events.map((e: { kind: string }) => e.kind)).toEqual(['started', 'progress', 'returned', 'report_filed', 'closed']);
    expect(r.timeline.events[1].text).toBe('已走访 2 家企业');
    const days = r.timeline.events.map((e: { at: string }) => e.at);
    expect([...days].sort()).toEqual(days);
    expect(r.timeline.callbacks).toEqual({ entries: 2, calledBack: 1, reached: 1, solved: 1, satisfied: 0 });
  });

  it('a round that is not published has no public page at all', async () => {
    await runQuarter(ctx, '2025Q2', level([A]), { publish: false });
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/public/rounds/2025Q2' })).statusCode).toBe(404);
  });
});
