// The audit log as the discipline inspector reads it: newest first by time (whatever order entries were
// written in), people by display name, and filters by person, action, record and the city's calendar day.
import { describe, expect, it } from 'vitest';
import { appendAudit } from '#server/audit/audit.writer.ts';
import { makeTestContext } from '../support/app.ts';

const ctx = await makeTestContext();
const { db } = ctx.database;
const admin = await ctx.as('admin'); // creates the login "test-admin", display name "admin"
const write = (name: string, action: string, at: string, entityId: string) =>
  db.transaction((tx) => appendAudit(tx, { id: null, name }, { action, entityType: 'round', entityId, summary: {} }, new Date(at)));

// 2026-03-01 23:30 in the city is 15:30 UTC; 2026-03-02 00:30 in the city is 2026-03-01 16:30 UTC.
await write('test-admin', 'round.open', '2026-03-01T15:30:00Z', 'a');
await write('test-admin', 'round.close', '2026-03-01T16:30:00Z', 'b');
await write('head.x', 'round.publish', '2026-02-20T00:00:00Z', 'c'); // written later, happened earlier
await write('system', 'round.close', '2026-03-05T00:00:00Z', 'd');

const list = async (query: string) => {
  const res = await ctx.app.inject({ method: 'GET', url: `/api/v1/audit?entityType=round&${query}`, headers: { cookie: admin } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { total: number; items: { entityId: string; actorDisplayName: string; actorName: string }[] };
};

describe('audit log for the inspector', () => {
  it('lists entries newest first by time, with people by their display names', async () => {
    const page = await list('pageSize=10');
    expect(page.items.map((e) => e.entityId)).toEqual(['d', 'b', 'a', 'c']);
    expect(page.items.find((e) => e.entityId === 'a')).toMatchObject({ actorName: 'test-admin', actorDisplayName: 'admin' });
    expect(page.items.find((e) => e.entityId === 'c')).toMatchObject({ actorName: 'head.x', actorDisplayName: 'head.x' });
  });

  it('filters by person, by action and by the city’s days', async () => {
    expect((await list('actor=test-admin')).items.map((e) => e.entityId)).toEqual(['b', 'a']);
    expect((await list('action=round.close')).items.map((e) => e.entityId)).toEqual(['d', 'b']);
    expect((await list('from=2026-03-01&to=2026-03-01')).items.map((e) => e.entityId)).toEqual(['a']);
    expect((await list('from=2026-03-02')).items.map((e) => e.entityId)).toEqual(['d', 'b']);
    expect((await list('to=2026-02-28')).items.map((e) => e.entityId)).toEqual(['c']);
    const bad = await ctx.app.inject({ method: 'GET', url: '/api/v1/audit?from=yesterday', headers: { cookie: admin } });
    expect(bad.statusCode).toBe(400);
  });

  it('offers the people and actions present in the log as filter choices', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/audit/facets', headers: { cookie: await ctx.as('supervisor') } });
    // Signing in is audited too, so the people and actions of the logins are among the choices.
    const facets = res.json() as { actors: { name: string; displayName: string }[]; actions: string[] };
    expect(facets.actors).toEqual(
      expect.arrayContaining([
        { name: 'head.x', displayName: 'head.x' },
        { name: 'system', displayName: 'system' },
        { name: 'test-admin', displayName: 'admin' },
      ]),
    );
    expect(facets.actions).toEqual(expect.arrayContaining(['round.close', 'round.open', 'round.publish', 'auth.login']));
    expect(facets.actions).toEqual([...facets.actions].sort());
  });
});
