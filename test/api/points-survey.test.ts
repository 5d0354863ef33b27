// Automatic entries: a done escalation measure scores against the responsible head's cadre record.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_RULEBOOK } from '#shared/points/rulebook.ts';
import { departmentHeads, escalationMeasures, escalations, pointsEntries, rounds } from '#server/db/schema.ts';
import { insertRulebook } from '#server/points/rules.service.ts';
import { makeTestContext } from '../support/app.ts';

const ctx = await makeTestContext();
const { db } = ctx.database;
await db.transaction((tx) => insertRulebook(tx, EXAMPLE_RULEBOOK, 'test', ctx.clock.now));
const org = await ctx.as('org');
const admin = await ctx.as('admin');
const call = async (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload: object | undefined, cookie: string) => {
  const res = await ctx.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload ? { payload } : {}) });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
};

const unit = await call(
  'POST',
  '/units',
  { code: 'u-own', nameZh: '市测试局', kind: 'department', departmentId: ctx.departmentIds.own },
  org,
);
const head = await call(
  'POST',
  '/cadres',
  { code: 'H001', name: '赵局长', unitId: unit.id, post: '局长', rank: 'researcher_3', leadership: true, since: '2020-01-01' },
  org,
);
const successor = await call(
  'POST',
  '/cadres',
  { code: 'H002', name: '钱局长', unitId: unit.id, post: '副局长', rank: 'researcher_4', leadership: true, since: '2020-01-01' },
  org,
);
// Two head tenures: 赵 until the end of 2025, then 钱. The 2025Q4 round closed under 赵.
const [h1, h2] = await db
  .insert(departmentHeads)
  .values([
    { departmentId: ctx.departmentIds.own, name: '赵局长', title: '局长', since: '2020-01-01', until: '2025-12-31' },
    { departmentId: ctx.departmentIds.own, name: '钱局长', title: '局长', since: '2026-01-01' },
  ])
  .returning();
await call('PUT', `/department-heads/${h1!.id}/cadre`, { cadreId: head.id }, org);
await call('PUT', `/department-heads/${h2!.id}/cadre`, { cadreId: successor.id }, org);
await db.insert(rounds).values({
  id: '2025Q4',
  status: 'published',
  sampleSize: 200,
  rotationExclusion: true,
  votesLimit: 3,
  minRatings: 10,
  bottomN: 3,
  escalationPolicy: '2021-v1',
  scale: {},
  opensAt: new Date('2025-12-01T00:00:00+08:00'),
  closesAt: new Date('2025-12-25T23:59:59+08:00'),
  closedAt: new Date('2025-12-25T23:59:59+08:00'),
  finalizedAt: new Date('2025-12-26T10:00:00+08:00'),
  publishedAt: new Date('2025-12-26T10:00:00+08:00'),
});
const [esc] = await db
  .insert(escalations)
  .values({
    roundId: '2025Q4',
    departmentId: ctx.departmentIds.own,
    level: 'admonishment',
    streak: 2,
    headStreak: 2,
    departmentStreak: 2,
    policyVersion: '2021-v2',
    responsibleHeadId: h1!.id,
    headName: '赵局长',
    headTitle: '局长',
  })
  .returning();
await db.insert(escalationMeasures).values([
  { escalationId: esc!.id, measure: 'pledge' },
  { escalationId: esc!.id, measure: 'admonishment' },
]);
const patch = (payload: object) => call('PATCH', `/escalations/${esc!.id}`, payload, admin);
const surveyEntries = () => db.select().from(pointsEntries).where(eq(pointsEntries.escalationId, esc!.id)).orderBy(pointsEntries.id);

describe('automatic entries from the survey', () => {
  it('a done measure scores against the head in office when the round closed, approved by rule, linking round and escalation', async () => {
    await patch({ status: 'done', doneAt: '2026-01-20' });
    const rows = await surveyEntries();
    expect(rows.map((r) => [r.measure, r.points, r.cadreId, r.status, r.roundId, r.date])).toEqual([
      ['pledge', -2, head.id, 'approved', '2025Q4', '2026-01-20'],
      ['admonishment', -5, head.id, 'approved', '2025Q4', '2026-01-20'],
    ]);
    const points = await call('GET', `/cadres/${head.id}/points?asOf=2026-02-01`, undefined, org);
    expect(points.deductions).toBe(-7);
    expect(
      points.entries.map((e: { source: string; reviewedBy: string; escalationId: number }) => [e.source, e.reviewedBy, e.escalationId]),
    ).toEqual([
      ['survey', 'rule', esc!.id],
      ['survey', 'rule', esc!.id],
    ]);
    expect((await call('GET', `/cadres/${successor.id}/points`, undefined, org)).deductions).toBe(0);
  });

  it('is idempotent under a retried PATCH', async () => {
    await patch({ status: 'done', doneAt: '2026-01-20' });
    await patch({ status: 'done', notes: '已完成诫勉谈话' });
    expect(await surveyEntries()).toHaveLength(2);
  });

  it('undoing the measure adds the reversing entries; doing it again scores once more', async () => {
    await patch({ status: 'pending' });
    let rows = await surveyEntries();
    expect(rows).toHaveLength(4);
    expect(rows.slice(2).map((r) => [r.reversesId, r.points])).toEqual([
      [rows[0]!.id, 2],
      [rows[1]!.id, 5],
    ]);
    expect((await call('GET', `/cadres/${head.id}/points`, undefined, org)).deductions).toBe(0);
    await patch({ status: 'pending' });
    expect(await surveyEntries()).toHaveLength(4);
    await patch({ status: 'done', doneAt: '2026-02-10' });
    rows = await surveyEntries();
    expect(rows).toHaveLength(6);
    expect(rows.slice(4).map((r) => [r.measure, r.occurrence, r.reversesId])).toEqual([
      ['pledge', 2, null],
      ['admonishment', 2, null],
    ]);
    expect((await call('GET', `/cadres/${head.id}/points`, undefined, org)).deductions).toBe(-7);
  });

  it('the head sees the points effect of their measures in their own unit', async () => {
    const list = await call('GET', '/points/entries?source=survey', undefined, await ctx.as('dept_head'));
    expect(list.items.length).toBe(6);
    expect((await call('GET', '/points/entries?source=survey', undefined, await ctx.as('other_head'))).items).toEqual([]);
  });

  it('each measure scores on its own: the pledge done alone is one entry; withdrawing it reverses it', async () => {
    await patch({ status: 'pending' });
    const before = (await surveyEntries()).length;
    await call('PATCH', `/escalations/${esc!.id}/measures/pledge`, { status: 'done', doneAt: '2026-03-01' }, admin);
    let rows = await surveyEntries();
    expect(rows.slice(before).map((r) => [r.measure, r.points, r.cadreId, r.date])).toEqual([['pledge', -2, head.id, '2026-03-01']]);
    await call('PATCH', `/escalations/${esc!.id}/measures/pledge`, { status: 'withdrawn' }, admin);
    rows = await surveyEntries();
    expect(rows.slice(before + 1).map((r) => [r.measure, r.points, r.reversesId])).toEqual([['pledge', 2, rows[before]!.id]]);
  });
});
