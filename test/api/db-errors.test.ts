// Database errors on any route (issue 21, item 4): a cancelled statement (SQLSTATE 57014, a statement
// timeout) answers 503 with Retry-After, and no log line at trace carries the statement, a parameter or
// a value — not the request's text, contact, receipt code or hash, nor an admin's input.
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { formatReceipt, receiptHash } from '#shared/receipt.ts';
import { makeTestContext } from '../support/app.ts';
import { seedRegistry } from '../support/fixtures.ts';
import { completeSubmission, openRoundWithTokens } from '../support/survey.ts';

const logLines: string[] = [];
const ctx = await makeTestContext({ logLevel: 'trace', logStream: { write: (line) => void logLines.push(line) }, ballotMoveEveryMs: 0 });
const { db } = ctx.database;
await seedRegistry(db, { enterprises: 60, departments: 3 });
const [token] = [...(await openRoundWithTokens(ctx, '2026Q1', { sampleSize: 6 })).values()];
const view = (await ctx.app.inject({ method: 'GET', url: `/api/v1/survey/${token}` })).json();
const receipt = formatReceipt(randomBytes(12));
const submitted = await ctx.app.inject({
  method: 'POST',
  url: `/api/v1/survey/${token}/submit`,
  payload: { ...completeSubmission(view.departments.map((d: { id: number }) => d.id)), receiptHash: receiptHash(receipt) },
});
expect(submitted.statusCode).toBe(200);

const TEXT = '执法检查一个月来了三次，标记文字 7f3a9c';
const CONTACT = '王先生 13907281234';
const secrets = [TEXT, '7f3a9c', CONTACT, '13907281234', receipt, receipt.replace(/-/g, ''), receiptHash(receipt)];
const leaks = (since: number) => logLines.slice(since).filter((line) => secrets.some((s) => line.includes(s)));

describe('a cancelled statement on POST /api/v1/requests', () => {
  it('answers 503 with Retry-After and logs its SQLSTATE only, at every level', async () => {
    const since = logLines.length;
    if (ctx.database.kind === 'postgres') {
      // The real thing: the insert sleeps in a trigger and another session cancels it (pg_cancel_backend).
      await db.execute(
        sql.raw(`create or replace function test_slow_insert() returns trigger language plpgsql as $$
        begin perform pg_sleep(600); return new; end $$`),
      );
      await db.execute(
        sql.raw('create trigger test_slow_insert before insert on requests for each row execute function test_slow_insert()'),
      );
      const pending = ctx.app.inject({
        method: 'POST',
        url: '/api/v1/requests',
        payload: { receipt, departmentId: ctx.departmentIds.own, category: 'inspection', text: TEXT, contact: CONTACT },
      });
      // Cancelled once it sleeps in the trigger: a backend shows the insert from its Parse message on, and a
      // cancel that lands while it reads the next message of the statement is dropped (the insert then sleeps).
      let cancelled = false;
      while (!cancelled) {
        const rows = await db.execute(sql`select pg_cancel_backend(pid) as ok from pg_stat_activity
          where datname = current_database() and pid <> pg_backend_pid() and wait_event = 'PgSleep'
            and query ilike 'insert into "requests"%'`);
        cancelled = (rows as unknown as { rows: { ok: boolean }[] }).rows.some((r) => r.ok);
        if (!cancelled) await new Promise((r) => setTimeout(r, 10));
      }
      const res = await pending;
      expect(res.statusCode, res.body).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.json().error.code).toBe('database_unavailable');
      await db.execute(sql.raw('drop trigger test_slow_insert on requests'));
    } else {
      // PGlite serves one session, so nothing can cancel it from outside: the trigger raises the same
      // SQLSTATE, with the values in its message as a careless database function would.
      await db.execute(
        sql.raw(`create or replace function test_cancel_insert() returns trigger language plpgsql as $$
        begin raise exception 'canceling statement due to statement timeout: % %', new.text, new.contact using errcode = '57014'; end $$`),
      );
      await db.execute(
        sql.raw('create trigger test_cancel_insert before insert on requests for each row execute function test_cancel_insert()'),
      );
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/requests',
        payload: { receipt, departmentId: ctx.departmentIds.own, category: 'inspection', text: TEXT, contact: CONTACT },
      });
      expect(res.statusCode, res.body).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.json().error.code).toBe('database_unavailable');
      await db.execute(sql.raw('drop trigger test_cancel_insert on requests'));
    }
    const lines = logLines.slice(since);
    expect(
      lines.some((l) => l.includes('"level":50') && l.includes('57014')),
      lines.join(''),
    ).toBe(true);
    expect(leaks(since)).toEqual([]);
    expect(lines.filter((l) => /insert into|params:|"detail"|"where"|"query"/i.test(l))).toEqual([]);
    // Once the database answers again, the same request goes through.
    const again = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/requests',
      payload: { receipt, departmentId: ctx.departmentIds.own, category: 'inspection', text: TEXT, contact: CONTACT },
    });
    expect(again.statusCode, again.body).toBe(201);
  });
});

describe('a generic database error on an admin route', () => {
  it('answers 500 in the one error shape and logs no statement or value', async () => {
    const since = logLines.length;
    const marker = '市保密值测试局 91c2e';
    await db.execute(
      sql.raw(`create or replace function test_fail_department() returns trigger language plpgsql as $$
      begin raise exception 'cannot store %', new.name_zh using errcode = 'XX000', detail = 'name ' || new.name_zh; end $$`),
    );
    await db.execute(
      sql.raw('create trigger test_fail_department before insert on departments for each row execute function test_fail_department()'),
    );
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/departments',
      headers: { cookie: await ctx.as('admin') },
      payload: { code: 'bmcsj', nameZh: marker, category: 'service' },
    });
    await db.execute(sql.raw('drop trigger test_fail_department on departments'));
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: { code: 'internal', message: 'Internal error' } });
    const lines = logLines.slice(since);
    expect(lines.some((l) => l.includes('"level":50') && l.includes('XX000'))).toBe(true);
    expect(lines.filter((l) => l.includes(marker) || l.includes('91c2e') || l.includes('bmcsj') || /insert into|params:/i.test(l))).toEqual(
      [],
    );
  });
});
