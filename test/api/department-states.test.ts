// One state per department and quarter (GET /department-states): the same facts the escalation board,
// the rectification cases and the appeals hold, decided in one place, for every page to show.
import { describe, expect, it } from 'vitest';
import { makeTestContext } from '../support/app.ts';
import { seedRegistry } from '../support/fixtures.ts';
import { runQuarter } from '../support/rounds.ts';
import type { Level } from '../support/survey.ts';
import type { DepartmentStateView } from '#shared/schemas/results.ts';

const ctx = await makeTestContext();
await seedRegistry(ctx.database.db, { enterprises: 120, departments: 5 });
const admin = await ctx.as('admin');
const leader = await ctx.as('leader');
const head = await ctx.as('dept_head'); // owndept
const otherHead = await ctx.as('other_head'); // otherdept
const call = (method: 'GET' | 'POST' | 'PATCH', url: string, cookie: string, payload?: object) =>
  ctx.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload ? { payload } : {}) });
const states = async (query: string, cookie = admin) => {
  const res = await call('GET', `/department-states${query}`, cookie);
  expect(res.statusCode).toBe(200);
  return res.json() as { today: string; states: DepartmentStateView[] };
};

// owndept is rated 不满意 by everyone: last, flagged, a measure and a rectification case; otherdept
// 满意 by everyone: first, nothing to do.
const level = (code: string, i: number): Level =>
  code === 'owndept' ? 'dissatisfied' : code === 'otherdept' ? 'satisfied' : i % 3 === 0 ? 'fairly_satisfied' : 'satisfied';
const published = await runQuarter(ctx, '2026Q1', level, { sampleSize: 20 });
const rankedCount = published.departments.filter((d: { rank: number | null }) => d.rank !== null).length;

describe('department states', () => {
  it('a flagged department: its rank from the bottom, its measure 待安排, its open case with the deadline, and what happens next', async () => {
    const { today, states: list } = await states('?roundId=2026Q1');
    const own = list.find((s) => s.departmentCode === 'owndept')!;
    const [c] = (await call('GET', '/rectification/cases?roundId=2026Q1', admin))
      .json()
      .filter((x: { departmentCode: string }) => x.departmentCode === 'owndept');
    expect(own).toMatchObject({
      roundId: '2026Q1',
      rank: rankedCount,
      rankedCount,
      fromBottom: 1,
      flagged: true,
      open: true,
      appeal: null,
      measures: [{ measure: 'pledge', status: 'pending', date: null }],
      rectification: { id: c.id, status: 'open', deadline: c.deadline, overdue: false },
    });
    expect(own.next).toEqual([
      { kind: 'rectification', caseId: c.id, status: 'open', due: c.deadline, overdue: false },
      { kind: 'measure', measure: 'pledge', status: 'pending', due: null, overdue: false },
    ]);
    expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // by default only quarters with something decided: every listed one is flagged or recorded
    expect(list.every((s) => s.flagged || s.measures.length > 0)).toBe(true);
  });

  it('follows the board: a scheduled measure carries its day, and both read the same', async () => {
    const board = (await call('GET', '/escalations', admin)).json();
    const record = board.records.find((r: { departmentCode: string }) => r.departmentCode === 'owndept');
    expect(
      (await call('PATCH', `/escalations/${record.id}/measures/pledge`, admin, { status: 'scheduled', scheduledFor: '2026-03-20' }))
        .statusCode,
    ).toBe(200);
    const own = (await states('?roundId=2026Q1', leader)).states.find((s) => s.departmentCode === 'owndept')!;
    expect(own.measures).toEqual([{ measure: 'pledge', status: 'scheduled', date: '2026-03-20' }]);
    const after = (await call('GET', '/escalations', leader)).json().records.find((r: { id: number }) => r.id === record.id);
    expect(after.measureStates.map((m: { status: string; scheduledFor: string }) => [m.status, m.scheduledFor])).toEqual([
      ['scheduled', '2026-03-20'],
    ]);
  });

  it("the case overdue once its deadline passes (the city's day)", async () => {
    const before = (await states('?roundId=2026Q1')).states.find((s) => s.departmentCode === 'owndept')!;
    const saved = ctx.clock.now;
    ctx.clock.now = new Date(Date.parse(`${before.rectification!.deadline}T12:00:00+08:00`) + 86_400_000);
    const own = (await states('?roundId=2026Q1')).states.find((s) => s.departmentCode === 'owndept')!;
    expect(own.rectification).toMatchObject({ overdue: true });
    expect(own.next[0]).toMatchObject({ kind: 'rectification', overdue: true });
    ctx.clock.now = saved;
  });

  it('a head reads their own department only; all=true lists every quarter with a rank', async () => {
    const mine = await states('?all=true', head);
    expect(mine.states.map((s) => s.departmentCode)).toEqual(['owndept']);
    expect((await call('GET', '/department-states?departmentId=999', head)).statusCode).toBe(403);
    const other = await states('?all=true', otherHead);
    expect(other.states).toHaveLength(1);
    expect(other.states[0]).toMatchObject({
      departmentCode: 'otherdept',
      rank: 1,
      flagged: false,
      open: false,
      next: [],
      measures: [],
      rectification: null,
    });
    expect((await states('')).states.some((s) => s.departmentCode === 'otherdept')).toBe(false);
  });

  it('a pending appeal holds the measures: 申诉中暂缓, the decision is what comes next', async () => {
    expect(
      (await call('POST', '/appeals', head, { roundId: '2026Q1', reasons: '答卷集中在同一天，疑似代填，申请复核', evidence: ['情况说明'] }))
        .statusCode,
    ).toBe(201);
    const own = (await states('?departmentId=' + published.departments.find((d: { code: string }) => d.code === 'owndept').departmentId))
      .states[0]!;
    expect(own).toMatchObject({ appeal: { status: 'pending' }, measures: [{ measure: 'pledge', status: 'on_hold' }] });
    expect(own.next[0]).toEqual({ kind: 'appeal', due: null, overdue: false });
  });
});
