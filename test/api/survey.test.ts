import { randomBytes, randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { formatReceipt, receiptHash } from '#shared/receipt.ts';
import { ballotBox, invitations, leastSatisfiedVotes, ratings, responses } from '#server/db/schema.ts';
import { reportStates } from '#server/invitations/reported.ts';
import { moveBallots } from '#server/survey/ballot-box.ts';
import { makeTestContext } from '../support/app.ts';
import { seedRegistry } from '../support/fixtures.ts';
import { completeSubmission, invitationTokens, openRoundWithTokens } from '../support/survey.ts';

const ctx = await makeTestContext();
await seedRegistry(ctx.database.db, { enterprises: 120, departments: 5 });
const { db } = ctx.database;
const tokens = [...(await openRoundWithTokens(ctx, '2026Q1', { sampleSize: 12 })).entries()];
const view = (token: string) => ctx.app.inject({ method: 'GET', url: `/api/v1/survey/${token}` });
const submit = (token: string, payload: object) => ctx.app.inject({ method: 'POST', url: `/api/v1/survey/${token}/submit`, payload });
/** The receipt travels in the body, never in the URL. */
const checkReceipt = (receipt: string) => ctx.app.inject({ method: 'POST', url: '/api/v1/rounds/2026Q1/receipts', payload: { receipt } });
const saveDraft = (token: string, payload: object) => ctx.app.inject({ method: 'PUT', url: `/api/v1/survey/${token}/draft`, payload });
// A response is stored once it is in the ballot box or has left it for the responses table.
const stored = async () => ({
  responses: (await db.select({ n: count() }).from(responses))[0]!.n + (await db.select({ n: count() }).from(ballotBox))[0]!.n,
  ratings: (await db.select({ n: count() }).from(ratings))[0]!.n,
  votes: (await db.select({ n: count() }).from(leastSatisfiedVotes))[0]!.n,
});
const first = await view(tokens[0]![1]);
const departmentIds: number[] = first.json().departments.map((d: { id: number }) => d.id);

describe('opening a link', () => {
  it('shows the round, deadline, organiser, scale and every department', () => {
    expect(first.statusCode).toBe(200);
    const v = first.json();
    expect(v).toMatchObject({
      state: 'open',
      round: { id: '2026Q1', closedAt: null },
      votesLimit: 3,
      issuer: { organiser: { zh: '仙桃市优化营商环境工作领导小组办公室' }, helpPhone: '0728-3312345' },
      draft: null,
    });
    expect(v.departments).toHaveLength(7);
    expect(v.scale).toHaveLength(4);
    expect(first.headers['cache-control']).toBe('no-store');
  });

  it('records nothing on the GET; the page\'s POST …/opened records "opened" and nothing else', async () => {
    const invitation = async () => (await db.select().from(invitations).where(eq(invitations.uscc, tokens[0]![0])))[0]!;
    expect(await invitation()).toMatchObject({ status: 'not_opened', openedAt: null, submittedAt: null });
    const res = await ctx.app.inject({ method: 'POST', url: `/api/v1/survey/${tokens[0]![1]}/opened` });
    expect(res.statusCode).toBe(204);
    expect(await invitation()).toMatchObject({ status: 'opened', openedAt: ctx.clock.now, submittedAt: null, draft: null });
  });

  it('answers an unknown or malformed token with the same 404', async () => {
    const a = await view('A'.repeat(22));
    const b = await view('not-a-token');
    expect(a.statusCode).toBe(404);
    expect(b.statusCode).toBe(404);
    expect(a.json()).toEqual(b.json());
  });
});

describe('drafts', () => {
  it('saves a partial draft on the server and resumes it', async () => {
    const token = tokens[1]![1];
    const draft = {
      ratings: [
        { departmentId: departmentIds[0], level: 'satisfied', comment: '办事快' },
        { departmentId: departmentIds[1], level: null },
      ],
      leastSatisfied: [],
    };
    const res = await saveDraft(token, draft);
    expect(res.statusCode).toBe(200);
    const back = (await view(token)).json();
    expect(back.draft.ratings[0]).toMatchObject({ departmentId: departmentIds[0], level: 'satisfied', comment: '办事快' });
    expect(back.draftSavedAt).toBe(res.json().savedAt);
    // Sealed with a key from the token, which the database does not hold: a dump shows no answers.
    const [row] = await db.select({ draft: invitations.draft }).from(invitations).where(eq(invitations.uscc, tokens[1]![0]));
    expect(row!.draft).toMatch(/^v1\./);
    expect(row!.draft).not.toContain('办事快');
    expect(row!.draft).not.toContain('satisfied');
    expect((await saveDraft(token, { ratings: [{ departmentId: 1, level: 'great' }] })).statusCode).toBe(400);
  });
});

describe('submitting', () => {
  it.each([
    ['an incomplete response', () => ({ ...completeSubmission(departmentIds.slice(1)) }), 'incomplete'],
    ['an unknown department', () => completeSubmission([...departmentIds, 999999]), 'unknown_department'],
    ['a duplicate rating', () => completeSubmission([...departmentIds, departmentIds[0]!]), 'duplicate_rating'],
    [
      'too many votes',
      () => completeSubmission(departmentIds, () => 'dissatisfied', { leastSatisfied: departmentIds.slice(0, 4) }),
      'too_many_votes',
    ],
    [
      'a vote for a not-applicable department',
      () => completeSubmission(departmentIds, () => 'not_applicable', { leastSatisfied: [departmentIds[0]] }),
      'vote_not_allowed',
    ],
  ])('refuses %s with a 422 naming the problem, storing nothing', async (_name, body, code) => {
    const before = await stored();
    const res = await submit(tokens[2]![1], body());
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('invalid_response');
    expect(res.json().error.details.map((d: { code: string }) => d.code)).toContain(code);
    expect(await stored()).toEqual(before);
  });

  it.each([
    ['a level off the scale', { ratings: [{ departmentId: 1, level: 'great' }] }],
    ['a missing submission id', { ratings: [] }],
    ['an overlong comment', { submissionId: randomUUID(), ratings: [{ departmentId: 1, level: 'satisfied', comment: 'x'.repeat(501) }] }],
  ])('refuses %s with a 400', async (_name, body) => {
    const res = await submit(tokens[2]![1], body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
  });

  it('refuses an oversized body with a 413', async () => {
    const res = await submit(tokens[2]![1], { submissionId: randomUUID(), ratings: [], comment: 'x'.repeat(300 * 1024) });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('payload_too_large');
  });

  it("boxes one complete response; its receipt code is the page's own, and a retry answers alike", async () => {
    const token = tokens[1]![1];
    const code = formatReceipt(randomBytes(12));
    const body = completeSubmission(departmentIds, (i) => (i === 0 ? 'not_applicable' : i === 1 ? 'dissatisfied' : 'fairly_satisfied'), {
      leastSatisfied: [departmentIds[1]],
      comment: '希望审批再快一些',
      receiptHash: receiptHash(code),
    });
    body.ratings[1] = { ...body.ratings[1]!, comment: '<script>alert(1)</script>' } as (typeof body.ratings)[number];
    const before = await stored();
    const res = await submit(token, body);
    expect(res.statusCode).toBe(200);
    // The server never had the code, so it cannot send it back; the day is all it keeps.
    expect(res.json()).toEqual({ receipt: null, submittedAt: '2026-03-01' });
    expect((await stored()).responses).toBe(before.responses + 1);
    expect((await db.select().from(ballotBox)).map((b) => b.receiptHash)).toContain(receiptHash(code));
    expect((await checkReceipt(code)).json()).toEqual({ counted: true });

    const retry = await submit(token, body);
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual({ receipt: null, submittedAt: '2026-03-01' });
    expect((await stored()).responses).toBe(before.responses + 1);

    const other = await submit(token, { ...body, submissionId: randomUUID() });
    expect(other.statusCode).toBe(409);
    expect(other.json().error.code).toBe('already_submitted');

    const again = (await view(token)).json();
    expect(again).toMatchObject({ state: 'submitted', submittedAt: '2026-03-01', departments: [] });
    // Out of the box (in a transaction of its own) the ratings and the vote are there, and the receipt still counts.
    expect(await moveBallots(db, '2026Q1', 0)).toBe(1);
    expect(await stored()).toEqual({ responses: before.responses + 1, ratings: before.ratings + 7, votes: before.votes + 1 });
    const check = await checkReceipt(code.toLowerCase().replaceAll('-', ' '));
    expect(check.json()).toEqual({ counted: true });
    expect((await checkReceipt('AAAA-BBBB-CCCC')).json()).toEqual({ counted: false });
  });

  it('gives a client that sent no receipt hash a random code once, and refuses a hash already in use', async () => {
    const res = await submit(tokens[2]![1], completeSubmission(departmentIds));
    const { receipt } = res.json();
    expect(receipt).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect((await checkReceipt(receipt)).json()).toEqual({ counted: true });
    const reused = await submit(
      tokens[8]![1],
      completeSubmission(departmentIds, () => 'satisfied', { receiptHash: receiptHash(receipt) }),
    );
    expect(reused.statusCode).toBe(409);
    expect(reused.json().error.code).toBe('receipt_in_use');
    expect((await view(tokens[8]![1])).json().state).toBe('open');
  });

  it('keeps the response apart from the invitation: no link, no enterprise, no time, no attributes', async () => {
    await moveBallots(db, '2026Q1', 0);
    const [row] = await db.select().from(responses);
    expect(Object.keys(row!).sort()).toEqual(['comment', 'id', 'receiptHash', 'roundId']);
    const [inv] = await db.select().from(invitations).where(eq(invitations.status, 'submitted'));
    expect(inv!.submittedAt).toBe('2026-03-01');
    expect(inv!.draft).toBeNull();
    expect(inv!.draftSavedAt).toBeNull();
    const [naRating] = await db.select().from(ratings).where(eq(ratings.level, 'not_applicable'));
    expect(naRating!.comment).toBeNull();
    const [commented] = await db.select().from(ratings).where(eq(ratings.level, 'dissatisfied'));
    expect(commented!.comment).toBe('<script>alert(1)</script>'); // stored as plain text; escaped when shown
  });

  it('two concurrent submits with one token store exactly one response', async () => {
    const token = tokens[3]![1];
    const before = await stored();
    const results = await Promise.all([submit(token, completeSubmission(departmentIds)), submit(token, completeSubmission(departmentIds))]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect((await stored()).responses).toBe(before.responses + 1);
  });

  it('the same submission sent twice at once stores one response and answers both alike', async () => {
    const body = completeSubmission(departmentIds, () => 'satisfied', { receiptHash: receiptHash(formatReceipt(randomBytes(12))) });
    const before = await stored();
    const [a, b] = await Promise.all([submit(tokens[4]![1], body), submit(tokens[4]![1], body)]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(a.json()).toEqual(b.json());
    expect((await stored()).responses).toBe(before.responses + 1);
  });
});

describe('links that no longer work', () => {
  it("a regenerated link says revoked, a replaced enterprise's link too", async () => {
    const admin = await ctx.as('admin');
    const [usccA, oldA] = tokens[5]!;
    await ctx.app.inject({ method: 'POST', url: `/api/v1/rounds/2026Q1/invitations/${usccA}/regenerate`, headers: { cookie: admin } });
    expect((await view(oldA)).json().state).toBe('revoked');
    const fresh = (await invitationTokens(ctx, '2026Q1')).get(usccA)!;
    expect((await view(fresh)).json().state).toBe('open');
    expect((await submit(oldA, completeSubmission(departmentIds))).json().error.code).toBe('link_revoked');

    const [usccB, tokenB] = tokens[6]!;
    await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/rounds/2026Q1/invitations/${usccB}/replace`,
      headers: { cookie: admin },
      payload: { reason: '联系不上' },
    });
    expect((await view(tokenB)).json().state).toBe('revoked');
    // A submitted enterprise can no longer be replaced, once its submission is reported (as a batch of 5 or the close does).
    await db.transaction((tx) => reportStates(tx, '2026Q1', 0));
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/rounds/2026Q1/invitations/${tokens[1]![0]}/replace`,
      headers: { cookie: admin },
      payload: { reason: 'x y' },
    });
    expect(res.json().error.code).toBe('already_submitted');
  });

  it('shows progress and the non-responders to admins', async () => {
    const admin = await ctx.as('admin');
    const p = (await ctx.app.inject({ method: 'GET', url: '/api/v1/rounds/2026Q1/progress', headers: { cookie: admin } })).json();
    expect(p).toMatchObject({ invited: 12, submitted: 4, replaced: 1, groups: 'all' });
    expect(p.opened).toBeGreaterThanOrEqual(4);
    expect(p.responseRate).toBeCloseTo(4 / 12);
    expect(p.byTownship.reduce((a: number, g: { invited: number }) => a + g.invited, 0)).toBe(12);
    const non = (await ctx.app.inject({ method: 'GET', url: '/api/v1/rounds/2026Q1/non-responders', headers: { cookie: admin } })).json();
    expect(non).toHaveLength(8);
    expect(non[0]).toHaveProperty('contactPhone');
    expect(
      (await ctx.app.inject({ method: 'GET', url: '/api/v1/rounds/2026Q1/progress', headers: { cookie: await ctx.as('dept_head') } }))
        .statusCode,
    ).toBe(403);
  });

  it('a closed round refuses links; a round not yet open says so', async () => {
    const admin = await ctx.as('admin');
    await ctx.app.inject({ method: 'POST', url: '/api/v1/rounds/2026Q1/close', headers: { cookie: admin } });
    const closed = (await view(tokens[7]![1])).json();
    expect(closed).toMatchObject({ state: 'closed', departments: [] });
    // Closed early: the link says when it really closed, not the planned deadline still ahead.
    expect(closed.round.closedAt).toBe(ctx.clock.now.toISOString());
    expect(Date.parse(closed.round.closedAt)).toBeLessThan(Date.parse(closed.round.closesAt));
    const res = await submit(tokens[7]![1], completeSubmission(departmentIds));
    expect(res.statusCode).toBe(410);
    expect(res.json().error.code).toBe('survey_closed');
    expect((await saveDraft(tokens[7]![1], { ratings: [] })).statusCode).toBe(410);

    for (const step of ['rounds', 'rounds/2026Q2/freeze', 'rounds/2026Q2/draw']) {
      await ctx.app.inject({
        method: 'POST',
        url: `/api/v1/${step}`,
        headers: { cookie: admin },
        payload:
          step === 'rounds'
            ? { id: '2026Q2', sampleSize: 5, opensAt: '2026-06-01T00:00:00Z', closesAt: '2026-06-30T00:00:00Z', rotationExclusion: false }
            : {},
      });
    }
    const q2 = [...(await invitationTokens(ctx, '2026Q2')).values()][0]!;
    expect((await view(q2)).json().state).toBe('not_open');
  });
});
