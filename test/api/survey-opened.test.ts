// "Opened" is recorded by the page's POST …/opened once the questions are on screen, never by the GET
// (which chat apps prefetch); a draft or a submission implies it. States only move forward, and admins
// still see them only in batches (reported_status).
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { invitations } from '#server/db/schema.ts';
import { makeTestContext } from '../support/app.ts';
import { seedRegistry } from '../support/fixtures.ts';
import { completeSubmission, invitationTokens, openRoundWithTokens } from '../support/survey.ts';

const ctx = await makeTestContext();
const { db } = ctx.database;
await seedRegistry(db, { enterprises: 120, departments: 5 });
const tokens = [...(await openRoundWithTokens(ctx, '2026Q1', { sampleSize: 10 })).entries()];
const view = (token: string) => ctx.app.inject({ method: 'GET', url: `/api/v1/survey/${token}` });
const opened = (token: string, remoteAddress = '127.0.0.1') =>
  ctx.app.inject({ method: 'POST', url: `/api/v1/survey/${encodeURIComponent(token)}/opened`, remoteAddress });
const invitation = async (uscc: string) => (await db.select().from(invitations).where(eq(invitations.uscc, uscc)))[0]!;
const departmentIds: number[] = (await view(tokens[9]![1])).json().departments.map((d: { id: number }) => d.id);
const admin = await ctx.as('admin');
const adminList = async () =>
  (await ctx.app.inject({ method: 'GET', url: '/api/v1/rounds/2026Q1/invitations', headers: { cookie: admin } })).json() as {
    uscc: string;
    status: string;
  }[];

describe('POST /survey/:token/opened', () => {
  it('records "opened" with its time and city day, once: a repeat changes nothing', async () => {
    const [uscc, token] = tokens[0]!;
    await view(token);
    expect(await invitation(uscc)).toMatchObject({ status: 'not_opened', openedAt: null, openedOn: null });
    ctx.clock.now = new Date('2026-03-01T17:00:00Z'); // 01:00 the next day in the city
    const res = await opened(token);
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    expect(await invitation(uscc)).toMatchObject({ status: 'opened', openedAt: ctx.clock.now, openedOn: '2026-03-02' });
    const first = ctx.clock.now;
    ctx.clock.now = new Date('2026-03-03T09:00:00Z');
    expect((await opened(token)).statusCode).toBe(204);
    expect(await invitation(uscc)).toMatchObject({ status: 'opened', openedAt: first, openedOn: '2026-03-02' });
  });

  it('never moves a state back: a drafted or submitted invitation stays so', async () => {
    const [draftUscc, draftToken] = tokens[1]!;
    expect((await ctx.app.inject({ method: 'PUT', url: `/api/v1/survey/${draftToken}/draft`, payload: { ratings: [] } })).statusCode).toBe(
      200,
    );
    const drafted = await invitation(draftUscc);
    expect((await opened(draftToken)).statusCode).toBe(204);
    expect(await invitation(draftUscc)).toEqual(drafted);
    expect(drafted.status).toBe('drafted');

    const [submitUscc, submitToken] = tokens[2]!;
    expect((await opened(submitToken)).statusCode).toBe(204);
    expect(
      (await ctx.app.inject({ method: 'POST', url: `/api/v1/survey/${submitToken}/submit`, payload: completeSubmission(departmentIds) }))
        .statusCode,
    ).toBe(200);
    const submitted = await invitation(submitUscc);
    expect((await opened(submitToken)).statusCode).toBe(204);
    expect(await invitation(submitUscc)).toEqual(submitted);
    expect(submitted.status).toBe('submitted');
  });

  it("a draft or a submission without the page's call (it was lost) still counts as opened; a submission keeps only the day", async () => {
    const [draftUscc, draftToken] = tokens[3]!;
    await ctx.app.inject({ method: 'PUT', url: `/api/v1/survey/${draftToken}/draft`, payload: { ratings: [] } });
    expect(await invitation(draftUscc)).toMatchObject({ status: 'drafted', openedAt: ctx.clock.now, openedOn: '2026-03-03' });

    const [uscc, token] = tokens[4]!;
    const res = await ctx.app.inject({ method: 'POST', url: `/api/v1/survey/${token}/submit`, payload: completeSubmission(departmentIds) });
    expect(res.statusCode).toBe(200);
    // The submission's own time is nowhere: only its day, as opened and as submitted.
    expect(await invitation(uscc)).toMatchObject({
      status: 'submitted',
      openedOn: '2026-03-03',
      submittedAt: '2026-03-03',
      openedAt: null,
    });
  });

  it('admins see "opened" only with the next batch, as before', async () => {
    const [uscc] = tokens[0]!;
    expect((await invitation(uscc)).status).toBe('opened');
    expect((await adminList()).find((i) => i.uscc === uscc)!.status).toBe('not_opened');
  });

  it("answers an unknown link with the GET's 404, and counts it against the address", async () => {
    const a = await opened('A'.repeat(22), '203.0.113.7');
    const b = await view('A'.repeat(22));
    expect(a.statusCode).toBe(404);
    expect(a.json()).toEqual(b.json());
    let last = a;
    for (let i = 0; i < 25 && last.statusCode !== 429; i++) last = await opened(`guess-${i}`.padEnd(22, 'x'), '203.0.113.7');
    expect(last.statusCode).toBe(429);
    // The guesser is locked out even with a real link; others are not.
    expect((await opened(tokens[5]![1], '203.0.113.7')).statusCode).toBe(429);
    expect((await invitation(tokens[5]![0])).status).toBe('not_opened');
  });

  it('changes nothing on a replaced link, or once the round has closed', async () => {
    const [replacedUscc, replacedToken] = tokens[6]!;
    await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/rounds/2026Q1/invitations/${replacedUscc}/regenerate`,
      headers: { cookie: admin },
    });
    expect((await opened(replacedToken)).statusCode).toBe(204);
    expect((await invitation(replacedUscc)).status).toBe('not_opened');
    const fresh = (await invitationTokens(ctx, '2026Q1')).get(replacedUscc)!;
    expect((await opened(fresh)).statusCode).toBe(204);
    expect((await invitation(replacedUscc)).status).toBe('opened');

    const [uscc, token] = tokens[7]!;
    const { closesAt } = (await view(token)).json().round as { closesAt: string };
    ctx.clock.now = new Date(new Date(closesAt).getTime() + 1000);
    expect((await opened(token)).statusCode).toBe(204);
    expect(await invitation(uscc)).toMatchObject({ status: 'not_opened', openedAt: null });
  });
});
