// A GET never writes: every GET route, as every role, before and after a round's deadline, leaves every
// table (the audit log included; the rate limits' counters aside) exactly as it was. Past the deadline the round reads as closed and
// the survey refuses answers; the close itself (emptying the box, sealing, its audit entry) happens
// once, in the deadline job.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ballotMoverTick } from '#server/survey/ballot-mover.ts';
import { makeTestContext } from '../support/app.ts';
import { seedRegistry } from '../support/fixtures.ts';
import { runQuarter } from '../support/rounds.ts';
import { completeSubmission, openRoundWithTokens } from '../support/survey.ts';
import { tableDigests as allDigests } from '../support/table-digest.ts';

// Rate limits count reads too (the survey's GET is limited per address and per link): their counters,
// in rate_limits, are the limits' own bookkeeping, not the product's data.
const ctx = await makeTestContext({ runJobs: false });
const { db } = ctx.database;
const tableDigests = (database: typeof db) => allDigests(database, ['rate_limits']);
await seedRegistry(db, { enterprises: 120, departments: 6 });
await runQuarter(ctx, '2026Q1', () => 'satisfied', { sampleSize: 10 });

const OPEN = '2026Q2';
const closesAt = new Date('2026-06-30T16:00:00Z');
ctx.clock.now = new Date('2026-03-31T08:00:00Z');
const tokens = [
  ...(
    await openRoundWithTokens(ctx, OPEN, { sampleSize: 12, opensAt: '2026-04-01T00:00:00Z', closesAt: closesAt.toISOString() })
  ).entries(),
];
ctx.clock.now = new Date('2026-04-02T08:00:00Z');
const roles = ['admin', 'leader', 'supervisor', 'dept_head', 'org'] as const;
const cookies = Object.fromEntries(await Promise.all(roles.map(async (r) => [r, await ctx.as(r)] as const)));
const survey = (token: string) => ctx.app.inject({ method: 'GET', url: `/api/v1/survey/${token}` });
const departmentIds: number[] = (await survey(tokens[0]![1])).json().departments.map((d: { id: number }) => d.id);
// Three answers wait in the ballot box (fewer than a batch), one enterprise keeps a draft.
for (const [, token] of tokens.slice(0, 3)) {
  const res = await ctx.app.inject({ method: 'POST', url: `/api/v1/survey/${token}/submit`, payload: completeSubmission(departmentIds) });
  expect(res.statusCode).toBe(200);
}
const [drafterUscc, drafter] = tokens[3]!;
expect((await ctx.app.inject({ method: 'PUT', url: `/api/v1/survey/${drafter}/draft`, payload: { ratings: [] } })).statusCode).toBe(200);
// The rest have never been opened: their first GET (a chat app's prefetch, or the page loading) records
// nothing; the page's POST …/opened does that.
const unopened = tokens.slice(4).map(([, token]) => token);
const late = unopened[1]!;

/** Every GET route with real values where the test has them. */
const concrete = (url: string, round: string) =>
  url
    .replace(':id/receipts', `${round}/receipts`)
    .replace(/\/rounds\/:id/, `/rounds/${round}`)
    .replace(':roundId', round)
    .replace(':uscc', drafterUscc)
    .replace(':token', drafter)
    .replace(':receipt', 'AAAA-BBBB-CCCC')
    .replace(':code', 'AAAA-BBBB')
    .replace(':entryId', '1')
    .replace(':measure', 'pledge')
    .replace(':id', String(ctx.departmentIds.own));
const gets = ctx.app.routeAccess.filter((r) => r.method === 'GET').map((r) => r.url);

async function readEverything() {
  let answered = 0;
  for (const url of gets) {
    for (const round of url.includes(':id') || url.includes(':roundId') ? ['2026Q1', OPEN] : ['-']) {
      for (const who of [undefined, ...roles]) {
        const res = await ctx.app.inject({ method: 'GET', url: concrete(url, round), headers: who ? { cookie: cookies[who]! } : {} });
        expect(res.statusCode, `${who ?? 'anon'} GET ${concrete(url, round)}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
        if (res.statusCode === 200) answered++;
      }
    }
  }
  // Every link's GET too, those never opened included.
  for (const token of unopened) {
    expect((await survey(token)).statusCode).toBe(200);
    answered++;
  }
  return answered;
}

const rows = async <T>(query: ReturnType<typeof sql>) => ((await db.execute(query)) as unknown as { rows: T[] }).rows;
const notOpened = async () =>
  (await rows<{ n: number }>(sql`select count(*)::int as n from invitations where round_id = ${OPEN} and status = 'not_opened'`))[0]!.n;
const closes = async () =>
  (await rows<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'round.close' and entity_id = ${OPEN}`))[0]!.n;

describe('a GET never writes', () => {
  it('before the deadline: every GET route as every role leaves every table as it was', { timeout: 120_000 }, async () => {
    expect(await notOpened()).toBe(unopened.length);
    const before = await tableDigests(db);
    expect(await readEverything()).toBeGreaterThan(gets.length);
    expect(await tableDigests(db)).toEqual(before);
    // The digests see the page's own call, which is a POST.
    const res = await ctx.app.inject({ method: 'POST', url: `/api/v1/survey/${unopened[0]}/opened` });
    expect(res.statusCode).toBe(204);
    expect(await notOpened()).toBe(unopened.length - 1);
    expect(await tableDigests(db)).not.toEqual(before);
  });

  it('after the deadline: the round reads as closed, the survey refuses, and still nothing is written', { timeout: 120_000 }, async () => {
    ctx.clock.now = new Date(closesAt.getTime() + 60_000);
    const before = await tableDigests(db);
    await readEverything();
    const round = await ctx.app.inject({ method: 'GET', url: `/api/v1/rounds/${OPEN}`, headers: { cookie: cookies.leader! } });
    expect(round.json()).toMatchObject({ status: 'closed', closedAt: closesAt.toISOString() });
    const list = await ctx.app.inject({ method: 'GET', url: '/api/v1/rounds', headers: { cookie: cookies.dept_head! } });
    expect(list.json().find((r: { id: string }) => r.id === OPEN)).toMatchObject({ status: 'closed' });
    expect((await survey(late)).json()).toMatchObject({ state: 'closed', departments: [] });
    expect(await tableDigests(db)).toEqual(before);
    // Refused at write time, although no job has closed the round yet.
    const submit = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/survey/${late}/submit`,
      payload: completeSubmission(departmentIds),
    });
    expect(submit.json().error.code).toBe('survey_closed');
    const draft = await ctx.app.inject({ method: 'PUT', url: `/api/v1/survey/${drafter}/draft`, payload: { ratings: [] } });
    expect(draft.json().error.code).toBe('survey_closed');
    expect(await tableDigests(db)).toEqual(before);
    expect(await closes()).toBe(0);
  });

  it('the deadline job closes the round once: the box emptied, the draft gone, one audit entry', async () => {
    const [boxed] = await rows<{ n: number }>(sql`select count(*)::int as n from ballot_box where round_id = ${OPEN}`);
    expect(boxed!.n).toBe(3);
    const before = await tableDigests(db);
    expect(await ballotMoverTick(db, ctx.clock.now)).toMatchObject({ closed: 1, vacuumed: true });
    // The digests do see a write (so equal digests above mean nothing was written).
    expect(await tableDigests(db)).not.toEqual(before);
    // A retried run (a crash after the close committed) changes nothing.
    expect(await ballotMoverTick(db, ctx.clock.now)).toMatchObject({ closed: 0, moved: 0 });
    expect(await closes()).toBe(1);
    expect((await rows<{ n: number }>(sql`select count(*)::int as n from ballot_box`))[0]!.n).toBe(0);
    expect((await rows<{ n: number }>(sql`select count(*)::int as n from responses where round_id = ${OPEN}`))[0]!.n).toBe(3);
    expect((await rows<{ n: number }>(sql`select count(*)::int as n from invitations where draft is not null`))[0]!.n).toBe(0);
    const [round] = await rows<{ status: string; closed_at: Date }>(sql`select status, closed_at from rounds where id = ${OPEN}`);
    expect(round!.status).toBe('closed');
  });
});
