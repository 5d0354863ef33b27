// 账号管理 and the forced password change, as the security administrator (安全管理员, who alone
// manages accounts) and a new department head would do them.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { clickUntil, httpClient, login, screenshot, startE2e } from '../support/e2e.ts';

const e2e = await startE2e();

const button = (page: Page, name: string) => page.getByRole('button', { name: new RegExp(`^${[...name].join('\\s?')}$`) });
/** The 修改密码 page's one submit button (found by type: while a save is in flight its name also carries the spinner's label). */
const savePassword = async (page: Page) => {
  const save = page.getByTestId('password-page').locator('button[type="submit"]');
  await save.and(page.locator(':not(.ant-btn-loading)')).click();
};
/** The OK of the confirmation asking `question` (an earlier one may still be fading out). */
const confirmOk = (page: Page, question: string) =>
  page.locator('.ant-popconfirm', { hasText: question }).getByRole('button', { name: /确\s?定|OK/ });
/** The account dialog's 保存, once no save is in flight (while one is, its name also carries the spinner's label). */
const saveButton = (page: Page) => page.getByRole('dialog').locator('.ant-modal-footer .ant-btn-primary:not(.ant-btn-loading)');
const saveAccount = async (page: Page) => {
  await saveButton(page).click();
};
const formError = (page: Page, text: string) => page.locator('.ant-form-item-explain-error').getByText(text, { exact: true });

async function signIn(page: Page, username: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await button(page, '登录').click();
}

let oneTimePassword = '';
const NEW_PASSWORD = 'river-lamp-93-kite';

describe('accounts', () => {
  it('the security administrator creates a head: validation in words, the one-time password shown once with a copy button', async () => {
    const page = await e2e.newPage();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await login(page, 'security');
    // Accounts are all the security administrator has, and where they start.
    await page.waitForURL('**/accounts');
    await expect.poll(() => page.getByTestId('nav').getByRole('menuitem').allTextContents()).toEqual(['账号管理']);
    await page.getByRole('heading', { name: '账号管理' }).waitFor();
    const table = page.locator('.ant-table-tbody');
    // The seeded security administrator has signed in (just now), a seeded head never has.
    await page.getByLabel('搜索用户名或姓名').fill('security');
    const securityRow = table.locator('tr', { has: page.getByText('security', { exact: true }) });
    await securityRow.waitFor();
    await expect.poll(() => securityRow.textContent()).not.toContain('从未登录');
    await expect.poll(() => securityRow.textContent()).toContain('安全管理员');
    await page.getByLabel('搜索用户名或姓名').fill('head.scjgj');
    const seededHead = table.locator('tr', { has: page.getByText('head.scjgj', { exact: true }) });
    await expect.poll(() => seededHead.textContent()).toContain('从未登录');
    await expect.poll(() => seededHead.textContent()).toContain('部门负责人');
    await page.getByLabel('搜索用户名或姓名').fill('head.zhang');

    await page.getByTestId('account-create').click();
    const dialog = page.getByRole('dialog');
    // Saving the empty form is refused in words (saved again should a click land while the dialog still opens).
    await clickUntil(saveButton(page), formError(page, '用户名须为 3–50 个字母、数字或 . _ -'));
    await formError(page, '请填写姓名（100 字以内）').waitFor();
    await formError(page, '请选择角色').waitFor();
    await dialog.getByLabel('用户名').fill('head zhang');
    await dialog.getByLabel('姓名').fill('张新局长');
    await dialog.getByLabel('角色').click();
    await page.locator('.ant-select-item-option').getByText('部门负责人', { exact: true }).click();
    await saveAccount(page);
    await formError(page, '部门负责人须选择所属部门').waitFor();
    await formError(page, '用户名须为 3–50 个字母、数字或 . _ -').waitFor();
    await screenshot(page, 'accounts-validation');

    // A username already taken is named on its field (409 from the server).
    await dialog.getByLabel('用户名').fill('head.scjgj');
    await dialog.getByLabel('所属部门').click();
    await dialog.getByLabel('所属部门').fill('市市场监督管理局');
    await page.locator('.ant-select-item-option').getByText('市市场监督管理局', { exact: true }).click();
    await saveAccount(page);
    await formError(page, '该用户名已被使用，请换一个。').waitFor();

    await dialog.getByLabel('用户名').fill('head.zhang');
    await saveAccount(page);
    const shown = page.getByTestId('one-time-password');
    await shown.waitFor();
    oneTimePassword = (await shown.textContent())!.trim();
    expect(oneTimePassword).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    await page.getByTestId('one-time-copy').click();
    await page.getByTestId('one-time-copy').getByText('已复制').waitFor();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(oneTimePassword);
    await screenshot(page, 'accounts-one-time-password');
    await page.getByTestId('one-time-done').click();
    await shown.waitFor({ state: 'detached' });
    // Shown once: nowhere on the page afterwards.
    const row = table.locator('tr', { has: page.getByText('head.zhang', { exact: true }) });
    await row.waitFor();
    await expect.poll(() => row.textContent()).toContain('待修改密码');
    await expect.poll(() => row.textContent()).toContain('市市场监督管理局');
    await expect.poll(() => row.textContent()).toContain('从未登录');
    expect(await page.content()).not.toContain(oneTimePassword);
    await page.context().close();
  });

  it('the new head is held on 修改密码 until they set a password the policy accepts, then reaches their page', async () => {
    const page = await e2e.newPage();
    await signIn(page, 'head.zhang', oneTimePassword);
    await page.waitForURL('**/password');
    await page.getByTestId('password-forced').waitFor();
    await expect.poll(() => page.getByTestId('nav').count()).toBe(0);
    // No way round it: any page leads back here.
    await page.goto('/my-department');
    await page.waitForURL('**/password');

    await page.getByLabel('一次性密码').fill(oneTimePassword);
    // The city's name and a year: long enough, but guessed first. The page says so as they type…
    await page.getByLabel('新密码', { exact: true }).fill('Xiantao2027');
    const rules = page.getByTestId('password-rules');
    // The rules tick as the person types: wait for the page to have caught up with the last keystroke.
    await rules.locator('[data-rule="too_short"][data-met="true"]').waitFor();
    await rules.locator('[data-rule="weak"][data-met="false"]').waitFor();
    const why = '包含了个人或本平台相关的词（用户名、姓名、城市名、部门名称或代码、平台名称“评议”及其拼音、近年年份），这些会被最先尝试。';
    await page.getByTestId('password-feedback').getByText(`原因：${why}`).waitFor();
    await page.getByLabel('再次输入新密码').fill('Xiantao2027');
    // …and the server, which decides, refuses it with the same reason.
    await savePassword(page);
    await formError(
      page,
      '新密码不符合要求：不易被猜中（城市名、部门名称或代码、平台名称“评议”及其拼音、年份、姓名和常见词会被最先尝试）。',
    ).waitFor();
    await expect.poll(() => page.getByTestId('password-feedback').textContent()).toContain(why);
    await screenshot(page, 'password-forced-weak');

    await page.getByLabel('新密码', { exact: true }).fill('zhang-short');
    await page.getByLabel('再次输入新密码').fill('zhang-other');
    await savePassword(page);
    await formError(page, '两次输入的新密码不一致').waitFor();

    await page.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('再次输入新密码').fill(NEW_PASSWORD);
    await rules.locator('[data-met="false"]').first().waitFor({ state: 'detached' });
    await savePassword(page);
    await page.waitForURL('**/my-department');
    await expect.poll(() => page.getByTestId('mydept-title').textContent()).toBe('本部门：市市场监督管理局');

    // 修改密码 is in everyone's header, and leads back where they were.
    await page.getByTestId('change-password').click();
    await page.waitForURL('**/password');
    await page.getByRole('heading', { name: '修改密码' }).waitFor();
    await expect.poll(() => page.getByTestId('password-forced').count()).toBe(0);
    await button(page, '返回').click();
    await page.waitForURL('**/my-department');
    await page.context().close();
  });

  it('the security administrator sees the sign-in, resets the password (one-time again) and deactivates the account', async () => {
    const page = await e2e.newPage();
    await login(page, 'security', '/accounts');
    await page.getByLabel('搜索用户名或姓名').fill('head.zhang');
    const row = page.locator('.ant-table-tbody tr', { has: page.getByText('head.zhang', { exact: true }) });
    await row.waitFor();
    await expect.poll(() => row.textContent()).not.toContain('从未登录');
    await expect.poll(() => row.textContent()).not.toContain('待修改密码');

    await row.getByRole('button', { name: '重置密码' }).click();
    await confirmOk(page, '重置密码？').click();
    const shown = page.getByTestId('one-time-password');
    await shown.waitFor();
    const again = (await shown.textContent())!.trim();
    expect(again).not.toBe(oneTimePassword);
    await page.getByTestId('one-time-done').click();
    await shown.waitFor({ state: 'detached' });
    await row.getByText('待修改密码').waitFor();

    await row.getByRole('button', { name: '停用' }).click();
    await confirmOk(page, '之后无法登录').click();
    await row.getByText('已停用').waitFor();
    await screenshot(page, 'accounts-list');

    // Changing the role to leader drops the department.
    await row.getByRole('button', { name: '修改' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('角色').click();
    await page.locator('.ant-select-item-option').getByText('市领导', { exact: true }).click();
    await dialog.getByText('修改角色或所属部门后，该账号已登录的会话立即失效。').waitFor();
    await saveAccount(page);
    await dialog.waitFor({ state: 'detached' });
    await row.getByText('市领导').waitFor();
    await page.context().close();

    const head = await e2e.newPage();
    await signIn(head, 'head.zhang', NEW_PASSWORD);
    await head.getByTestId('login-error').waitFor();
    await head.context().close();
  });

  it('a new org account approves nothing for a day after its holder set a password, and the page says from when', async () => {
    const { api, cookieFor } = httpClient(e2e.baseUrl);
    const org = await cookieFor('org');
    const cadre = (await api<{ items: { id: number }[] }>('GET', '/cadres?pageSize=1', undefined, org)).items[0]!;
    await api(
      'POST',
      '/points/entries',
      { cadreId: cadre.id, ruleCode: 'award_city', date: '2026-01-15', reason: 'e2e：新账号待审', evidence: '仙发〔2026〕98号' },
      org,
    );
    const created = await api<{ oneTimePassword: string }>(
      'POST',
      '/users',
      { username: 'org.new', displayName: '组织部新同事', role: 'org' },
      await cookieFor('security'),
    );

    const page = await e2e.newPage();
    await signIn(page, 'org.new', created.oneTimePassword);
    await page.waitForURL('**/password');
    await page.getByLabel('一次性密码').fill(created.oneTimePassword);
    await page.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('再次输入新密码').fill(NEW_PASSWORD);
    await page.getByTestId('password-rules').locator('[data-met="false"]').first().waitFor({ state: 'detached' });
    await savePassword(page);
    await page.waitForURL('**/points');
    await page.goto('/points/review');
    const row = page.getByTestId('review-table').locator('tr', { hasText: 'e2e：新账号待审' });
    await row.getByTestId('review-approve').click();
    await page.getByText(/此账号的密码曾由他人设置（新建账号或重置密码）：.+起才能审批或作出决定。/).waitFor();
    await screenshot(page, 'points-review-recently-reset');
    // Still waiting for a second pair of eyes.
    await row.getByTestId('review-approve').waitFor();
    await page.context().close();

    // The security administrator's list says from when the account approves.
    const security = await e2e.newPage();
    await login(security, 'security');
    await security.getByLabel('搜索用户名或姓名').fill('org.new');
    const account = security.locator('.ant-table-tbody tr', { has: security.getByText('org.new', { exact: true }) });
    await expect.poll(() => account.getByTestId('decides-from').textContent()).toMatch(/起可审批$/);
    await security.context().close();
  });

  it("the supervisor reads the security administrator's account actions in words, in Chinese and English", async () => {
    const page = await e2e.newPage();
    await login(page, 'supervisor', '/audit');
    const table = page.getByTestId('audit-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    await page.getByLabel('操作人').click();
    await page.keyboard.type('安全管理员');
    await page.locator('.ant-select-item-option[title="安全管理员"]').click();
    await expect
      .poll(async () => new Set(await table.locator('tbody tr.ant-table-row td:nth-child(2)').allInnerTexts()))
      .toEqual(new Set(['安全管理员']));
    const actions = new Set(await table.locator('tbody tr.ant-table-row td:nth-child(3)').allInnerTexts());
    for (const action of ['新建账号', '重置密码', '停用账号', '修改账号']) expect(actions).toContain(action);
    const rows = (await table.locator('tbody tr.ant-table-row').allInnerTexts()).join('\n');
    expect(rows).toContain('角色：部门主要负责人 → 市领导');
    expect(rows).toContain('用户名：head.zhang；结束已登录会话：是');
    expect(rows).not.toMatch(/\b(security|dept_head|leader|user\.[a-z_]+|sessionsEnded)\b/);
    await screenshot(page, 'audit-security-actions');
    await page.getByTestId('lang-switch').click();
    await expect
      .poll(async () => new Set(await table.locator('tbody tr.ant-table-row td:nth-child(3)').allInnerTexts()))
      .toContain('Reset password');
    expect((await table.locator('tbody tr.ant-table-row').allInnerTexts()).join('\n')).toContain('Department head → City leader');
    await page.context().close();
  });
});
