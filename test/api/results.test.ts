import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cityDay, DEFAULT_CITY_TZ } from '#shared/city-day.ts';
import { makeTestContext } from '../support/app.ts';
import { seedRegistry } from '../support/fixtures.ts';
import { runQuarter } from '../support/rounds.ts';
import type { Level } from '../support/survey.ts';

const ctx = await makeTestContext();
const { departments } = await seedRegistry(ctx.database.db, { enterprises: 150, departments: 5 });
const admin = await ctx.as('admin');
const get = async (url: string, cookie = admin) => ctx.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { cookie } });
const [A, B, C, D] = departments.map((d) => d.code) as [string, string, string, string];
const idOf = (code: string) => departments.find((d) => d.code === code)!.id;
// The bottom three are whoever is rated 不满意 by everyone; the rest are rated 满意 (a few 不了解).
const bottom =
  (...bad: string[]) =>
  (code: string, i: number): Level =>
    bad.includes(code) ? 'dissatisfied' : i % 5 === 0 ? 'not_applicable' : 'satisfied';

describe('results and escalation across quarters', () => {
  it('computes before publication; heads see nothing until it is published', async () => {
    const computed = await runQuarter(ctx, '2025Q1', bottom(A, B, C), { publish: false });
    expect(computed.round).toMatchObject({ status: 'closed', publishedAt: null, responses: 12, version: 1 });
    expect(
      computed.departments
        .filter((d: { flagged: boolean }) => d.flagged)
        .map((d: { code: string }) => d.code)
        .sort(),
    ).toEqual([A, B, C].sort());
    expect((await get('/rounds/2025Q1/results', await ctx.as('dept_head'))).statusCode).toBe(404);
    expect((await get('/rounds/2025Q1/results', await ctx.as('leader'))).statusCode).toBe(200);
    const published = await ctx.app.inject({ method: 'POST', url: '/api/v1/rounds/2025Q1/publish', headers: { cookie: admin } });
    expect(published.statusCode).toBe(200);
    expect(published.json().round.status).toBe('published');
    expect((await ctx.app.inject({ method: 'POST', url: '/api/v1/rounds/2025Q1/compute', headers: { cookie: admin } })).statusCode).toBe(
      409,
    );
  });

  it('states the rules and honest statistics beside every rank', async () => {
    const r = (await get('/rounds/2025Q1/results')).json();
    expect(r.rules).toMatchObject({ minRatings: 3, bottomN: 3, rankingRule: { zh: expect.stringContaining('平均分') } });
    const flagged = r.departments.filter((d: { flagged: boolean }) => d.flagged);
    for (const d of flagged) expect(d).toMatchObject({ mean: 0, satisfactionRate: 0, status: 'ranked' });
    const top = r.departments[0];
    expect(top).toMatchObject({ rank: 1, mean: 100 });
    expect(top.n).toBeLessThan(12); // 不了解 excluded
    expect(top.pBottom).toBeCloseTo(0, 2);
    expect(r.funnel.points.length).toBeGreaterThan(2);
  });

  it('pledge, then admonishment, then reassignment for three quarters in a row; flagged-not-flagged-flagged starts over', async () => {
    await runQuarter(ctx, '2025Q2', bottom(A, B, D));
    // A new head takes office at C before the third quarter: C's pledge names the new head.
    await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/departments/${idOf(C)}/head`,
      headers: { cookie: admin },
      payload: { name: '新局长', title: '局长', since: '2025-08-01' },
    });
    await runQuarter(ctx, '2025Q3', bottom(A, C, D));
    const board = (await get('/escalations')).json();
    const level = (code: string) => board.departments.find((d: { code: string }) => d.code === code);
    expect(level(A)).toMatchObject({ streak: 3, level: 'reassignment', timesFlagged: 3 });
    expect(level(B)).toMatchObject({ streak: 0, level: null, timesFlagged: 2 });
    expect(level(C)).toMatchObject({ streak: 1, level: 'pledge', timesFlagged: 2 });
    expect(level(D)).toMatchObject({ streak: 2, level: 'admonishment' });
    const q3 = board.records.filter((r: { roundId: string }) => r.roundId === '2025Q3');
    expect(q3.map((r: { departmentCode: string; level: string }) => `${r.departmentCode}:${r.level}`).sort()).toEqual(
      [`${A}:reassignment`, `${C}:pledge`, `${D}:admonishment`].sort(),
    );
    expect(q3.find((r: { departmentCode: string }) => r.departmentCode === C).headName).toBe('新局长');
    expect(q3.every((r: { status: string }) => r.status === 'pending')).toBe(true);
    // The English names come with the board, so the web needs no second request for them.
    const en = departments.find((d) => d.code === A)!.nameEn;
    expect(en).toEqual(expect.any(String));
    expect(level(A).nameEn).toBe(en);
    expect(q3.find((r: { departmentCode: string }) => r.departmentCode === A)).toMatchObject({
      departmentName: departments[0]!.nameZh,
      departmentNameEn: en,
    });

    const history = (await get(`/departments/${idOf(A)}/history`)).json();
    expect(history.rounds.map((h: { streak: number; level: string }) => [h.streak, h.level])).toEqual([
      [1, 'pledge'],
      [2, 'admonishment'],
      [3, 'reassignment'],
    ]);
    const results = (await get('/rounds/2025Q3/results')).json();
    expect(results.departments.find((d: { code: string }) => d.code === B).previousRank).not.toBeNull();
  });

  it('admins update an escalation record; others cannot', async () => {
    const record = (await get('/escalations')).json().records[0];
    const res = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/v1/escalations/${record.id}`,
      headers: { cookie: admin },
      payload: { status: 'scheduled', scheduledFor: '2025-11-20', commitment: '本人承诺：一个月内整改到位。' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'scheduled', scheduledFor: '2025-11-20', departmentNameEn: expect.any(String) });
    const patch = async (payload: object) =>
      ctx.app.inject({ method: 'PATCH', url: `/api/v1/escalations/${record.id}`, headers: { cookie: admin }, payload });
    // 已安排 always names its day: taking the date away is refused, and nothing changes.
    const noDate = await patch({ scheduledFor: null });
    expect(noDate.statusCode).toBe(422);
    expect(noDate.json().error.details).toEqual([expect.objectContaining({ path: 'body.scheduledFor' })]);
    expect((await patch({ notes: '已通知本人' })).json()).toMatchObject({
      status: 'scheduled',
      scheduledFor: '2025-11-20',
      notes: '已通知本人',
    });
    expect(
      (
        await ctx.app.inject({
          method: 'PATCH',
          url: `/api/v1/escalations/${record.id}`,
          headers: { cookie: await ctx.as('leader') },
          payload: { status: 'done' },
        })
      ).statusCode,
    ).toBe(403);
    expect((await patch({ status: 'exploded' })).statusCode).toBe(400);
    const audit = (await get(`/audit?entityType=escalation&entityId=${record.id}`)).json();
    expect(audit.items[0].summary.after).toEqual({ notes: '已通知本人' });
    expect(audit.items[1].summary.after.status).toBe('scheduled');
    // Marked done with no date given: done on the city's current day.
    const done = (await patch({ status: 'done' })).json();
    expect(done).toMatchObject({ status: 'done', scheduledFor: '2025-11-20' });
    expect(done.doneAt).toBe(cityDay(ctx.clock.now, DEFAULT_CITY_TZ));
    // Done on the record: each of its measures is done that day too.
    expect(done.measureStates.map((m: { status: string; doneAt: string }) => [m.status, m.doneAt])).toEqual(
      done.measures.map(() => ['done', done.doneAt]),
    );
  });

  it('a department head sees public figures, their own distribution, only their own history and escalations', async () => {
    const head = await ctx.as('dept_head'); // heads the test context's own department
    const r = (await get('/rounds/2025Q3/results', head)).json();
    const own = r.departments.find((d: { departmentId: number }) => d.departmentId === ctx.departmentIds.own);
    const other = r.departments.find((d: { departmentId: number }) => d.departmentId !== ctx.departmentIds.own);
    expect(own.counts).not.toBeNull();
    expect(other.counts).toBeNull();
    expect(other.rank).not.toBeUndefined();
    expect((await get(`/departments/${ctx.departmentIds.other}/history`, head)).statusCode).toBe(403);
    expect((await get(`/departments/${ctx.departmentIds.own}/history`, head)).statusCode).toBe(200);
    const board = (await get('/escalations', head)).json();
    expect(board.departments.map((d: { departmentId: number }) => d.departmentId)).toEqual([ctx.departmentIds.own]);
    expect(board.records).toEqual([]);
    expect((await get('/rounds/2025Q3/results.xlsx', head)).statusCode).toBe(403);
  });

  it('exports results to .xlsx with ranking and statistics sheets', async () => {
    const res = await get('/rounds/2025Q3/results.xlsx');
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['排名 Ranking', '统计 Statistics', '规则 Rules']);
    const ranking = book.getWorksheet('排名 Ranking')!;
    expect(ranking.getRow(2).getCell(1).value).toBe(1);
    expect(typeof ranking.getRow(2).getCell(4).value).toBe('number');
  });

  it('a published round is corrected only by an audited new version', async () => {
    // An earlier round may be corrected too: later quarters are re-derived (nothing changes here).
    const earlier = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/rounds/2025Q2/results/correct',
      headers: { cookie: admin },
      payload: { reason: '发现重复问卷' },
    });
    expect(earlier.statusCode).toBe(200);
    expect((await get('/audit?entityType=round&entityId=2025Q2')).json().items[0].summary.escalations).toEqual({
      created: [],
      superseded: [],
      withdrawn: [],
      flagged: [],
    });
    expect(
      (
        await ctx.app.inject({
          method: 'POST',
          url: '/api/v1/rounds/2025Q3/results/correct',
          headers: { cookie: admin },
          payload: { reason: 'x' },
        })
      ).statusCode,
    ).toBe(400);
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/rounds/2025Q3/results/correct',
      headers: { cookie: admin },
      payload: { reason: '核查后重新计算' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().round).toMatchObject({ version: 2, correctionReason: '核查后重新计算' });
    const audit = (await get('/audit?entityType=round&entityId=2025Q3')).json();
    expect(audit.items[0]).toMatchObject({
      action: 'results.correct',
      summary: { reason: '核查后重新计算', before: { version: 1 }, after: { version: 2 } },
    });
  });
});
