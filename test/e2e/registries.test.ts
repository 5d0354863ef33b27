import { describe, expect, it } from 'vitest';
import { clickUntil, login, screenshot, startE2e } from '../support/e2e.ts';

const e2e = await startE2e();

describe('departments and audit log (admin)', () => {
  it('lists the 53 departments, appoints a new head and keeps the previous one in the history', async () => {
    const page = await e2e.newPage();
    await login(page, 'admin', '/departments');
    await page.getByText('共 53 条').waitFor();

    await page.getByRole('searchbox', { name: '搜索代码、名称或负责人' }).fill('scjgj');
    const row = page.locator('tr.ant-table-row').filter({ hasText: '市市场监督管理局' });
    await row.waitFor();
    await expect.poll(() => page.locator('tr.ant-table-row').count()).toBe(1);
    await expect.poll(() => row.textContent()).toContain('李明华（局长）');
    await expect.poll(() => row.textContent()).toContain('执法监管部门');

    await row.getByRole('button', { name: '任命负责人' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('现任负责人 李明华').waitFor();
    // Required fields are checked in the form before anything is sent (saving the empty form again, should a
    // click land while the dialog still opens, changes nothing).
    await clickUntil(dialog.getByRole('button', { name: /保\s?存/ }), dialog.getByText('请填写姓名（不超过 50 字）。'));
    await dialog.getByLabel('姓名').fill('赵新民');
    await dialog.getByLabel('职务').fill('局长');
    await dialog.getByLabel('任职起始日期').fill('2026-01-05');
    await screenshot(page, 'department-appoint');
    await dialog.getByRole('button', { name: /保\s?存/ }).click();
    await dialog.waitFor({ state: 'detached' });
    await row.filter({ hasText: '赵新民（局长）' }).waitFor();

    await row.getByRole('button', { name: '市市场监督管理局' }).click();
    const history = page.getByTestId('head-history');
    await history.getByText('赵新民').waitFor();
    const text = await history.textContent();
    expect(text).toContain('2026-01-05 – 至今');
    expect(text).toContain('李明华');
    expect(text).toContain('2020-01-01 – 2026-01-04'); // the previous tenure ends the day before
    await screenshot(page, 'department-drawer');
    await page.context().close();
  });

  it('shows the audit log and verifies the chain', async () => {
    const page = await e2e.newPage();
    await login(page, 'supervisor');
    await page.getByTestId('nav').getByRole('menuitem', { name: '审计日志' }).click();
    const table = page.getByTestId('audit-table');
    // The head appointed in the test above is among the newest entries (after the supervisor's own sign-in).
    await table.locator('tr.ant-table-row').getByText('赵新民').first().waitFor();
    await page.getByRole('button', { name: '核验日志链' }).click();
    await page.getByText('日志链完整').waitFor();
    await expect.poll(() => page.getByTestId('audit-verify').textContent()).toMatch(/全部 \d+ 条记录核验通过/);
    await screenshot(page, 'audit-verified');
    await page.context().close();
  });
});
