// Answers weighted to the registry, through the real API: a township whose firms answered far beyond
// their share of the registry drags one department into the bottom three; weighted to the registry,
// that department leaves and the robustness section says so, with the effective sample size.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { makeTestContext } from '../support/app.ts';
import { seedRegistry } from '../support/fixtures.ts';
import { runQuarter, type Invitation } from '../support/rounds.ts';
import type { Level } from '../support/survey.ts';

const ctx = await makeTestContext();
const { departments, enterprises } = await seedRegistry(ctx.database.db, { enterprises: 200, departments: 6 });
const get = async (url: string, cookie: string) => ctx.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { cookie } });
const [A, B, C, D] = departments.map((d) => d.code) as [string, string, string, string];
const idOf = (code: string) => departments.find((d) => d.code === code)!.id;
const T = '沙嘴街道';

describe('weighted to the registry', () => {
  it('an over-represented township moves the bottom three; the weights, effective n and the change are in the robustness section', async () => {
    // Every invited firm of T answers, and only 12 of the others: T is about 13 % of the registry but
    // 40 % of the respondents. T's firms rate A 不满意 and B, C, D 满意; the others the reverse-ish.
    let others = 0;
    const skip = (inv: Invitation) => inv.township !== T && ++others > 12;
    const level = (code: string, _i: number, inv: Invitation): Level => {
      const inT = inv.township === T;
      if (code === A) return inT ? 'dissatisfied' : 'fairly_satisfied';
      if (code === B || code === C || code === D) return inT ? 'satisfied' : 'basically_satisfied';
      return 'satisfied';
    };
    const published = await runQuarter(ctx, '2026Q1', level, { sampleSize: 60, round: { stratifyBy: 'township' }, skip });
    const flagged = published.departments
      .filter((d: { flagged: boolean }) => d.flagged)
      .map((d: { departmentId: number }) => d.departmentId);
    expect(flagged).toContain(idOf(A));

    const results = (await get('/rounds/2026Q1/results', await ctx.as('leader'))).json();
    const w = results.robustness.weighted;
    const inT = enterprises.filter((e) => e.township === T).length / enterprises.length;
    expect(w.dimension).toBe('township');
    const t = w.strata.find((s: { members: (string | null)[] }) => s.members.includes(T));
    expect(t.registryShare).toBeCloseTo(inT, 2);
    expect(t.respondentShare).toBeGreaterThan(0.3);
    expect(t.weight).toBeLessThan(0.5);
    // The townships with fewer than 5 respondents are one unnamed stratum (their groups were deleted at close).
    expect(w.strata.find((s: { members: (string | null)[] }) => s.members.includes(null))).toBeDefined();
    expect(w.strata.flatMap((s: { members: (string | null)[] }) => s.members).filter((m: string | null) => m !== null && m !== T)).toEqual(
      [],
    );
    // A leaves; one of B, C, D (equal means, the tie-break decides) enters.
    expect(w).toMatchObject({ changed: true, leaving: [idOf(A)], respondents: results.round.responses });
    expect(w.entering).toHaveLength(1);
    expect([B, C, D].map(idOf)).toContain(w.entering[0]);
    expect(w.bottomThree).not.toContain(idOf(A));
    // Unequal weights: the effective sample is smaller than the respondents.
    expect(w.effectiveN).toBeGreaterThan(5);
    expect(w.effectiveN).toBeLessThan(results.round.responses);
    const mean = (id: number) => w.departments.find((d: { departmentId: number }) => d.departmentId === id).mean;
    expect(mean(idOf(A))).toBeGreaterThan(mean(idOf(B)));

    // The official ranking stays unweighted.
    expect(results.departments.filter((d: { flagged: boolean }) => d.flagged).map((d: { departmentId: number }) => d.departmentId)).toEqual(
      flagged,
    );
    // … in the report workbook beside the other robustness lines.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await get('/rounds/2026Q1/results.xlsx', await ctx.as('admin'))).rawPayload as unknown as ArrayBuffer);
    const rules = book
      .getWorksheet('规则 Rules')!
      .getSheetValues()
      .map((row) => (row as unknown[] | undefined)?.slice(1).join(' | '));
    const aName = departments.find((d) => d.code === A)!.nameZh;
    expect(rules).toContainEqual(
      expect.stringMatching(new RegExp(`^按名录结构加权后倒数3位 \\| 改变（有效样本量 [\\d.]+，答卷 \\d+ 份）：移出 ${aName}`)),
    );
    // Heads see no robustness section.
    expect((await get('/rounds/2026Q1/results', await ctx.as('dept_head'))).json().robustness).toBeNull();
  });

  it('under rules that make the weighted ranking official, the flagged and escalations follow the weighted means and the unweighted bottom is the line', async () => {
    const admin = await ctx.as('admin');
    // A closed choice, checked by the one schema.
    const bad = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/rounds',
      headers: { cookie: admin },
      payload: { id: '2026Q3', officialRanking: 'both', opensAt: '2026-07-01T00:00:00Z', closesAt: '2026-08-01T00:00:00Z' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('official ranking must be one of unweighted, weighted');

    let others = 0;
    const skip = (inv: Invitation) => inv.township !== T && ++others > 12;
    const level = (code: string, _i: number, inv: Invitation): Level => {
      const inT = inv.township === T;
      if (code === A) return inT ? 'dissatisfied' : 'fairly_satisfied';
      if (code === B || code === C || code === D) return inT ? 'satisfied' : 'basically_satisfied';
      return 'satisfied';
    };
    await runQuarter(ctx, '2026Q3', level, { sampleSize: 60, round: { stratifyBy: 'township', officialRanking: 'weighted' }, skip });
    const round = (await get('/rounds/2026Q3', admin)).json();
    expect(round.officialRanking).toBe('weighted');
    // Frozen with the other rules: a published round's choice cannot change.
    const patch = await ctx.app.inject({
      method: 'PATCH',
      url: '/api/v1/rounds/2026Q3',
      headers: { cookie: admin },
      payload: { officialRanking: 'unweighted' },
    });
    expect(patch.statusCode).toBe(409);

    const results = (await get('/rounds/2026Q3/results', await ctx.as('leader'))).json();
    expect(results.rules.officialRanking).toBe('weighted');
    const flagged = results.departments.filter((d: { flagged: boolean }) => d.flagged).map((d: { departmentId: number }) => d.departmentId);
    // Official: the weighted bottom three, A not among them; the places follow the weighted means.
    expect(flagged).toEqual(results.robustness.weighted.bottomThree);
    expect(flagged).not.toContain(idOf(A));
    const ranked = results.departments.filter((d: { rank: number | null }) => d.rank !== null);
    expect(ranked.map((d: { departmentId: number }) => d.departmentId)).toEqual(
      results.robustness.weighted.departments.map((d: { departmentId: number }) => d.departmentId),
    );
    // The unweighted ranking is the robustness line: A would be in its bottom three.
    expect(results.robustness.official).toBe('weighted');
    expect(results.robustness.unweighted).toMatchObject({ changed: true, entering: [idOf(A)] });
    expect(results.robustness.unweighted.bottomThree).toContain(idOf(A));
    // The escalation records of the round are the official (weighted) bottom three's.
    const board = (await get('/escalations', admin)).json();
    const escalated = board.records
      .filter((r: { roundId: string }) => r.roundId === '2026Q3')
      .map((r: { departmentId: number }) => r.departmentId)
      .sort((a: number, b: number) => a - b);
    expect(escalated).toEqual([...flagged].sort((a: number, b: number) => a - b));
    // … and the report workbook says which ranking is official.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await get('/rounds/2026Q3/results.xlsx', admin)).rawPayload as unknown as ArrayBuffer);
    const rules = book
      .getWorksheet('规则 Rules')!
      .getSheetValues()
      .map((row) => (row as unknown[] | undefined)?.slice(1).join(' | '));
    expect(rules).toContainEqual(expect.stringMatching(/^正式排名 \| 按名录结构加权/));
    const aName = departments.find((d) => d.code === A)!.nameZh;
    expect(rules).toContainEqual(expect.stringMatching(new RegExp(`^不加权时倒数3位 \\| 改变：移出 .*进入 ${aName}`)));
  });

  it("respondents in the registry's proportions leave the bottom three as they are", async () => {
    const level = (code: string, i: number): Level =>
      code === A ? 'dissatisfied' : code === B && i % 2 ? 'basically_satisfied' : 'satisfied';
    await runQuarter(ctx, '2026Q2', level, { sampleSize: 60, round: { stratifyBy: 'township' } });
    const w = (await get('/rounds/2026Q2/results', await ctx.as('admin'))).json().robustness.weighted;
    expect(w).toMatchObject({ changed: false, entering: [], leaving: [] });
    expect(w.bottomThree).toContain(idOf(A));
  });
});
