// Cadre points through the API: rulebook versions, the four-eyes ledger, reversal, standings, shortlist.
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_RULEBOOK } from '#shared/points/rulebook.ts';
import { auditLog, pointsEntries } from '#server/db/schema.ts';
import { insertRulebook } from '#server/points/rules.service.ts';
import { makeTestContext } from '../support/app.ts';

const ctx = await makeTestContext(); // clock: 2026-03-01
await ctx.database.db.transaction((tx) => insertRulebook(tx, EXAMPLE_RULEBOOK, 'test', ctx.clock.now));
const org = await ctx.as('org');
const org2 = await ctx.as('org2');
const api = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object, cookie = org) =>
  ctx.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload ? { payload } : {}) });
const ok = async (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object, cookie = org) => {
  const res = await api(method, url, payload, cookie);
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
};

const own = await ok('POST', '/units', { code: 'u-own', nameZh: '市测试局', kind: 'department', departmentId: ctx.departmentIds.own });
const town = await ok('POST', '/units', { code: 'u-town', nameZh: '城关镇', kind: 'township' });
const cadre = (code: string, name: string, unitId: number, since: string, rank = 'researcher_4', leadership = false) =>
  ok('POST', '/cadres', { code, name, unitId, post: leadership ? '局长' : '科员', rank, leadership, since });
const a = await cadre('C001', '张三', own.id, '2016-01-01', 'researcher_4', true);
const b = await cadre('C002', '李四', town.id, '2016-01-01');
const c = await cadre('C003', '王五', town.id, '2019-06-01');

describe('the rulebook', () => {
  it('lists the example rulebook with base, awards by level and the accountability types', async () => {
    const rules = await ok('GET', '/points/rules', undefined, await ctx.as('dept_head'));
    expect(rules).toMatchObject({ version: '2021-example', basePerYear: 1, baseCap: 30, inForce: true });
    expect(rules.label).toMatch(/示例/);
    const codes = rules.rules.map((r: { code: string }) => r.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'award_national',
        'award_provincial',
        'award_city',
        'award_unit',
        'pledge',
        'admonishment',
        'reassignment',
        'criticism',
        'discipline',
      ]),
    );
    expect(rules.tieBreak.zh).toBeTruthy();
  });

  it('adds a version instead of editing one; the old stays and the database refuses edits', async () => {
    const v2 = {
      ...EXAMPLE_RULEBOOK,
      version: '2026-v2',
      label: '2026 修订',
      effectiveFrom: '2026-04-01',
      rules: EXAMPLE_RULEBOOK.rules.map((r) => (r.code === 'award_city' ? { ...r, points: 4 } : r)),
    };
    expect((await api('POST', '/points/rules', { ...v2, version: '2021-example' })).statusCode).toBe(409);
    expect((await api('POST', '/points/rules', { ...v2, effectiveFrom: '2020-01-01' })).statusCode).toBe(422);
    expect(
      (await api('POST', '/points/rules', { ...v2, rules: v2.rules.map((r) => (r.code === 'pledge' ? { ...r, points: 2 } : r)) }))
        .statusCode,
    ).toBe(400);
    expect((await api('POST', '/points/rules', v2, await ctx.as('admin'))).statusCode).toBe(403);
    const res = await api('POST', '/points/rules', v2);
    expect(res.statusCode).toBe(201);
    expect(res.json().version).toBe('2021-example'); // not in force before April
    expect(res.json().versions.map((v: { version: string }) => v.version)).toEqual(['2026-v2', '2021-example']);
    await expect(
      ctx.database.db.execute(sql`update points_rules set points = 99 where version = '2021-example' and code = 'award_city'`),
    ).rejects.toThrow();
    await expect(ctx.database.db.execute(sql`delete from points_rulebooks where version = '2026-v2'`)).rejects.toThrow();
  });
});

describe('cadres and tenures', () => {
  it('keeps the post history when a cadre moves; base accrues across posts', async () => {
    const moved = await ok('POST', `/cadres/${c.id}/tenures`, {
      unitId: own.id,
      post: '副局长',
      rank: 'researcher_4',
      leadership: true,
      since: '2022-01-01',
    });
    expect(moved).toMatchObject({ unitId: own.id, post: '副局长', leadership: true });
    const detail = await ok('GET', `/cadres/${c.id}`);
    expect(detail.tenures).toEqual([
      expect.objectContaining({ unitId: town.id, since: '2019-06-01', until: '2021-12-31' }),
      expect.objectContaining({ unitId: own.id, since: '2022-01-01', until: null }),
    ]);
    expect(
      (
        await api('POST', `/cadres/${c.id}/tenures`, {
          unitId: own.id,
          post: 'x',
          rank: 'researcher_4',
          leadership: false,
          since: '2021-01-01',
        })
      ).statusCode,
    ).toBe(422);
    const points = await ok('GET', `/cadres/${c.id}/points?asOf=2025-06-01`);
    expect(points.base).toMatchObject({ fullYears: 6, points: 6 });
  });

  it('refuses a unit or cadre that is not well formed', async () => {
    expect((await api('POST', '/units', { code: 'u-x', nameZh: 'x', kind: 'department' })).statusCode).toBe(400);
    expect(
      (
        await api('POST', '/cadres', {
          code: 'C001',
          name: '重复',
          unitId: own.id,
          post: 'x',
          rank: 'clerk_1',
          leadership: false,
          since: '2020-01-01',
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (
        await api('POST', '/cadres', {
          code: 'C999',
          name: 'x',
          unitId: own.id,
          post: 'x',
          rank: '处长',
          leadership: false,
          since: '2020-01-01',
        })
      ).statusCode,
    ).toBe(400);
  });
});

describe('the ledger', () => {
  let approvedId = 0;

  it('a submitted entry is pending and scored by the rulebook in force on its date', async () => {
    const res = await api('POST', '/points/entries', {
      cadreId: a.id,
      ruleCode: 'award_provincial',
      date: '2024-05-01',
      reason: '获省级优秀公务员',
      evidence: '鄂人社发〔2024〕12号',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      status: 'pending',
      points: 6,
      kind: 'award',
      ruleVersion: '2021-example',
      submittedBy: 'test-org',
      submittedByName: 'org',
      source: 'manual',
    });
    approvedId = res.json().id;
    const pending = await ok('GET', '/points/entries?status=pending');
    expect(pending.items.map((e: { id: number }) => e.id)).toContain(approvedId);
    // Pending entries do not count.
    expect((await ok('GET', `/cadres/${a.id}/points?asOf=2025-01-01`)).awards).toBe(0);
  });

  it('four eyes: the submitter cannot review; another org user can, once', async () => {
    const own = await api('POST', `/points/entries/${approvedId}/approve`, {});
    expect(own.statusCode).toBe(403);
    expect((await api('POST', `/points/entries/${approvedId}/reject`, {})).statusCode).toBe(403);
    const res = await api('POST', `/points/entries/${approvedId}/approve`, { note: '材料齐全' }, org2);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'approved', reviewedBy: 'test-org2', reviewNote: '材料齐全' });
    expect((await api('POST', `/points/entries/${approvedId}/reject`, {}, org2)).statusCode).toBe(409);
    expect((await ok('GET', `/cadres/${a.id}/points?asOf=2025-01-01`)).awards).toBe(6);
    const audit = (
      await ctx.database.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.entityId, String(approvedId)))
    ).filter((r) => r.entityType === 'points_entry');
    expect(audit.map((r) => r.action)).toEqual(['points.entry.submit', 'points.entry.approve']);
  });

  it('refuses unknown rules, future dates and other roles', async () => {
    // Each refusal carries its own code, so the form says which check failed in words.
    const refusal = async (body: object) => {
      const r = await api('POST', '/points/entries', body);
      return [r.statusCode, r.json().error.code];
    };
    expect(await refusal({ cadreId: a.id, ruleCode: 'bonus', date: '2024-05-01', reason: 'x', evidence: 'x' })).toEqual([
      422,
      'unknown_rule',
    ]);
    expect(await refusal({ cadreId: a.id, ruleCode: 'award_city', date: '2027-01-01', reason: 'x', evidence: 'x' })).toEqual([
      422,
      'date_in_future',
    ]);
    expect(await refusal({ cadreId: a.id, ruleCode: 'award_city', date: '2020-01-01', reason: 'x', evidence: 'x' })).toEqual([
      422,
      'no_rulebook_on_date',
    ]);
    for (const role of ['admin', 'leader', 'supervisor', 'dept_head'] as const) {
      expect(
        (
          await api(
            'POST',
            '/points/entries',
            { cadreId: a.id, ruleCode: 'award_city', date: '2024-05-01', reason: 'x', evidence: 'x' },
            await ctx.as(role),
          )
        ).statusCode,
      ).toBe(403);
    }
  });

  it('a rejected entry never counts', async () => {
    const e = await ok('POST', '/points/entries', {
      cadreId: b.id,
      ruleCode: 'award_national',
      date: '2024-02-01',
      reason: '未获批',
      evidence: 'x',
    });
    expect((await ok('POST', `/points/entries/${e.id}/reject`, { note: '无文件依据' }, org2)).status).toBe('rejected');
    expect((await ok('GET', `/cadres/${b.id}/points?asOf=2025-01-01`)).awards).toBe(0);
  });

  it('a wrong approved entry is reversed by a new entry, never deleted or edited', async () => {
    const rev = await api('POST', `/points/entries/${approvedId}/reverse`, { reason: '表彰文件撤销', date: '2025-03-01' }, org2);
    expect(rev.statusCode).toBe(201);
    expect(rev.json()).toMatchObject({ status: 'pending', points: -6, kind: 'award', reversesId: approvedId });
    expect((await api('POST', `/points/entries/${approvedId}/reverse`, { reason: 'again' }, org2)).statusCode).toBe(409);
    expect((await api('POST', `/points/entries/${rev.json().id}/approve`, {}, org2)).statusCode).toBe(403);
    await ok('POST', `/points/entries/${rev.json().id}/approve`, {}, org);
    expect((await ok('GET', `/cadres/${a.id}/points?asOf=2025-01-01`)).awards).toBe(6);
    const after = await ok('GET', `/cadres/${a.id}/points?asOf=2025-06-01`);
    expect(after.awards).toBe(0);
    expect(after.entries.map((e: { id: number }) => e.id)).toEqual([approvedId, rev.json().id]);
    const list = await ok('GET', `/points/entries?cadreId=${a.id}`);
    expect(list.items.find((e: { id: number }) => e.id === approvedId).reversedById).toBe(rev.json().id);
    await expect(ctx.database.db.delete(pointsEntries).where(eq(pointsEntries.id, approvedId))).rejects.toThrow();
    await expect(ctx.database.db.update(pointsEntries).set({ points: 60 }).where(eq(pointsEntries.id, approvedId))).rejects.toThrow();
    await expect(
      ctx.database.db.update(pointsEntries).set({ status: 'rejected' }).where(eq(pointsEntries.id, approvedId)),
    ).rejects.toThrow();
  });
});

describe('standings and the shortlist', () => {
  it('ranks each rank cohort with the stated tie-break and explains every part', async () => {
    // a and b entered service the same day, same rank: b gets a city award, a a pledge deduction.
    const award = await ok('POST', '/points/entries', {
      cadreId: b.id,
      ruleCode: 'award_city',
      date: '2025-01-10',
      reason: '市级先进',
      evidence: '仙发〔2025〕3号',
    });
    await ok('POST', `/points/entries/${award.id}/approve`, {}, org2);
    const pledge = await ok('POST', '/points/entries', {
      cadreId: a.id,
      ruleCode: 'criticism',
      date: '2025-02-10',
      reason: '通报批评',
      evidence: '仙纪通〔2025〕1号',
    });
    await ok('POST', `/points/entries/${pledge.id}/approve`, {}, org2);
    const s = await ok('GET', '/points/standings?asOf=2025-12-31&rank=researcher_4', undefined, await ctx.as('leader'));
    expect(s.items.map((r: { code: string }) => r.code)).toEqual(['C002', 'C001', 'C003']);
    expect(s.items[0]).toMatchObject({ base: 10, awards: 3, deductions: 0, total: 13, position: 1, cohortSize: 3 });
    expect(s.items[1]).toMatchObject({ base: 10, awards: 0, deductions: -3, total: 7, position: 2 });
    expect(s.tieBreak.en).toMatch(/deduction/);
    // Before any entry, a and b tie on total with equal service: the staff number decides.
    const early = await ok('GET', '/points/standings?asOf=2024-04-30&rank=researcher_4');
    expect(early.items.slice(0, 2).map((r: { code: string; tiedOnTotal: boolean }) => [r.code, r.tiedOnTotal])).toEqual([
      ['C001', true],
      ['C002', true],
    ]);
    const byUnit = await ok('GET', `/points/standings?asOf=2025-12-31&unit=u-town`);
    expect(byUnit.items.map((r: { code: string }) => r.code)).toEqual(['C002']);
    const detail = await ok('GET', `/cadres/${b.id}/points?asOf=2025-12-31`);
    expect(detail).toMatchObject({ total: 13, cohort: { position: 1, cohortSize: 3 } });
    expect(detail.entries.map((e: { ruleCode: string }) => e.ruleCode)).toEqual(['award_city']);
    expect(detail.history.at(-1)).toMatchObject({ date: '2025-12-31', total: 13 });
    expect(detail.history[0].date).toBe('2016-01-31');
  });

  it('a head reads their own unit only', async () => {
    const head = await ctx.as('dept_head');
    const s = await ok('GET', '/points/standings?asOf=2025-12-31', undefined, head);
    expect(new Set(s.items.map((r: { unitId: number }) => r.unitId))).toEqual(new Set([own.id]));
    expect((await api('GET', `/cadres/${b.id}/points`, undefined, head)).statusCode).toBe(403);
    expect((await api('GET', `/cadres/${b.id}`, undefined, head)).statusCode).toBe(403);
    expect((await api('GET', '/points/standings?unit=u-town', undefined, head)).statusCode).toBe(403);
    expect((await ok('GET', `/cadres/${a.id}/points`, undefined, head)).cadreId).toBe(a.id);
    const other = await ok('GET', '/cadres', undefined, await ctx.as('other_head'));
    expect(other.items).toEqual([]);
    expect((await api('GET', '/points/shortlist?rank=researcher_4&places=1', undefined, head)).statusCode).toBe(403);
  });

  it('shortlists eligible cadres in points order, bars a sanctioned one, and exports it', async () => {
    const d = await ok('POST', '/points/entries', {
      cadreId: c.id,
      ruleCode: 'discipline',
      date: '2025-05-01',
      reason: '政务警告处分',
      evidence: '仙监〔2025〕2号',
    });
    await ok('POST', `/points/entries/${d.id}/approve`, {}, org2);
    const list = await ok('GET', '/points/shortlist?rank=researcher_4&places=1&asOf=2025-12-31', undefined, await ctx.as('supervisor'));
    expect(list.shortlisted.map((r: { code: string }) => r.code)).toEqual(['C002']);
    expect(list.reserve.map((r: { code: string }) => r.code)).toEqual(['C001']);
    expect(list.ineligible).toEqual([expect.objectContaining({ code: 'C003', reason: 'under_sanction' })]);
    const xlsx = await api('GET', '/points/shortlist.xlsx?rank=researcher_4&places=1&asOf=2025-12-31');
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('推荐名单')!;
    expect(sheet.getRow(2).getCell(2).value).toBe('C002');
    expect(sheet.getRow(2).getCell(9).value).toBe(13);
    // In the office's words: the rank by name in the file's name, Chinese headers, the reserve numbered from 1 as on the page.
    expect(decodeURIComponent(String(xlsx.headers['content-disposition']))).toContain('晋升推荐名单-四级调研员-2025-12-31.xlsx');
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      '名次',
      '干部编号',
      '姓名',
      '单位',
      '职务',
      '基础分',
      '奖励分',
      '扣分',
      '总积分',
      '同分',
    ]);
    const reserve = book.getWorksheet('递补名单')!;
    expect([reserve.getRow(1).getCell(1).value, reserve.getRow(2).getCell(1).value, reserve.getRow(2).getCell(2).value]).toEqual([
      '递补顺序',
      1,
      'C001',
    ]);
    // Rulebook versions (2021-example) are names the office chose.
    for (const ws of book.worksheets)
      ws.eachRow((r) => r.eachCell((cell) => expect(String(cell.value).replace(/\d{4}-[a-z]+/g, '')).not.toMatch(/[A-Za-z]{3,}/)));
  });
});
