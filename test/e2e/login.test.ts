import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, login, screenshot, startE2e } from '../support/e2e.ts';

const e2e = await startE2e();

describe('signing in', () => {
  it('refuses a wrong password, then signs the admin in with the full menu, and switches to English', async () => {
    const page = await e2e.newPage();
    await page.goto('/');
    await page.waitForURL('**/login');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await page.getByRole('heading', { name: '登录评议平台' }).waitFor();
    await screenshot(page, 'login');

    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill('not-the-password');
    await page.getByRole('button', { name: /登\s?录/ }).click();
    const error = page.getByTestId('login-error');
    await error.waitFor();
    await expect.poll(() => error.textContent()).toContain('用户名或密码错误');
    await screenshot(page, 'login-wrong-password');

    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /登\s?录/ }).click();
    const nav = page.getByTestId('nav');
    await nav.waitFor();
    // An admin's home is the dashboard (/ leads there).
    await page.waitForURL('**/dashboard');
    const labels = await nav.getByRole('menuitem').allTextContents();
    expect(labels).toEqual(['数据看板', '轮次管理', '问责督办', '申诉复核', '诉求', '整改', '部门', '市场主体', '名录导入', '审计日志']); // accounts are the security administrator's
    await expect.poll(() => page.getByTestId('user-name').textContent()).toBe('营商办管理员');
    await page.getByRole('heading', { name: '数据看板' }).waitFor();
    await screenshot(page, 'home-admin');

    await page.getByTestId('lang-switch').click();
    await nav.getByRole('menuitem', { name: 'Departments' }).waitFor();
    await expect
      .poll(() => nav.getByRole('menuitem').allTextContents())
      .toEqual([
        'Dashboard',
        'Survey rounds',
        'Escalations',
        'Appeals',
        'Requests',
        'Rectification',
        'Departments',
        'Enterprises',
        'Import registry',
        'Audit log',
      ]);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await expect.poll(() => page.getByTestId('user-role').textContent()).toBe('Business environment office');

    // The choice survives a reload.
    await page.reload();
    await nav.getByRole('menuitem', { name: 'Audit log' }).waitFor();
    await screenshot(page, 'home-admin-en');
    await page.context().close();
  });

  it('sends a signed-out visitor of a page to the login and back to that page afterwards', async () => {
    const page = await e2e.newPage();
    await page.goto('/departments');
    await page.waitForURL('**/login');
    await page.getByLabel('用户名').fill('leader');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /登\s?录/ }).click();
    await page.waitForURL('**/departments');
    await page.getByRole('heading', { name: '部门名录' }).waitFor();
    await expect
      .poll(() => page.getByTestId('nav').getByRole('menuitem').allTextContents())
      .toEqual(['数据看板', '轮次管理', '问责督办', '申诉复核', '诉求', '整改', '部门', '干部积分', '积分台账', '晋升推荐']);
    await page.context().close();
  });

  it('keeps a device cookie the page cannot read, sent back on the next sign-in from this browser (audited as a known browser)', async () => {
    const page = await e2e.newPage();
    await login(page, 'supervisor');
    const device = (await page.context().cookies()).find((c) => c.name === 'pingyi_device');
    expect(device).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/v1/auth/login' });
    await expect.poll(() => page.evaluate(() => document.cookie)).not.toContain('pingyi_device');
    // Signing out keeps the browser known; signing in again presents the cookie.
    expect((await page.request.post('/api/v1/auth/logout')).ok()).toBe(true);
    await login(page, 'supervisor');
    const audit = await page.request.get('/api/v1/audit?action=auth.login&actor=supervisor&pageSize=1');
    expect(((await audit.json()) as { items: { summary: unknown }[] }).items[0]!.summary).toMatchObject({ knownDevice: true });
    await page.context().close();
  });
});
