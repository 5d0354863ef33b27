import { describe, expect, it } from 'vitest';
import { makeTestContext } from '../support/app.ts';
import { seedRegistry } from '../support/fixtures.ts';
import { runQuarter } from '../support/rounds.ts';
import type { Level } from '../support/survey.ts';

// The context brings two departments of its own: 8 in all.
const ctx = await makeTestContext();
const { departments } = await seedRegistry(ctx.database.db, { enterprises: 150, departments: 6 });
const codes = departments.map((d) => d.code);
const [A, B, C] = codes as [string, string, string];
const bottom = (code: string, i: number): Level =>
  [A, B, C].includes(code) ? (i % 2 ? 'dissatisfied' : 'basically_satisfied') : 'satisfied';
const SECRET_COMMENT = '办事窗口态度很差——仅供内部';
const anon = (url: string) => ctx.app.inject({ method: 'GET', url: `/api/v1${url}` });

describe('public disclosure (公开通报)', () => {
  it('shows nothing of a round before it is published, and lists only published rounds', async () => {
    await runQuarter(ctx, '2025Q1', bottom, { publish: false, comment: () => SECRET_COMMENT });
    expect((await anon('/public/rounds/2025Q1')).statusCode).toBe(404);
    expect((await anon('/public/rounds/2099Q1')).statusCode).toBe(404);
    expect((await anon('/public/rounds')).json()).toEqual([]);
  });

  it('discloses a published round without a login: ranking, intervals, measures, rectification, method, draw record', async () => {
    await ctx.app.inject({ method: 'POST', url: '/api/v1/rounds/2025Q1/publish', headers: { cookie: await ctx.as('admin') } });
    const list = await anon('/public/rounds');
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual([expect.objectContaining({ id: '2025Q1', departments: 8, flagged: expect.any(Array) })]);
    expect(list.json()[0].flagged).toHaveLength(3);

    const res = await anon('/public/rounds/2025Q1');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.disclosure).toBe('full');
    expect(body.departments).toHaveLength(8);
    expect(body.departments.map((d: { rank: number }) => d.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (const d of body.departments) expect(d.ci95).toHaveLength(2);
    expect(body.flagged.map((d: { code: string }) => d.code).sort()).toEqual([A, B, C].sort());
    for (const f of body.flagged) {
      expect(f).toMatchObject({
        streak: 1,
        measures: ['pledge'],
        measuresStatus: 'pending',
        rectification: { status: 'open', ledgerEntries: 0 },
      });
    }
    // The public page shows the same state as the office's pages, from the one place that decides it.
    const office = (
      await ctx.app.inject({ method: 'GET', url: '/api/v1/department-states?roundId=2025Q1', headers: { cookie: await ctx.as('admin') } })
    ).json();
    for (const f of body.flagged) {
      const s = office.states.find((x: { departmentCode: string }) => x.departmentCode === f.code);
      expect(f.state).toEqual({
        roundId: s.roundId,
        rank: s.rank,
        rankedCount: s.rankedCount,
        fromBottom: s.fromBottom,
        flagged: true,
        measures: s.measures,
        rectification: s.rectification,
        appeal: s.appeal,
        next: s.next,
      });
      expect(f.state.measures).toEqual([{ measure: 'pledge', status: 'pending', date: null }]);
    }
    // The headline is what ranks: the mean and the share dissatisfied, beside the conventional 满意率.
    expect(body.summary).toMatchObject({
      meanScore: expect.any(Number),
      dissatisfiedRate: expect.any(Number),
      satisfactionRate: expect.any(Number),
    });
    expect(body.summary.dissatisfiedRate).toBeGreaterThan(0);
    expect(body.method).toMatchObject({
      minRatings: 3,
      bottomN: 3,
      seedSource: 'ceremony',
      seed: 'ceremony 2025Q1',
      poolHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(body.method.rankingRule.zh).toContain('平均分');
    expect(body.drawRecordUrl).toBe('/api/v1/rounds/2025Q1/draw-record');
    expect((await anon(body.drawRecordUrl.replace('/api/v1', ''))).statusCode).toBe(200);
  });

  it('never carries comments, per-answer data, distributions or invitation status', async () => {
    const text = (await anon('/public/rounds/2025Q1')).body;
    expect(text).not.toContain(SECRET_COMMENT);
    for (const field of [
      '"counts"',
      '"sd"',
      '"notApplicable"',
      '"comment',
      '"invitation',
      '"link"',
      '"token"',
      '"submitted"',
      '"opened"',
      '"headName"',
    ]) {
      expect(text, field).not.toContain(field);
    }
  });

  it('with the city setting "bottom", shows the bottom three and a summary only', async () => {
    const bottomCtx = await makeTestContext({ publicDisclosure: 'bottom' });
    const reg = await seedRegistry(bottomCtx.database.db, { enterprises: 150, departments: 6 });
    const [X, Y, Z] = reg.departments.map((d) => d.code) as [string, string, string];
    await runQuarter(bottomCtx, '2025Q2', (code, i) =>
      [X, Y, Z].includes(code) ? (i % 2 ? 'dissatisfied' : 'basically_satisfied') : 'satisfied',
    );
    const body = (await bottomCtx.app.inject({ method: 'GET', url: '/api/v1/public/rounds/2025Q2' })).json();
    expect(body.disclosure).toBe('bottom');
    expect(body.departments.map((d: { code: string }) => d.code).sort()).toEqual([X, Y, Z].sort());
    expect(body.round).toMatchObject({ departments: 8, ranked: 8 });
    expect(body.summary.best).toMatchObject({ rank: 1 });
    expect(body.summary.meanScore).toBeGreaterThan(0);
  });
});
