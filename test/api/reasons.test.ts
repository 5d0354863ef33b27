// Reasons for 不满意 (issue 27): offered by the round's rules, refused in words when wrong, stored only
// through the ballot box, readable only once the close is final, counts under 3 hidden; the flagged
// department's plan answers its top reasons. On PGlite and, with DATABASE_URL, on PostgreSQL.
import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { DEFAULT_REASONS } from '#shared/reasons.ts';
import { ballotBox, ratingReasons } from '#server/db/schema.ts';
import { ballotMoverTick } from '#server/survey/ballot-mover.ts';
import { makeTestContext } from '../support/app.ts';
import { seedRegistry } from '../support/fixtures.ts';
import { runQuarter } from '../support/rounds.ts';
import { completeSubmission, openRoundWithTokens, type Level } from '../support/survey.ts';

const ctx = await makeTestContext({ ballotMoveEveryMs: 0 });
const { db } = ctx.database;
const { departments } = await seedRegistry(db, { enterprises: 200, departments: 3 });
const [A, B] = departments.map((d) => d.code) as [string, string];
type Method = 'GET' | 'POST' | 'PUT';
const call = async (method: Method, url: string, payload?: object, role?: Parameters<typeof ctx.as>[0]) =>
  ctx.app.inject({
    method,
    url: `/api/v1${url}`,
    ...(payload ? { payload } : {}),
    ...(role ? { headers: { cookie: await ctx.as(role) } } : {}),
  });
const stored = async (roundId: string) =>
  Number((await db.select({ n: count() }).from(ratingReasons).where(eq(ratingReasons.roundId, roundId)))[0]!.n);

// owndept, A and B are the bottom three. owndept's 不满意 come with reasons: repeat_trips from every such
// firm, slow from every second, poor_attitude from exactly two (hidden), improper_fees from none.
const level = (code: string, i: number): Level =>
  code === 'owndept' || code === A || code === B ? (i % 3 === 0 ? 'basically_satisfied' : 'dissatisfied') : 'satisfied';
let dissatisfiedFirms = 0;
const results = await runQuarter(ctx, '2025Q1', level, {
  sampleSize: 20,
  reasons: (code, i) => {
    if (code !== 'owndept') return code === A ? ['other'] : [];
    dissatisfiedFirms++;
    return ['repeat_trips', ...(i % 2 ? ['slow'] : []), ...(i === 1 || i === 2 ? ['poor_attitude'] : [])];
  },
});
const slowFirms = [...Array(20).keys()].filter((i) => i % 3 !== 0 && i % 2 === 1).length;
type ResultsBody = { departments: { departmentId: number; code: string; reasons: { code: string; count: number | null }[] | null }[] };
const deptOf = (body: ResultsBody, code: string) => body.departments.find((d) => d.code === code)!;

// The open round of this quarter, after the published one.
ctx.clock.now = new Date('2026-03-01T08:00:00.000Z');
const ROUND = '2026Q1';
const tokens = [...(await openRoundWithTokens(ctx, ROUND, { sampleSize: 20 })).values()];
const view = (await call('GET', `/survey/${tokens[0]}`)).json();
const ids: number[] = view.departments.map((d: { id: number }) => d.id);
const own = ids.indexOf(ctx.departmentIds.own);
const submit = (token: string, reasons: string[] | undefined, rating: Level = 'dissatisfied') => {
  const body = completeSubmission(ids, () => 'satisfied');
  body.ratings[own] = { departmentId: ctx.departmentIds.own, level: rating, ...(reasons ? { reasons } : {}) };
  return call('POST', `/survey/${token}/submit`, body);
};

describe('while a round is open', () => {
  it("the survey lists the round's reasons, each with its code and both wordings", () => {
    expect(view.reasons).toEqual(DEFAULT_REASONS.map((r) => ({ code: r.code, label: { zh: r.labelZh, en: r.labelEn } })));
    expect(view.reasons.map((r: { label: { zh: string } }) => r.label.zh)).toEqual([
      '办事效率低',
      '多次跑动',
      '材料要求不明',
      '政策落实不到位',
      '服务态度差',
      '乱收费或吃拿卡要',
      '其他',
    ]);
  });

  it('refuses reasons without 不满意, more than three, and codes the round does not offer, each by its code; nothing is stored', async () => {
    const cases: [string[], Level, string][] = [
      [['slow'], 'basically_satisfied', 'reasons_need_dissatisfied'],
      [['slow', 'repeat_trips', 'other', 'poor_attitude'], 'dissatisfied', 'too_many_reasons'],
      [['slow', 'bribery'], 'dissatisfied', 'unknown_reason'],
    ];
    for (const [reasons, level, code] of cases) {
      const res = await submit(tokens[1]!, reasons, level);
      expect(res.statusCode, code).toBe(422);
      expect(res.json().error.code).toBe('invalid_response');
      expect(res.json().error.details.map((p: { code: string }) => p.code)).toEqual([code]);
      expect(res.json().error.details[0].departmentIds).toEqual([ctx.departmentIds.own]);
    }
    expect(await db.select().from(ballotBox)).toEqual([]);
    expect((await submit(tokens[1]!, ['repeat_trips'])).statusCode).toBe(200); // the link still works
  });

  it('keeps reasons in the sealed draft and gives them back to the link', async () => {
    const draft = {
      ratings: [{ departmentId: ctx.departmentIds.own, level: 'dissatisfied', reasons: ['poor_attitude', 'slow'] }],
      leastSatisfied: [],
    };
    expect((await call('PUT', `/survey/${tokens[2]}/draft`, draft)).statusCode).toBe(200);
    expect((await call('GET', `/survey/${tokens[2]}`)).json().draft.ratings).toEqual(draft.ratings);
  });

  it('stores reasons only through the ballot box: none in the answer tables until a batch of 5 leaves it', async () => {
    for (const token of tokens.slice(2, 5)) expect((await submit(token, ['slow', 'repeat_trips'])).statusCode).toBe(200);
    expect(await db.select({ n: count() }).from(ballotBox).where(eq(ballotBox.roundId, ROUND))).toEqual([{ n: 4 }]);
    expect(await stored(ROUND)).toBe(0);
    await ballotMoverTick(db, ctx.clock.now);
    expect(await stored(ROUND)).toBe(0); // 4 wait: fewer than a batch
    expect((await submit(tokens[5]!, ['slow'])).statusCode).toBe(200);
    await ballotMoverTick(db, ctx.clock.now);
    expect(await stored(ROUND)).toBe(1 + 3 * 2 + 1);
  });

  it('lets nobody read results (so no reasons) until the close is final', async () => {
    for (const role of ['admin', 'leader', 'supervisor', 'dept_head'] as const) {
      const res = await call('GET', `/rounds/${ROUND}/results`, undefined, role);
      expect(res.statusCode, role).toBe(409);
      expect(res.json().error.code).toBe('round_not_closed');
    }
    expect((await call('POST', `/rounds/${ROUND}/close`, {}, 'admin')).statusCode).toBe(200);
    expect((await call('GET', `/rounds/${ROUND}/results`, undefined, 'admin')).json().error.code).toBe('not_computed');
    const computed = (await call('POST', `/rounds/${ROUND}/compute`, {}, 'admin')).json();
    const mine = computed.departments.find((d: { departmentId: number }) => d.departmentId === ctx.departmentIds.own);
    // slow 4, repeat_trips 4: shown; the rest (0 or fewer than 3) hidden alike.
    expect(mine.reasons.slice(0, 2)).toEqual([
      { code: 'slow', count: 4 },
      { code: 'repeat_trips', count: 4 },
    ]);
    expect(mine.reasons.slice(2).every((r: { count: number | null }) => r.count === null)).toBe(true);
  });
});

describe('after a quarter is published', () => {
  it("shows each department's reasons, most chosen first, counts under 3 as null, to the admin, leaders and the supervisor", async () => {
    expect(dissatisfiedFirms).toBe(13);
    const expected = [
      { code: 'repeat_trips', count: 13 },
      { code: 'slow', count: slowFirms },
      { code: 'unclear_requirements', count: null },
      { code: 'policy_not_implemented', count: null },
      { code: 'poor_attitude', count: null },
      { code: 'improper_fees', count: null },
      { code: 'other', count: null },
    ];
    expect(deptOf(results, 'owndept').reasons).toEqual(expected);
    for (const role of ['leader', 'supervisor'] as const) {
      const body = (await call('GET', '/rounds/2025Q1/results', undefined, role)).json();
      expect(deptOf(body, 'owndept').reasons, role).toEqual(expected);
      expect(deptOf(body, A).reasons?.[0], role).toEqual({ code: 'other', count: 13 });
      expect(body.rules.reasons.map((r: { code: string }) => r.code)).toHaveLength(7);
    }
  });

  it("shows a head its own department's reasons and no other's", async () => {
    const body = (await call('GET', '/rounds/2025Q1/results', undefined, 'dept_head')).json();
    expect(deptOf(body, 'owndept').reasons?.[0]).toEqual({ code: 'repeat_trips', count: 13 });
    expect(deptOf(body, A).reasons).toBeNull();
    expect(deptOf(body, B).reasons).toBeNull();
  });

  it('shows the public the flagged departments’ reasons, suppressed alike, and nothing of an unpublished round', async () => {
    const body = (await call('GET', '/public/rounds/2025Q1')).json();
    expect(body.method.reasons.map((r: { code: string }) => r.code)).toEqual(DEFAULT_REASONS.map((r) => r.code));
    expect(body.method.officialRanking).toBe('unweighted');
    const flagged = body.flagged.map((d: { code: string }) => d.code).sort();
    expect(flagged).toEqual(['owndept', A, B].sort());
    for (const d of body.flagged as { code: string; reasons: unknown }[])
      expect(d.reasons, d.code).toEqual(deptOf(results, d.code).reasons);
    // No count of 1 or 2 anywhere, and nothing about reasons outside the flagged departments.
    const counts = (body.flagged as { reasons: { count: number | null }[] }[]).flatMap((d) => d.reasons.map((r) => r.count));
    expect(counts.every((n) => n === null || n >= 3)).toBe(true);
    for (const d of body.departments as object[]) expect(d).not.toHaveProperty('reasons');
    // The quarter computed but not published: the public reads nothing of it.
    expect((await call('GET', `/public/rounds/${ROUND}`)).statusCode).toBe(404);
  });

  it("asks the flagged department's plan to answer each top reason, and keeps the reason on each measure", async () => {
    const cases = (await call('GET', '/rectification/cases', undefined, 'dept_head')).json();
    const id = cases.find((c: { roundId: string }) => c.roundId === '2025Q1').id;
    const detail = (await call('GET', `/rectification/cases/${id}`, undefined, 'dept_head')).json();
    expect(detail.topReasons).toEqual([
      { code: 'repeat_trips', count: 13, labelZh: '多次跑动', labelEn: 'Several trips for one matter' },
      { code: 'slow', count: slowFirms, labelZh: '办事效率低', labelEn: 'Slow to get things done' },
    ]);
    const base = { problems: '企业反映多次跑动、办事慢', commitment: '本人承诺限期整改。' };
    const measure = (reason?: string) => ({
      measure: `针对${reason ?? '总体'}的措施`,
      owner: '办公室',
      due: '2025-05-30',
      ...(reason ? { reason } : {}),
    });
    const put = (measures: object[]) => call('PUT', `/rectification/cases/${id}/plan`, { ...base, measures }, 'dept_head');
    const missing = await put([measure('repeat_trips'), measure()]);
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error).toMatchObject({ code: 'reasons_unanswered', details: { reasons: ['slow'] } });
    const stray = await put([measure('repeat_trips'), measure('slow'), measure('improper_fees')]);
    expect(stray.json().error).toMatchObject({ code: 'reason_not_top', details: { reasons: ['improper_fees'] } });
    const saved = await put([measure('slow'), measure('repeat_trips'), measure()]);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().plan.measures.map((m: { reason?: string }) => m.reason ?? null)).toEqual(['slow', 'repeat_trips', null]);
    const audit = (await call('GET', '/audit?action=rectification.plan', undefined, 'admin')).json();
    const entry = audit.items.find((e: { action: string }) => e.action === 'rectification.plan');
    expect(entry.summary.reasons).toEqual(['slow', 'repeat_trips']);
  });

  it('a round may offer its own list: the survey shows it and refuses a reason left out of it', async () => {
    const reasons = DEFAULT_REASONS.filter((r) => r.code !== 'improper_fees');
    const tokens = [
      ...(
        await openRoundWithTokens(ctx, '2026Q3', {
          sampleSize: 5,
          reasons,
          opensAt: '2026-02-01T00:00:00+08:00',
          closesAt: '2026-06-30T00:00:00+08:00',
        })
      ).values(),
    ];
    const view = (await call('GET', `/survey/${tokens[0]}`)).json();
    expect(view.reasons.map((r: { code: string }) => r.code)).toEqual(reasons.map((r) => r.code));
    const body = completeSubmission(
      view.departments.map((d: { id: number }) => d.id),
      () => 'dissatisfied',
    );
    body.ratings[0]!.reasons = ['improper_fees'];
    const res = await call('POST', `/survey/${tokens[0]}/submit`, { ...body, submissionId: randomUUID() });
    expect(res.json().error.details.map((p: { code: string }) => p.code)).toEqual(['unknown_reason']);
    const bad = await call(
      'POST',
      '/rounds',
      {
        id: '2026Q4',
        sampleSize: 5,
        opensAt: '2026-10-01T00:00:00+08:00',
        closesAt: '2026-10-30T00:00:00+08:00',
        reasons: [{ code: 'bribery', labelZh: '贿赂', labelEn: 'Bribery' }],
      },
      'admin',
    );
    expect(bad.statusCode).toBe(400);
  });
});
