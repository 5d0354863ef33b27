// Integrity signals and the robustness of the bottom three on designed rounds, through the real API:
// each enterprise's answers are submitted with its link, the round closes, results are computed.
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { seededUniform } from '#shared/results/stats.ts';
import { makeTestContext } from '../support/app.ts';
import { seedRegistry } from '../support/fixtures.ts';
import { cleanShares, pickLevel } from '../support/integrity.ts';
import { runQuarter } from '../support/rounds.ts';
import type { Level } from '../support/survey.ts';

const ctx = await makeTestContext();
const { departments } = await seedRegistry(ctx.database.db, { enterprises: 200, departments: 6 });
const admin = await ctx.as('admin');
const get = async (url: string, cookie: string | null = admin) =>
  ctx.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: cookie ? { cookie } : {} });
const codes = ['owndept', 'otherdept', ...departments.map((d) => d.code)];
const [X, , C] = departments.map((d) => d.code) as [string, string, string];
const idOf = (code: string) => departments.find((d) => d.code === code)!.id;

/** Clean answers: each department's level drawn from its own shares, the same draw for the same (round, code, respondent). */
const clean =
  (round: string) =>
  (code: string, i: number): Level =>
    pickLevel(cleanShares(codes.indexOf(code) === 2 ? 0 : codes.indexOf(code) + 1), seededUniform(`${round}:${code}:${i}`)());

describe('integrity signals', () => {
  it('a clean round raises nothing, and says what each check measured and its threshold', async () => {
    await runQuarter(ctx, '2025Q3', clean('2025Q3'), { sampleSize: 40 });
    const res = await get('/rounds/2025Q3/integrity');
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ roundId: '2025Q3', version: 1, answers: 40, flaggedAnswers: 0, raised: 0 });
    expect(r.signals.map((s: { kind: string }) => s.kind)).toEqual([
      'straight_lining',
      'identical_answers',
      'not_applicable_outlier',
      'top_box_outlier',
      'votes_unexplained',
    ]);
    for (const s of r.signals)
      expect(s).toMatchObject({ raised: false, answers: 0, measured: { zh: expect.any(String) }, threshold: { en: expect.any(String) } });
    expect(r.thresholds.identicalAnswers.minClusterSize).toBe(3);
    const results = (await get('/rounds/2025Q3/results')).json();
    expect(results.robustness.variants.every((v: { changes: boolean }) => !v.changes)).toBe(true);
  });

  it('pasted answers, straight-lining and a coached department are each found; removing the pasted cluster changes the bottom three', async () => {
    // 8 pasted answers rate X (the best department by the clean answers) 不满意 and vote it least
    // satisfied; 8 more give everyone 满意; department C is never 不了解 and nearly always 满意.
    const pasted = (code: string): Level =>
      code === X ? 'dissatisfied' : code === 'owndept' ? 'not_applicable' : code === 'otherdept' ? 'fairly_satisfied' : 'satisfied';
    const level = (code: string, i: number): Level => {
      if (i < 8) return pasted(code);
      if (i < 16) return 'satisfied';
      if (code === C) return seededUniform(`coached:${i}`)() < 0.9 ? 'satisfied' : 'fairly_satisfied';
      return clean('2025Q4')(code, i);
    };
    const published = await runQuarter(ctx, '2025Q4', level, { sampleSize: 60, votes: (_codes, i) => (i < 8 ? [X] : []) });
    const flagged = published.departments.filter((d: { flagged: boolean }) => d.flagged).map((d: { code: string }) => d.code);
    expect(flagged).toContain(X);

    const r = (await get('/rounds/2025Q4/integrity')).json();
    const signal = (kind: string) => r.signals.find((s: { kind: string }) => s.kind === kind);
    expect(signal('identical_answers')).toMatchObject({ raised: true, clusterSizes: [8], answers: 8 });
    expect(signal('straight_lining')).toMatchObject({ raised: true, answers: 8 });
    expect(signal('not_applicable_outlier').departments.map((d: { code: string }) => d.code)).toEqual([C]);
    expect(signal('top_box_outlier').departments.map((d: { code: string }) => d.code)).toEqual([C]);
    expect(r.flaggedAnswers).toBe(16);

    const without = r.robustness.variants.find((v: { variant: string }) => v.variant === 'without_flagged');
    expect(without).toMatchObject({ answersRemoved: 16, changes: true, leaving: [idOf(X)] });
    expect(without.flaggedDepartmentIds).not.toContain(idOf(X));
    expect(r.robustness.variants.find((v: { variant: string }) => v.variant === 'without_straight_lined')).toMatchObject({
      answersRemoved: 8,
    });

    // Beside P(bottom 3) in the results every full reader sees; not for heads.
    const results = (await get('/rounds/2025Q4/results', await ctx.as('leader'))).json();
    // The same variants; the results add the weighted one and say which ranking is official (test/api/weighted.test.ts).
    const { weighted: _weighted, official, unweighted, ...same } = results.robustness;
    expect(same).toEqual(r.robustness);
    expect(official).toBe('unweighted');
    expect(unweighted).toBeNull();
    expect(results.departments.find((d: { code: string }) => d.code === X).pBottom).toBeGreaterThan(0);
    expect((await get('/rounds/2025Q4/results', await ctx.as('dept_head'))).json().robustness).toBeNull();

    // … and in the report (the results workbook), beside the rules.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await get('/rounds/2025Q4/results.xlsx')).rawPayload as unknown as ArrayBuffer);
    const rules = book
      .getWorksheet('规则 Rules')!
      .getSheetValues()
      .map((row) => (row as unknown[] | undefined)?.slice(1).join(' | '));
    const xName = departments.find((d) => d.code === X)!.nameZh;
    expect(rules).toContainEqual(expect.stringMatching(new RegExp(`^剔除可疑答卷后倒数3位 \\| 改变（剔除 16 份）：移出 ${xName}`)));
    expect(rules).toContainEqual(expect.stringMatching(/^剔除整齐划一答卷后倒数3位 \| .*剔除 8 份/));
  });

  it('names no answer: no response id or receipt appears in the report', async () => {
    const body = (await get('/rounds/2025Q4/integrity')).body;
    const rows = (await ctx.database.db.execute(
      sql`select id::text as id, receipt_hash from responses where round_id = '2025Q4'`,
    )) as unknown as { rows: { id: string; receipt_hash: string }[] };
    expect(rows.rows.length).toBe(60);
    for (const row of rows.rows) {
      expect(body).not.toContain(row.id);
      expect(body).not.toContain(row.receipt_hash);
    }
  });

  it('admin and supervisor only: heads and leaders 403, no login 401', async () => {
    expect((await get('/rounds/2025Q4/integrity', await ctx.as('supervisor'))).statusCode).toBe(200);
    const head = await get('/rounds/2025Q4/integrity', await ctx.as('dept_head'));
    expect(head.statusCode).toBe(403);
    expect(head.json().error.code).toBe('forbidden');
    expect((await get('/rounds/2025Q4/integrity', await ctx.as('leader'))).statusCode).toBe(403);
    expect((await get('/rounds/2025Q4/integrity', null)).statusCode).toBe(401);
  });

  it('only once the answers are final: an open round is refused, an unknown one is not found', async () => {
    expect((await get('/rounds/2024Q1/integrity')).statusCode).toBe(404);
    const created = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/rounds',
      headers: { cookie: admin },
      payload: { id: '2026Q2', sampleSize: 10, opensAt: '2026-04-01T00:00:00+08:00', closesAt: '2026-04-30T00:00:00+08:00' },
    });
    expect(created.statusCode).toBe(201);
    const res = await get('/rounds/2026Q2/integrity');
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('round_not_closed');
  });
});
