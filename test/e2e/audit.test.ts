// The audit log as the discipline inspector (纪委监委) reads it in Chinese: no field names or codes,
// people by name, Beijing time, newest first; filters by person and action.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { login, screenshot, startE2e } from '../support/e2e.ts';

const e2e = await startE2e();

// camelCase or snake_case identifiers, dotted action codes, and the code values the server stores.
const RAW =
  /\b[a-z]+[A-Z]\w*\b|\b[a-z]+_[a-z_]+\b|\b[a-z]+\.[a-z]+\b|\b(pending|scheduled|done|withdrawn|ceremony|township|pledge|admonishment|reassignment|open|closed|submitted|returned|resolved|accept|return|true|false|null|undefined|system)\b/;

describe('audit log (审计日志)', () => {
  it('reads in Chinese words, with names and Beijing times, newest first, and filters by person and action', async () => {
    const page = await e2e.newPage();
    await login(page, 'supervisor', '/audit');
    const table = page.getByTestId('audit-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    await page.getByText('时间均为北京时间').waitFor();

    await page.locator('.ant-pagination-options .ant-select').click();
    await page.getByTitle('100 条/页').click();
    await expect.poll(() => table.locator('tbody tr.ant-table-row').count()).toBe(100);
    // Every row: expand the long summaries, then read the rows' text.
    const expand = table.getByText('展开', { exact: true });
    for (let i = 0; i < 100 && (await expand.count()) > 0; i++) await expand.first().click();
    const rows = await table.locator('tbody tr.ant-table-row').allInnerTexts();
    for (const row of rows) expect(row, row).not.toMatch(RAW);
    expect(rows.join('\n')).toContain('营商办管理员');
    expect(rows.join('\n')).toMatch(/发布结果|审核整改|更新问责事项/);

    // Newest first: the times in the first column never increase down the page.
    const times = await table.locator('tbody tr.ant-table-row td:first-child').allInnerTexts();
    const keys = times.map((t) =>
      t
        .replace(/\D+/g, ' ')
        .trim()
        .split(' ')
        .map((n) => n.padStart(2, '0'))
        .join(''),
    );
    expect(keys).toEqual([...keys].sort().reverse());
    await screenshot(page, 'audit-log');

    // Only the entries of one person: a department head.
    await page.getByLabel('操作人').click();
    await page.keyboard.type('城市管理');
    await page.locator('.ant-select-item-option[title="市城市管理执法局主要负责人"]').click();
    await expect
      .poll(async () => new Set(await table.locator('tbody tr.ant-table-row td:nth-child(2)').allInnerTexts()))
      .toEqual(new Set(['市城市管理执法局主要负责人']));

    // And one kind of action.
    await page.getByLabel('操作类型').click();
    await page.keyboard.type('台账');
    await page.locator('.ant-select-item-option[title="新增整改台账"]').click();
    await expect
      .poll(async () => new Set(await table.locator('tbody tr.ant-table-row td:nth-child(3)').allInnerTexts()))
      .toEqual(new Set(['新增整改台账']));
  });

  it('remembers the head it verified in this browser and warns, in words, once the log is shorter', async () => {
    const page = await e2e.newPage();
    await login(page, 'supervisor', '/audit');
    const verify = page.getByTestId('audit-verify');
    await verify.getByRole('button', { name: /核验日志链/ }).click();
    await verify.getByText('日志链完整').waitFor();
    // The demo's last published round printed its head; this browser had not verified before.
    await expect.poll(() => verify.textContent()).toMatch(/日志链包含.+结果发布时公开的日志链头（第 \d+ 条/);
    await expect.poll(() => verify.textContent()).toContain('本浏览器此前未核验过');
    const saved = await page.evaluate(
      () => JSON.parse(window.localStorage.getItem('pingyi.audit.verifiedHead') ?? 'null') as { id: number } | null,
    );
    expect(saved?.id).toBeGreaterThan(0);

    // Whoever holds the database drops the newest entries, triggers off, and moves the chain's tip back to match:
    // the chain verifies on its own and still contains the published head.
    await e2e.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`delete from audit_log where id >= ${saved!.id - 1}`);
      await tx.execute(
        sql`update audit_head set last_id = (select max(id) from audit_log), last_hash = (select hash from audit_log where id = (select max(id) from audit_log))`,
      );
    });

    await verify.getByRole('button', { name: /核验日志链/ }).click();
    const failure = page.getByTestId('audit-verify-failure');
    await failure.getByText('日志比此前核验时更短').waitFor();
    await expect.poll(() => failure.textContent()).toContain(`日志链头为第 ${saved!.id} 条`);
    await screenshot(page, 'audit-verify-shorter');

    // In English too.
    await page.evaluate(() => window.localStorage.setItem('pingyi.lang', 'en'));
    await page.reload();
    await page
      .getByTestId('audit-verify')
      .getByRole('button', { name: /Verify the chain/ })
      .click();
    await page.getByTestId('audit-verify-failure').getByText('The log is shorter than when last verified').waitFor();
    await page.context().close();
  });
});
