import { describe, expect, it } from 'vitest';
import { login, screenshot, startE2e } from '../support/e2e.ts';

const e2e = await startE2e();

describe('role-aware access', () => {
  it('a department head sees no registry or audit menu, and gets the no-access page at their URLs', async () => {
    const page = await e2e.newPage();
    await login(page, 'head.scjgj');
    const nav = page.getByTestId('nav');
    await expect.poll(() => nav.getByRole('menuitem').allTextContents()).toEqual(['本部门', '诉求', '整改', '部门', '干部积分']);
    await expect.poll(() => page.getByTestId('user-role').textContent()).toBe('部门负责人');
    // A head's home is their department's page.
    await page.waitForURL('**/my-department');
    await page.getByTestId('mydept-title').filter({ hasText: '本部门：市市场监督管理局' }).waitFor();

    await page.goto('/enterprises');
    const noAccess = page.getByTestId('no-access');
    await noAccess.waitFor();
    await expect.poll(() => noAccess.textContent()).toContain('无权访问');
    await expect.poll(() => noAccess.textContent()).toContain('部门负责人');
    await expect.poll(() => nav.getByRole('menuitem').allTextContents()).toEqual(['本部门', '诉求', '整改', '部门', '干部积分']);
    await screenshot(page, 'no-access-dept-head');

    await page.goto('/audit');
    await page.getByTestId('no-access').waitFor();
    await page.goto('/enterprises/import');
    await page.getByTestId('no-access').waitFor();

    // The department registry is readable, without the admin's buttons.
    await nav.getByRole('menuitem', { name: /(^|\s)部门$/ }).click(); // not 本部门
    await page.getByText('市市场监督管理局').waitFor();
    await expect.poll(() => page.getByRole('button', { name: '新增部门' }).count()).toBe(0);
    await page.context().close();
  });

  it('三员分立: the admin has no 账号管理; the security administrator has nothing else', async () => {
    const page = await e2e.newPage();
    await login(page, 'admin');
    const nav = page.getByTestId('nav');
    await nav.getByRole('menuitem', { name: '轮次管理' }).waitFor();
    await expect.poll(() => nav.getByRole('menuitem').allTextContents()).not.toContain('账号管理');
    await page.goto('/accounts');
    await page.getByTestId('no-access').filter({ hasText: '营商办管理员' }).waitFor();
    await expect.poll(() => page.getByTestId('no-access').textContent()).toContain('请联系安全管理员');
    await page.context().close();

    const security = await e2e.newPage();
    await login(security, 'security');
    await security.waitForURL('**/accounts');
    await expect.poll(() => security.getByTestId('user-role').textContent()).toBe('安全管理员');
    for (const path of ['/dashboard', '/rounds', '/audit', '/points', '/departments']) {
      await security.goto(path);
      await security.getByTestId('no-access').filter({ hasText: '安全管理员' }).waitFor();
    }
    await security.getByTestId('lang-switch').click();
    await security.getByTestId('no-access').filter({ hasText: 'Security administrator' }).waitFor();
    await security.context().close();
  });

  it('the survey link loads without the admin app (no antd chunk)', async () => {
    const page = await e2e.newPage();
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await page.goto('/s/some-token');
    await page.getByRole('heading', { name: '链接无效' }).waitFor();
    expect(scripts.some((s) => s.includes('SurveyApp'))).toBe(true);
    expect(scripts.filter((s) => s.includes('AdminApp'))).toEqual([]);
    await page.getByTestId('lang-switch').click();
    await page.getByRole('heading', { name: 'Invalid link' }).waitFor();
    await page.context().close();
  });
});
