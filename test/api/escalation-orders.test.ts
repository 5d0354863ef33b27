// Escalation through the API in the orders real events happen: a quarter published late, a head changed
// within a streak, a measure already done, a re-run after a later quarter, an appointment made ahead.
import { describe, expect, it } from 'vitest';
import { makeTestContext } from '../support/app.ts';
import { seedRegistry } from '../support/fixtures.ts';
import { runQuarter } from '../support/rounds.ts';
import type { Level } from '../support/survey.ts';

const ctx = await makeTestContext();
const { departments } = await seedRegistry(ctx.database.db, { enterprises: 150, departments: 5 });
const admin = await ctx.as('admin');
const call = async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  ctx.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: admin }, ...(payload ? { payload } : {}) });
const [A, B, C, D, E] = departments.map((d) => d.code) as [string, string, string, string, string];
const idOf = (code: string) => departments.find((d) => d.code === code)!.id;
const bottom =
  (...bad: string[]) =>
  (code: string, i: number): Level =>
    bad.includes(code) ? 'dissatisfied' : i % 5 === 0 ? 'not_applicable' : 'satisfied';

type Rec = {
  id: number;
  roundId: string;
  departmentCode: string;
  measures: string[];
  level: string;
  headStreak: number;
  departmentStreak: number;
  headName: string | null;
  responsibleHeadId: number | null;
  needsReview: boolean;
  supersededReason: { code: string; roundId: string; note: string | null } | null;
  supersededById: number | null;
  status: string;
  measureStates: { measure: string; status: string; doneAt: string | null }[];
};
const board = async () =>
  (await call('GET', '/escalations')).json() as {
    records: Rec[];
    superseded: Rec[];
    departments: { code: string; headStreak: number; departmentStreak: number; measures: string[]; level: string | null }[];
  };
const record = async (roundId: string, code: string) =>
  (await board()).records.find((r) => r.roundId === roundId && r.departmentCode === code)!;
/** "round code head/dept measures" for the current records, sorted. */
const story = (records: Rec[]) =>
  records.map((r) => `${r.roundId} ${r.departmentCode} ${r.headStreak}/${r.departmentStreak} ${r.measures.join('+')}`).sort();
const auditOf = async (entityId: number) =>
  (await call('GET', `/audit?entityType=escalation&entityId=${entityId}`)).json().items as {
    action: string;
    summary: Record<string, unknown>;
  }[];

describe('escalation in any order of events', () => {
  it('in order: every flagged quarter brings the pledge; the second adds admonishment', async () => {
    await runQuarter(ctx, '2027Q1', bottom(A, B, C));
    // 2027Q2 is computed but its publication is held back; 2027Q3 is published first.
    await runQuarter(ctx, '2027Q2', bottom(A, B, D), { publish: false });
    // B's new head takes office within 2027Q3 (before it closes on 2027-08-01).
    expect((await call('POST', `/departments/${idOf(B)}/head`, { name: '乙新局长', title: '局长', since: '2027-07-15' })).statusCode).toBe(
      200,
    );
    await runQuarter(ctx, '2027Q3', bottom(A, B, E));
    const b = await board();
    expect(story(b.records)).toEqual(
      [
        `2027Q1 ${A} 1/1 pledge`,
        `2027Q1 ${B} 1/1 pledge`,
        `2027Q1 ${C} 1/1 pledge`,
        // With 2027Q2 unpublished, 2027Q1 and 2027Q3 are consecutive evaluations.
        `2027Q3 ${A} 2/2 pledge+admonishment`,
        `2027Q3 ${B} 1/2 pledge`,
        `2027Q3 ${E} 1/1 pledge`,
      ].sort(),
    );
    const bq3 = b.records.find((r) => r.roundId === '2027Q3' && r.departmentCode === B)!;
    expect(bq3).toMatchObject({ headName: '乙新局长', level: 'pledge', status: 'pending' });
    expect(bq3.measureStates).toEqual([expect.objectContaining({ measure: 'pledge', status: 'pending', doneAt: null })]);
    expect(b.departments.find((d) => d.code === B)).toMatchObject({
      headStreak: 1,
      departmentStreak: 2,
      measures: ['pledge'],
      level: 'pledge',
    });
  });

  it('each measure is followed up on its own; the record is done when all are', async () => {
    const a = await record('2027Q3', A);
    ctx.clock.now = new Date('2027-08-20T17:30:00Z'); // 01:30 on 21 August in the city
    const pledge = await call('PATCH', `/escalations/${a.id}/measures/pledge`, { status: 'done', notes: '已在大会上表态发言' });
    expect(pledge.statusCode).toBe(200);
    expect(pledge.json()).toMatchObject({ status: 'pending', doneAt: null });
    expect(pledge.json().measureStates).toEqual([
      expect.objectContaining({ measure: 'pledge', status: 'done', doneAt: '2027-08-21', notes: '已在大会上表态发言' }),
      expect.objectContaining({ measure: 'admonishment', status: 'pending', doneAt: null }),
    ]);
    expect((await call('PATCH', `/escalations/${a.id}/measures/reassignment`, { status: 'done' })).statusCode).toBe(404);
    expect((await call('PATCH', `/escalations/${a.id}/measures/admonishment`, { status: 'scheduled' })).statusCode).toBe(422);
    expect((await call('PATCH', `/escalations/${a.id}/measures/admonishment`, { status: 'on_hold' })).statusCode).toBe(400);
    const leader = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/v1/escalations/${a.id}/measures/admonishment`,
      headers: { cookie: await ctx.as('leader') },
      payload: { status: 'done' },
    });
    expect(leader.statusCode).toBe(403);
    expect((await auditOf(a.id))[0]).toMatchObject({
      action: 'escalation.measure.update',
      summary: { measure: 'pledge', after: { status: 'done', doneAt: '2027-08-21' } },
    });
    // Scheduling the whole record leaves a done measure done.
    const scheduled = (await call('PATCH', `/escalations/${a.id}`, { status: 'scheduled', scheduledFor: '2027-08-30' })).json();
    expect(scheduled.measureStates.map((m: { status: string; scheduledFor: string | null }) => [m.status, m.scheduledFor])).toEqual([
      ['done', null],
      ['scheduled', '2027-08-30'],
    ]);
    const both = (await call('PATCH', `/escalations/${a.id}/measures/admonishment`, { status: 'done', doneAt: '2027-08-25' })).json();
    expect(both).toMatchObject({ status: 'done', doneAt: '2027-08-25' });
    // Reopening a measure reopens the record; the pledge stays done.
    const reopened = (await call('PATCH', `/escalations/${a.id}/measures/admonishment`, { status: 'pending' })).json();
    expect(reopened).toMatchObject({ status: 'pending', doneAt: null });
    expect(reopened.measureStates.map((m: { status: string }) => m.status)).toEqual(['done', 'pending']);
  });

  it('a quarter published late creates its records and re-derives the later quarter as audited revisions', async () => {
    const before = await board();
    const bq3 = before.records.find((r) => r.roundId === '2027Q3' && r.departmentCode === B)!;
    const aq3 = before.records.find((r) => r.roundId === '2027Q3' && r.departmentCode === A)!;
    ctx.clock.now = new Date('2027-09-01T02:00:00Z');
    expect((await call('POST', '/rounds/2027Q2/publish')).statusCode).toBe(200);
    const after = await board();
    expect(story(after.records)).toEqual(
      [
        `2027Q1 ${A} 1/1 pledge`,
        `2027Q1 ${B} 1/1 pledge`,
        `2027Q1 ${C} 1/1 pledge`,
        `2027Q2 ${A} 2/2 pledge+admonishment`,
        `2027Q2 ${B} 2/2 pledge+admonishment`,
        `2027Q2 ${D} 1/1 pledge`,
        // A's 2027Q3 record has a measure done: it is flagged for the admin and stays as it was.
        `2027Q3 ${A} 2/2 pledge+admonishment`,
        // B's 2027Q3 record is replaced: still the new head's first, now the department's third.
        `2027Q3 ${B} 1/3 pledge`,
        `2027Q3 ${E} 1/1 pledge`,
      ].sort(),
    );
    const newB = after.records.find((r) => r.roundId === '2027Q3' && r.departmentCode === B)!;
    expect(newB.id).not.toBe(bq3.id);
    const oldB = after.superseded.find((r) => r.id === bq3.id)!;
    // Why, as a code the page words: 2027Q2 was published after 2027Q3.
    expect(oldB).toMatchObject({
      supersededById: newB.id,
      departmentStreak: 2,
      supersededReason: { code: 'published_late', roundId: '2027Q2', note: null },
    });
    expect((await auditOf(bq3.id))[0]).toMatchObject({
      action: 'escalation.revise',
      summary: {
        roundId: '2027Q3',
        supersededBy: newB.id,
        before: { departmentStreak: 2, headStreak: 1 },
        after: { departmentStreak: 3, headStreak: 1, measures: ['pledge'] },
        reason: 'published_late',
        cause: { kind: 'publish', roundId: '2027Q2' },
      },
    });
    const a = after.records.find((r) => r.id === aq3.id)!;
    expect(a).toMatchObject({
      needsReview: true,
      reviewNote: {
        reason: { code: 'published_late', roundId: '2027Q2' },
        rule: { measures: ['pledge', 'reassignment'], headStreak: 3 },
      },
      measures: ['pledge', 'admonishment'],
    });
    expect(a.measureStates[0]).toMatchObject({ measure: 'pledge', status: 'done' });
    expect((await auditOf(aq3.id))[0]).toMatchObject({
      action: 'escalation.flag_review',
      summary: { derived: { headStreak: 3, measures: ['pledge', 'reassignment'] } },
    });
    // The publication's own audit entry lists what it created and what it revised.
    const publish = (await call('GET', '/audit?entityType=round&entityId=2027Q2')).json().items[0];
    expect(publish).toMatchObject({
      action: 'round.publish',
      summary: {
        revisions: { superseded: [expect.objectContaining({ id: bq3.id, code: B })], flagged: [expect.objectContaining({ id: aq3.id })] },
      },
    });
    // The superseded record cannot be followed up any more; the admin clears the review flag.
    expect((await call('PATCH', `/escalations/${bq3.id}`, { notes: 'x' })).json().error.code).toBe('superseded');
    expect((await call('PATCH', `/escalations/${aq3.id}`, { needsReview: false })).json()).toMatchObject({
      needsReview: false,
      reviewNote: null,
    });
  });

  it('the department history shows both streaks and every measure in quarter order', async () => {
    const h = (await call('GET', `/departments/${idOf(B)}/history`)).json();
    expect(
      h.rounds.map(
        (r: { roundId: string; headStreak: number; departmentStreak: number; measures: string[] }) =>
          `${r.roundId} ${r.headStreak}/${r.departmentStreak} ${r.measures.join('+')}`,
      ),
    ).toEqual(['2027Q1 1/1 pledge', '2027Q2 2/2 pledge+admonishment', '2027Q3 1/3 pledge']);
  });

  it('a re-run published after a later quarter belongs to its own quarter; an appointment made ahead does not reach back', async () => {
    const q4 = await call('POST', '/rounds', {
      id: '2027Q4',
      sampleSize: 12,
      minRatings: 3,
      opensAt: '2027-10-01T00:00:00Z',
      closesAt: '2027-11-01T00:00:00Z',
    });
    expect(q4.statusCode).toBe(201);
    expect((await call('POST', '/rounds/2027Q4/void', { reason: '抽签程序有误' })).statusCode).toBe(200);
    // E's next head is appointed now, to take office on 1 March 2028: after 2028Q1 and the re-run close.
    expect((await call('POST', `/departments/${idOf(E)}/head`, { name: '戊新局长', title: '局长', since: '2028-03-01' })).statusCode).toBe(
      200,
    );
    await runQuarter(ctx, '2028Q1', bottom(C, D, E));
    // The voided 2027Q4 is not an evaluation: E's 2027Q3 and 2028Q1 are consecutive.
    const e1 = await record('2028Q1', E);
    expect(e1).toMatchObject({ headStreak: 2, departmentStreak: 2, measures: ['pledge', 'admonishment'] });
    expect(e1.headName).not.toBe('戊新局长');
    await runQuarter(ctx, '2027Q4R2', bottom(C, D, E), {
      dates: { opensAt: new Date('2028-02-03T00:00:00Z'), closesAt: new Date('2028-02-10T00:00:00Z') },
    });
    const b = await board();
    expect(story(b.records.filter((r) => r.roundId >= '2027Q4'))).toEqual(
      [
        `2027Q4R2 ${C} 1/1 pledge`,
        `2027Q4R2 ${D} 1/1 pledge`,
        `2027Q4R2 ${E} 2/2 pledge+admonishment`,
        `2028Q1 ${C} 2/2 pledge+admonishment`,
        `2028Q1 ${D} 2/2 pledge+admonishment`,
        `2028Q1 ${E} 3/3 pledge+reassignment`,
      ].sort(),
    );
    const e = b.records.find((r) => r.roundId === '2028Q1' && r.departmentCode === E)!;
    expect(e).toMatchObject({ level: 'reassignment', headName: e1.headName, responsibleHeadId: e1.responsibleHeadId });
    expect(b.superseded.find((r) => r.id === e1.id)).toMatchObject({
      supersededById: e.id,
      supersededReason: { code: 'published_late', roundId: '2027Q4R2', note: null },
    });
  });

  it('a correction of an earlier round re-derives later quarters the same way (audited)', async () => {
    const res = await call('POST', '/rounds/2027Q1/results/correct', { reason: '核查后重新计算' });
    expect(res.statusCode).toBe(200);
    const audit = (await call('GET', '/audit?entityType=round&entityId=2027Q1')).json().items[0];
    expect(audit).toMatchObject({
      action: 'results.correct',
      summary: { reason: '核查后重新计算', escalations: { created: [], superseded: [], withdrawn: [] } },
    });
  });
});
