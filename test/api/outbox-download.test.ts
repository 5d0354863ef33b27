// No gateway configured (the default and the demo): messages are prepared, nothing pretends to be sent, and
// the admin downloads the day's SMS as the city's SMS platform imports them (手机号码, 短信内容).
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { makeTestContext } from '../support/app.ts';
import { seedRegistry } from '../support/fixtures.ts';
import { invitationTokens, openRoundWithTokens } from '../support/survey.ts';

const ctx = await makeTestContext();
const { db } = ctx.database;
await seedRegistry(db, { enterprises: 40, departments: 2 });
await db.execute(sql`update enterprises set contact_phone = '138' || lpad(id::text, 8, '0')`);

describe('the outbox without a gateway', () => {
  it('prepares one invitation per firm, sends nothing, and offers them as an .xlsx', async () => {
    ctx.clock.now = new Date('2026-03-01T02:00:00Z'); // 10:00 in the city
    const cookie = await ctx.as('admin');
    const tokens = await openRoundWithTokens(ctx, '2026Q1', {
      sampleSize: 12,
      contactPlan: { invitation: true, reminderDays: [5, 2, 5], finalReminder: false },
    });
    await ctx.app.outbound.tick(ctx.clock.now);
    const box = (await ctx.app.inject({ method: 'GET', url: '/api/v1/rounds/2026Q1/outbox', headers: { cookie } })).json();
    expect(box.gateways).toEqual({ sms: false, email: false });
    expect(box.plan).toEqual({ invitation: true, reminderDays: [2, 5], finalReminder: false });
    expect(box.counts).toEqual({ queued: 12, sent: 0, delivered: 0, failed: 0, refused: 0 });

    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/rounds/2026Q1/outbox.xlsx', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('sms-2026Q1-2026-03-01.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows: string[][] = [];
    book.worksheets[0]!.eachRow((row) => rows.push((row.values as string[]).slice(1)));
    expect(rows[0]).toEqual(['手机号码', '短信内容']);
    expect(rows).toHaveLength(13);
    const links = rows
      .slice(1)
      .map(([, text]) => /\/s\/([\w-]{22})/.exec(text!)?.[1])
      .sort();
    expect(links).toEqual([...tokens.values()].sort());
    expect(rows.slice(1).every(([phone]) => /^138\d{8}$/.test(phone!))).toBe(true);

    // Still queued after the download: the office sends them, and the outbox does not claim it did.
    await ctx.app.outbound.tick(ctx.clock.now);
    const after = (await ctx.app.inject({ method: 'GET', url: '/api/v1/rounds/2026Q1/outbox', headers: { cookie } })).json();
    expect(after.counts.queued).toBe(12);
    expect((await invitationTokens(ctx, '2026Q1')).size).toBe(12);
  });

  it('refuses a reminder for a round that is not open, and other roles', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/rounds/2026Q1/reminders',
      headers: { cookie: await ctx.as('supervisor') },
    });
    expect(res.statusCode).toBe(403);
    const closed = await ctx.app.inject({ method: 'POST', url: '/api/v1/rounds/2026Q1/close', headers: { cookie: await ctx.as('admin') } });
    expect(closed.statusCode).toBe(200);
    const late = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/rounds/2026Q1/reminders',
      headers: { cookie: await ctx.as('admin') },
    });
    expect(late.json().error.code).toBe('round_not_open');
  });
});
