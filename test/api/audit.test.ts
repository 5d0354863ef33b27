import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { appendAudit, verifyAuditChain } from '#server/audit/audit.writer.ts';
import { rechain } from '../support/tamper.ts';
import { makeTestContext } from '../support/app.ts';

const ctx = await makeTestContext();
const { db } = ctx.database;
const verify = async (role: 'admin' | 'supervisor' = 'supervisor') =>
  (await ctx.app.inject({ method: 'GET', url: '/api/v1/audit/verify', headers: { cookie: await ctx.as(role) } })).json();

// Signing in is audited: the four logins are entries 1–4, the test's own steps 5–9.
for (const role of ['admin', 'supervisor', 'leader', 'dept_head'] as const) await ctx.as(role);
const refusal = (query: Promise<unknown>) =>
  query.then(
    () => 'accepted',
    (err: Error & { cause?: Error }) => String(err.cause?.message ?? err.message),
  );

describe('audit log', () => {
  it('chains entries written by the one writer, readable by admins and supervisors', async () => {
    for (let i = 1; i <= 5; i++) {
      ctx.clock.now = new Date(Date.UTC(2026, 2, 1, 8, 0, i));
      await db.transaction((tx) =>
        appendAudit(
          tx,
          { id: null, name: 'tester' },
          { action: 'test.step', entityType: 'test', entityId: i, summary: { step: i, note: { b: 2, a: 1 } } },
          ctx.clock.now,
        ),
      );
    }
    expect(await verify()).toMatchObject({ ok: true, entries: 9, published: null });
    const page = (
      await ctx.app.inject({ method: 'GET', url: '/api/v1/audit?pageSize=2', headers: { cookie: await ctx.as('admin') } })
    ).json();
    expect(page.total).toBe(9);
    expect(page.items.map((e: { entityId: string }) => e.entityId)).toEqual(['5', '4']);
    for (const role of ['leader', 'dept_head'] as const) {
      expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/audit', headers: { cookie: await ctx.as(role) } })).statusCode).toBe(403);
    }
  });

  it('refuses updates, deletes and TRUNCATE at the database, of the log and of its tip', async () => {
    await expect(db.execute(sql`update audit_log set action = 'x' where id = 1`)).rejects.toThrow();
    await expect(db.execute(sql`delete from audit_log where id = 1`)).rejects.toThrow();
    // A DELETE that matches no row is refused too: the guard is on the statement.
    expect(await refusal(db.execute(sql`delete from audit_log where id = -1`))).toMatch(/append-only/);
    expect(await refusal(db.execute(sql`truncate audit_log`))).toMatch(/append-only/);
    expect(await refusal(db.execute(sql`truncate audit_head`))).toMatch(/append-only/);
    expect(await refusal(db.execute(sql`delete from audit_head`))).toMatch(/append-only/);
    expect(await verify()).toMatchObject({ ok: true, entries: 9, published: null });
  });

  it('gives the chain head as a checkpoint; a chain rewritten and re-hashed after it fails verification against it', async () => {
    const fresh = await makeTestContext();
    const fdb = fresh.database.db;
    const supervisor = await fresh.as('supervisor');
    const get = async (url: string): Promise<Record<string, unknown>> =>
      (await fresh.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { cookie: supervisor } })).json();
    for (let i = 0; i < 4; i++)
      await fdb.transaction((tx) =>
        appendAudit(
          tx,
          { id: null, name: 't' },
          { action: 'step', entityType: 't', entityId: i, summary: { i } },
          new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
        ),
      );
    const checkpoint = (await get('/audit/checkpoint')) as { id: number; hash: string; at: string };
    expect(checkpoint).toEqual({ id: expect.any(Number), hash: expect.stringMatching(/^[0-9a-f]{64}$/), at: expect.any(String) });
    const query = `checkpointId=${checkpoint.id}&checkpointHash=${checkpoint.hash}`;
    expect(await get(`/audit/verify?${query}`)).toMatchObject({ ok: true });
    await fdb.transaction((tx) =>
      appendAudit(tx, { id: null, name: 't' }, { action: 'later', entityType: 't', entityId: 9, summary: {} }, new Date()),
    );
    expect(await get(`/audit/verify?${query}`)).toMatchObject({ ok: true });

    // Whoever holds the database disables the guards, edits an early entry and recomputes every hash after it.
    await rechain(fdb, 1, { i: 'rewritten' });
    expect(await get('/audit/verify')).toMatchObject({ ok: true });
    const against = await get(`/audit/verify?${query}`);
    expect(against).toMatchObject({ ok: false, brokenAt: checkpoint.id, reason: expect.stringMatching(/checkpoint diverges/) });

    // Truncating everything and starting over cannot reproduce it either.
    await fdb.execute(sql`alter table audit_log disable trigger user`);
    await fdb.execute(sql`alter table audit_head disable trigger user`);
    await fdb.execute(sql`truncate audit_log, audit_head`);
    expect(await get('/audit/verify')).toMatchObject({ ok: true, entries: 0 });
    expect(await get(`/audit/verify?${query}`)).toMatchObject({ ok: false, reason: expect.stringMatching(/checkpoint diverges/) });
  });

  it('detects an altered entry, a deleted entry and deleted newest entries', async () => {
    await db.execute(sql`alter table audit_log disable trigger user`);
    await db.execute(sql`update audit_log set summary = '{"step":99}' where id = 7`);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, brokenAt: 7, reason: expect.stringMatching(/altered/) });
    await db.execute(sql`update audit_log set summary = '{"note":{"a":1,"b":2},"step":3}' where id = 7`);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, entries: 9, published: null });

    await db.execute(sql`delete from audit_log where id = 6`);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, brokenAt: 7 });
    expect((await verify('admin')).ok).toBe(false);
  });

  it('detects deleting the newest entry', async () => {
    const fresh = await makeTestContext();
    const fdb = fresh.database.db;
    for (let i = 0; i < 3; i++)
      await fdb.transaction((tx) =>
        appendAudit(tx, { id: null, name: 't' }, { action: 'a', entityType: 't', entityId: i, summary: {} }, new Date()),
      );
    await fdb.execute(sql`alter table audit_log disable trigger user`);
    await fdb.execute(sql`delete from audit_log where id = (select max(id) from audit_log)`);
    expect(await verifyAuditChain(fdb)).toMatchObject({ ok: false, reason: expect.stringMatching(/newest/) });
  });
});
