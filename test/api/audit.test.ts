import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { appendAudit, verifyAuditChain } from '../../server/audit/audit.writer.ts';
import { makeTestContext } from '../support/app.ts';

const ctx = await makeTestContext();
const { db } = ctx.database;
const verify = async (role: 'admin' | 'supervisor' = 'supervisor') =>
  (await ctx.app.inject({ method: 'GET', url: '/api/v1/audit/verify', headers: { cookie: await ctx.as(role) } })).json();

describe('audit log', () => {
  it('chains entries written by the one writer, readable by admins and supervisors', async () => {
    for (let i = 1; i <= 5; i++) {
      ctx.clock.now = new Date(Date.UTC(2026, 2, 1, 8, 0, i));
      await db.transaction((tx) => appendAudit(tx, { id: null, name: 'tester' }, { action: 'test.step', entityType: 'test', entityId: i, summary: { step: i, note: { b: 2, a: 1 } } }, ctx.clock.now));
    }
    expect(await verify()).toEqual({ ok: true, entries: 5 });
    const page = (await ctx.app.inject({ method: 'GET', url: '/api/v1/audit?pageSize=2', headers: { cookie: await ctx.as('admin') } })).json();
    expect(page.total).toBe(5);
    expect(page.items.map((e: { entityId: string }) => e.entityId)).toEqual(['5', '4']);
    for (const role of ['leader', 'dept_head'] as const) {
      expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/audit', headers: { cookie: await ctx.as(role) } })).statusCode).toBe(403);
    }
  });

  it('refuses updates and deletes at the database', async () => {
    await expect(db.execute(sql`update audit_log set action = 'x' where id = 1`)).rejects.toThrow();
    await expect(db.execute(sql`delete from audit_log where id = 1`)).rejects.toThrow();
  });

  it('detects an altered entry, a deleted entry and deleted newest entries', async () => {
    await db.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`);
    await db.execute(sql`update audit_log set summary = '{"step":99}' where id = 3`);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, brokenAt: 3, reason: expect.stringMatching(/altered/) });
    await db.execute(sql`update audit_log set summary = '{"note":{"a":1,"b":2},"step":3}' where id = 3`);
    expect(await verifyAuditChain(db)).toEqual({ ok: true, entries: 5 });

    await db.execute(sql`delete from audit_log where id = 2`);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, brokenAt: 3 });
    expect((await verify('admin')).ok).toBe(false);
  });

  it('detects deleting the newest entry', async () => {
    const fresh = await makeTestContext();
    const fdb = fresh.database.db;
    for (let i = 0; i < 3; i++) await fdb.transaction((tx) => appendAudit(tx, { id: null, name: 't' }, { action: 'a', entityType: 't', entityId: i, summary: {} }, new Date()));
    await fdb.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`);
    await fdb.execute(sql`delete from audit_log where id = (select max(id) from audit_log)`);
    expect(await verifyAuditChain(fdb)).toMatchObject({ ok: false, reason: expect.stringMatching(/newest/) });
  });
});
