// Issue 21, story 11 replayed: whoever holds the database switches triggers off
// (session_replication_role = replica) and empties or shortens the audit log. Verification still finds
// the chain head that publishing printed on the last published round (public page and report), and fails
// when the chain no longer contains it.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { makeTestContext } from '../support/app.ts';
import { seedRegistry } from '../support/fixtures.ts';
import { runQuarter } from '../support/rounds.ts';
import { rechain } from '../support/tamper.ts';

const ctx = await makeTestContext();
const { db } = ctx.database;
await seedRegistry(db, { enterprises: 60, departments: 3 });
await runQuarter(ctx, '2026Q1', () => 'satisfied', { sampleSize: 6 });

const get = async (url: string, who?: 'supervisor' | 'leader' | 'admin') =>
  (await ctx.app.inject({ method: 'GET', url: `/api/v1${url}`, ...(who ? { headers: { cookie: await ctx.as(who) } } : {}) })).json();
/** As the database holder: triggers off for this transaction only. */
const asHolder = (...statements: ReturnType<typeof sql>[]) =>
  db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    for (const s of statements) await tx.execute(s);
  });

describe('the chain head printed on a published round', () => {
  let printed: { id: number; hash: string; at: string };

  it('is the publication’s own audit entry, shown on the public page and on the report’s checkpoint', async () => {
    const publicPage = await get('/public/rounds/2026Q1');
    printed = publicPage.auditHead;
    const entries = (await get('/audit?action=round.publish', 'supervisor')).items as {
      id: number;
      hash: string;
      at: string;
      entityId: string;
    }[];
    expect(entries).toHaveLength(1);
    expect(printed).toEqual({ id: entries[0]!.id, hash: entries[0]!.hash, at: entries[0]!.at });

    await ctx.as('leader'); // later entries move the live head on; the round's printed head stays
    const live = await get('/audit/checkpoint', 'leader');
    expect(live.id).toBeGreaterThan(printed.id);
    expect(await get('/audit/checkpoint?roundId=2026Q1', 'leader')).toEqual({ ...printed, roundId: '2026Q1' });

    expect(await get('/audit/verify', 'supervisor')).toMatchObject({
      ok: true,
      published: { roundId: '2026Q1', id: printed.id, hash: printed.hash },
      head: { id: live.id, hash: live.hash },
    });
  });

  it('fails verification when the chain before it was rewritten and re-hashed', async () => {
    await rechain(db, 1, { rewritten: true });
    expect(await get('/audit/verify', 'supervisor')).toMatchObject({
      ok: false,
      code: 'published_diverges',
      brokenAt: printed.id,
      reason: expect.stringContaining('2026Q1'),
    });
  });

  it('fails verification when the log was cut short before it, the tip moved back to match', async () => {
    await asHolder(
      sql`delete from audit_log where id >= ${printed.id}`,
      sql`update audit_head set last_id = (select max(id) from audit_log), last_hash = (select hash from audit_log where id = (select max(id) from audit_log))`,
    );
    const res = await get('/audit/verify', 'supervisor');
    expect(res).toMatchObject({ ok: false, code: 'published_missing', brokenAt: printed.id });
    expect(res.entries).toBeGreaterThan(0);
    expect(res.head.id).toBeLessThan(printed.id);
    expect(res.reason).toContain(`entry ${printed.id}`);
  });

  it('fails verification when both tables were truncated, naming the printed head', async () => {
    await asHolder(sql`truncate audit_log, audit_head`);
    const res = await get('/audit/verify', 'supervisor');
    expect(res).toMatchObject({
      ok: false,
      entries: 0,
      code: 'published_missing',
      published: { roundId: '2026Q1', id: printed.id, hash: printed.hash },
    });
    expect(res.reason).toMatch(new RegExp(`log ends before entry ${printed.id} of the chain head printed on round 2026Q1`));
    // The admin's verification says the same.
    expect((await get('/audit/verify', 'admin')).ok).toBe(false);
  });
});
