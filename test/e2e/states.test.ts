// Loading, empty and error states as people see them: the API failing or the network gone, with a retry
// that works once it is back; a table that is still loading never says "nothing here"; an empty list
// says so in the page's words; and the survey on a phone keeps the answers when a submission fails.
import { join } from 'node:path';
import type { Page, Route } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, httpClient, login, screenshot, startE2e } from '../support/e2e.ts';

const e2e = await startE2e();
const { api } = httpClient(e2e.baseUrl);

/** The app's error shape, as the API answers when it is in trouble. */
const apiError = (status: number, code: string, message: string) => (route: Route) =>
  route.fulfill({ status, json: { error: { code, message } } });

/** Nothing a developer would write: no raw codes, objects, stacks or "undefined". */
async function expectNoRawError(page: Page) {
  const text = await page.locator('body').innerText();
  expect(text).not.toMatch(
    /undefined|NaN|\[object|\{"|Error:|internal|database_unavailable|network_error|internetdisconnected|Failed to fetch|at \w+ \(/,
  );
}

describe('admin pages when the API fails', () => {
  it('a list shows a Chinese message and a retry that works once the API is back (and in English under the switch)', async () => {
    const page = await e2e.newPage();
    await page.route('**/api/v1/departments', apiError(503, 'database_unavailable', 'Database unavailable'));
    await login(page, 'admin', '/departments');
    const failed = page.getByTestId('load-error');
    await failed.getByText('数据加载失败').waitFor();
    await expect.poll(() => failed.innerText()).toContain('数据库暂时不可用，请稍后重试。');
    await expectNoRawError(page);
    await screenshot(page, 'states-departments-error');

    // The API recovers: the retry loads the list, without reloading the page.
    await page.unroute('**/api/v1/departments');
    await failed.getByRole('button', { name: /重\s?试/ }).click();
    await page.getByText('共 53 条').waitFor();
    await expect.poll(() => page.getByTestId('load-error').count()).toBe(0);

    // The network is gone: the same page says so, in English once switched.
    await page.getByTestId('lang-switch').click();
    await page.route('**/api/v1/rounds', (route) => route.abort('internetdisconnected'));
    await page.getByTestId('nav').getByRole('menuitem', { name: 'Survey rounds' }).click();
    await page.getByTestId('load-error').getByText('Could not load the data').waitFor();
    await expect
      .poll(() => page.getByTestId('load-error').innerText())
      .toContain('The server could not be reached. Check your network connection and try again.');
    await expectNoRawError(page);
    await page.unroute('**/api/v1/rounds');
    await page.getByTestId('load-error').getByRole('button', { name: 'Try again' }).click();
    await page.getByTestId('rounds-table').locator('tr.ant-table-row').first().waitFor();
    await page.getByTestId('lang-switch').click();
    await page.context().close();
  });

  it('a filter whose choices failed to load says so in the open dropdown, and its retry fills it', async () => {
    const page = await e2e.newPage();
    await page.route('**/api/v1/enterprises/facets', apiError(500, 'internal', 'Internal Server Error'));
    await login(page, 'admin', '/enterprises');
    await page.getByRole('combobox', { name: '全部镇街' }).click();
    const failed = page.getByTestId('options-load-error');
    await failed.getByText('数据加载失败').waitFor();
    await page.unroute('**/api/v1/enterprises/facets');
    await failed.getByRole('button', { name: /重\s?试/ }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().waitFor();
    await expect.poll(() => page.getByTestId('options-load-error').count()).toBe(0);
    await expectNoRawError(page);
    await page.context().close();
  });

  it('the printable report never prints "no escalations" when they failed to load', async () => {
    const rounds = await api<{ id: string; status: string }[]>('GET', '/rounds');
    const published = rounds
      .filter((r) => r.status === 'published')
      .map((r) => r.id)
      .sort()
      .at(-1)!;
    const page = await e2e.newPage();
    await page.route('**/api/v1/escalations', apiError(500, 'internal', 'Internal Server Error'));
    await login(page, 'admin', `/report/${published}`);
    await page.getByTestId('load-error').getByText('服务器出现问题，请稍后重试；如持续出现，请联系技术支持。').waitFor();
    await expect.poll(() => page.getByTestId('report').count()).toBe(0);
    await expect.poll(() => page.getByRole('button', { name: /打印/ }).isDisabled()).toBe(true);
    await expectNoRawError(page);

    await page.unroute('**/api/v1/escalations');
    await page
      .getByTestId('load-error')
      .getByRole('button', { name: /重\s?试/ })
      .click();
    await page.getByTestId('report-bottom').waitFor();
    // The bottom three carry their levels now, not "no record yet".
    await expect.poll(() => page.getByTestId('report-bottom').innerText()).not.toContain('尚未生成问责记录');
    await expect.poll(() => page.getByRole('button', { name: /打印/ }).isDisabled()).toBe(false);
    await page.context().close();
  });

  it('the app itself failing to download says so with a retry, instead of a blank page', async () => {
    const page = await e2e.newPage();
    await page.route(/\/assets\/AdminApp-[^/]*\.js$/, (route) => route.abort('internetdisconnected'));
    await login(page, 'admin', '/rounds');
    const failed = page.getByTestId('boot-failed');
    await failed.getByRole('heading', { name: '页面没有加载完整' }).waitFor();
    await expect.poll(() => failed.innerText()).toContain('请检查网络后重试');
    await page.unroute(/\/assets\/AdminApp-[^/]*\.js$/);
    await failed.getByRole('button', { name: '重试' }).click();
    await page.getByTestId('rounds-table').locator('tr.ant-table-row').first().waitFor();
    await page.context().close();
  });
});

describe('loading and empty lists', () => {
  it('a slow list says it is loading, and never "nothing here" before the answer', async () => {
    const page = await e2e.newPage();
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/api/v1/departments', async (route) => {
      await held;
      await route.continue();
    });
    await login(page, 'admin', '/departments');
    const table = page.locator('.ant-table-wrapper');
    await table.getByText('正在加载…').waitFor();
    await expect.poll(() => page.getByText('还没有部门，请先新增。').count()).toBe(0);
    await screenshot(page, 'states-departments-loading');
    release();
    await page.getByText('共 53 条').waitFor();
    await expect.poll(() => table.getByText('正在加载…').isVisible()).toBe(false);
    await page.context().close();
  });

  it('a filter that matches nothing, and a registry with no rounds yet, say so in words', async () => {
    const page = await e2e.newPage();
    await login(page, 'admin', '/enterprises');
    await page.getByTestId('enterprise-table').locator('tr.ant-table-row').first().waitFor();
    const search = page.getByRole('searchbox', { name: '搜索名称或统一社会信用代码' });
    await search.fill('没有这家企业');
    await search.press('Enter');
    await page.getByTestId('enterprise-table').getByText('没有符合条件的市场主体。').waitFor();
    await expect.poll(() => page.getByTestId('enterprise-table').locator('tr.ant-table-row').count()).toBe(0);
    await page.getByRole('button', { name: /重\s?置/ }).click();
    await page.getByTestId('enterprise-table').locator('tr.ant-table-row').first().waitFor();

    // A new installation: no rounds at all.
    await page.route('**/api/v1/rounds', (route) => route.fulfill({ json: [] }));
    await page.goto('/rounds');
    await page.getByTestId('rounds-table').getByText('还没有测评轮次，请点击“新建轮次”开始本季度的测评。').waitFor();
    await page.goto('/dashboard');
    await page.getByText('还没有可查看的测评轮次。').waitFor();
    await expectNoRawError(page);
    await page.context().close();
  });
});

describe('the survey on a phone when the network fails on submit', () => {
  let token = '';
  let departments: { id: number; nameZh: string }[] = [];

  beforeAll(async () => {
    // A link of the demo's open round that nobody has opened yet.
    const open = (await api<{ id: string; status: string }[]>('GET', '/rounds')).find((r) => r.status === 'open')!;
    const invitations = await api<{ link: string | null; status: string }[]>('GET', `/rounds/${open.id}/invitations`);
    token = invitations.find((i) => i.status === 'not_opened' && i.link)!.link!.split('/s/')[1]!;
    departments = ((await (await fetch(`${e2e.baseUrl}/api/v1/survey/${token}`)).json()) as { departments: typeof departments })
      .departments;
    // Everything answered on the server but one department, which is answered on the phone below.
    const draft = { ratings: departments.slice(1).map((d) => ({ departmentId: d.id, level: 'satisfied' })), leastSatisfied: [] };
    const put = await fetch(`${e2e.baseUrl}/api/v1/survey/${token}/draft`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(draft),
    });
    expect(put.status).toBe(200);
  });

  it('says what happened, keeps the answers through a reload, and submits them once the network is back', async () => {
    const page = await e2e.newPage({ phone: true });
    await page.goto(`${e2e.baseUrl}/s/${token}`);
    const total = departments.length;
    await page
      .getByTestId('answered')
      .getByText(`已答 ${total - 1} / ${total}`)
      .waitFor();

    // Offline from here: the last answer lives only on the phone, and the submission cannot get through.
    await page.route('**/api/v1/survey/*/draft', (route) => route.abort('internetdisconnected'));
    await page.route('**/api/v1/survey/*/submit', (route) => route.abort('internetdisconnected'));
    const last = page.getByRole('group', { name: departments[0]!.nameZh, exact: true });
    await last.getByRole('radio', { name: '不满意', exact: true }).click();
    await page.getByTestId('answered').getByText(`已答 ${total} / ${total}`).waitFor();
    await page.getByRole('button', { name: '下一步：选择最不满意部门' }).click();
    await page.getByRole('button', { name: '提交问卷' }).click();
    const error = page.getByTestId('submit-error');
    await error.getByText('网络中断，未能确认提交结果。您的答案已保存，请检查网络后再次点击“提交问卷”，不会重复计入。').waitFor();
    await expect.poll(() => page.getByRole('button', { name: '提交问卷' }).isEnabled()).toBe(true);
    await expectNoRawError(page);
    await page.getByTestId('submit-error').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: join(ARTIFACTS, 'states-survey-submit-offline.png'), animations: 'disabled' });

    // The phone reloads the page while still offline for saving: the answer is still there.
    await page.reload();
    await page.getByTestId('answered').getByText(`已答 ${total} / ${total}`).waitFor();
    await expect.poll(() => page.locator(`#dept-${departments[0]!.id}`).innerText()).toContain('不满意');

    // Back online (the browser says so, as a phone does): the answer reaches the server, and the submission goes through.
    await page.unrouteAll();
    await page.context().setOffline(true);
    await page.context().setOffline(false);
    await page
      .getByTestId('save-status')
      .getByText(/^已保存/)
      .waitFor();
    const view = (await (await fetch(`${e2e.baseUrl}/api/v1/survey/${token}`)).json()) as {
      draft: { ratings: { departmentId: number; level: string | null }[] };
    };
    expect(view.draft.ratings.find((r) => r.departmentId === departments[0]!.id)?.level).toBe('dissatisfied');
    await page.getByRole('button', { name: '下一步：选择最不满意部门' }).click();
    await page.getByRole('button', { name: '提交问卷' }).click();
    await page.getByRole('heading', { name: '提交成功，感谢您的参与！' }).waitFor();
    const after = (await (await fetch(`${e2e.baseUrl}/api/v1/survey/${token}`)).json()) as { state: string };
    expect(after.state).toBe('submitted');
    await page.context().close();
  });
});
