// The enterprise survey on a phone: open a personal link, answer, resume after a reload (from the
// server's draft, and from the phone's copy when the connection dropped), submit once, get a receipt.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { quarterLabel } from '#shared/round-lifecycle.ts';
import { join } from 'node:path';
import { ARTIFACTS, DEMO_PASSWORD, screenshot, startE2e } from '../support/e2e.ts';
import { receiptHash } from '#shared/receipt.ts';

const e2e = await startE2e();

let cookie = '';
async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const res = await fetch(`${e2e.baseUrl}/api/v1${path}`, {
    method: init.method ?? 'GET',
    headers: { cookie, ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
  });
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

let roundId = '';
let tokens: string[] = [];
let departmentCount = 0;
const DAY = 86_400_000;

beforeAll(async () => {
  const login = await fetch(`${e2e.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }),
  });
  expect(login.status).toBe(200);
  cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  // The demo may hold rounds up to the current quarter: take a free label far ahead. The link
  // works because opensAt is in the past; the id is only a label.
  const existing = new Set((await api<{ id: string }[]>('/rounds')).map((r) => r.id));
  roundId = ['2030Q1', '2030Q2', '2030Q3', '2030Q4', '2031Q1'].find((id) => !existing.has(id))!;
  const now = Date.now();
  await api('/rounds', {
    method: 'POST',
    body: { id: roundId, sampleSize: 5, opensAt: new Date(now - DAY).toISOString(), closesAt: new Date(now + 7 * DAY).toISOString() },
  });
  await api(`/rounds/${roundId}/freeze`, { method: 'POST', body: {} });
  await api(`/rounds/${roundId}/draw`, { method: 'POST', body: { seed: '3141592653' } });
  await api(`/rounds/${roundId}/open`, { method: 'POST', body: {} });
  const invitations = await api<{ link: string | null }[]>(`/rounds/${roundId}/invitations`);
  tokens = invitations.flatMap((i) => (i.link ? [i.link.split('/s/')[1]!] : []));
  expect(tokens.length).toBe(5);
  departmentCount = (await api<{ departments: unknown[] }>(`/rounds/${roundId}`)).departments.length;
  expect(departmentCount).toBeGreaterThan(40);
});

const surveyUrl = (token: string) => `${e2e.baseUrl}/s/${token}`;
const LEVELS = ['满意', '比较满意', '基本满意', '不满意'] as const;
const NOT_APPLICABLE = /^不了解/;

/** Answers department i (0-based, page order): every 6th is 不了解, the rest cycle through the scale. */
async function answer(page: Page, i: number) {
  const dept = page.getByTestId('department').nth(i);
  const radio =
    i % 6 === 5 ? dept.getByRole('radio', { name: NOT_APPLICABLE }) : dept.getByRole('radio', { name: LEVELS[i % 4], exact: true });
  await radio.click(); // the row folds and the form moves on: nothing left to check()
}

/** What the phone's screen shows right now (screenshot() takes the whole, very long, page). */
const screen = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), animations: 'disabled' });

const answered = (page: Page) => page.getByTestId('answered');

async function waitForText(page: Page, testId: string, text: string | RegExp) {
  await page.getByTestId(testId).filter({ hasText: text }).waitFor();
}

describe('enterprise survey on a phone', () => {
  it('answers every department, resumes after reloads, submits once and shows a receipt', async () => {
    const page = await e2e.newPage({ phone: true });
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    const token = tokens[0]!;
    await page.goto(surveyUrl(token));

    // Header: the city and quarter, deadline, organiser, help line and the privacy promise.
    await page.getByRole('heading', { level: 1, name: `仙桃市${quarterLabel(roundId, 'zh')}市场主体评议部门测评` }).waitFor();
    const header = await page.locator('header').innerText();
    expect(header).toContain('截止时间：');
    expect(header).toContain('组织单位：仙桃市优化营商环境工作领导小组办公室');
    expect(header).toContain('咨询电话：0728-3312345');
    expect(header).toContain('无法知道哪家企业给了什么评价');
    await expect.poll(() => answered(page).textContent()).toBe(`已答 0 / ${departmentCount}`);
    await expect.poll(() => page.getByTestId('department').count()).toBe(departmentCount);
    expect(scripts.filter((s) => /AdminApp|antd|recharts/i.test(s))).toEqual([]);
    // Grouped by category, each department a fieldset (role group) named by its legend.
    await expect
      .poll(() => page.getByRole('heading', { level: 2 }).allInnerTexts())
      .toEqual(expect.arrayContaining([expect.stringContaining('经济管理部门'), expect.stringContaining('执法监管部门')]));
    const names = (await page.locator('[data-testid="department"] legend').allInnerTexts()).map((s) => s.trim());
    await page.getByRole('group', { name: names[0], exact: true }).getByRole('radio', { name: '满意', exact: true }).waitFor();

    // Fits a 360 px screen (no sideways scrolling), with touch targets of 44 px or more.
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const smallTargets = await page.evaluate(
      () =>
        [...document.querySelectorAll('button, input[type="search"], textarea, label:has(input)')]
          .filter((el) => (el as HTMLElement).offsetParent !== null)
          .map((el) => el.getBoundingClientRect())
          .filter((r) => r.height < 44 || r.width < 44).length,
    );
    expect(smallTargets).toBe(0);

    // First 20 answers and a comment (on a reopened row); the draft saves by itself.
    for (let i = 0; i < 20; i++) await answer(page, i);
    const second = page.getByTestId('department').nth(1);
    await second.getByRole('button').click();
    await second.getByRole('button', { name: '填写意见（选填）' }).click();
    await second.getByRole('textbox').fill('窗口排队时间较长，希望增加自助设备。');
    await expect.poll(() => second.getByText('18 / 500 字').count()).toBe(1);
    await second.getByRole('button', { name: '完成' }).click();
    // 不了解 takes no comment.
    const na = page.getByTestId('department').nth(5);
    await na.getByRole('button').click();
    await expect.poll(() => na.getByRole('radio', { name: NOT_APPLICABLE }).isChecked()).toBe(true);
    await expect.poll(() => na.getByRole('button', { name: '填写意见（选填）' }).count()).toBe(0);
    await na.getByRole('button', { name: '完成' }).click();
    await expect.poll(() => answered(page).textContent()).toBe(`已答 20 / ${departmentCount}`);
    await waitForText(page, 'save-status', /^已保存/);

    // Reload: the answers come back from the server's draft, folded, with the comment.
    await page.reload();
    await waitForText(page, 'answered', `已答 20 / ${departmentCount}`);
    await expect.poll(() => page.getByTestId('department').nth(2).innerText()).toContain('基本满意');
    await expect.poll(() => page.getByTestId('department').nth(5).innerText()).toContain('不了解');
    await page.getByTestId('department').nth(1).getByRole('button').click();
    await expect
      .poll(() => page.getByTestId('department').nth(1).getByRole('textbox').inputValue())
      .toBe('窗口排队时间较长，希望增加自助设备。');
    await page.getByTestId('department').nth(1).getByRole('button', { name: '完成' }).click();
    await screen(page, 'survey-phone-top');

    // The connection drops: the next answer stays on the phone, and comes back after a reload.
    await page.route('**/api/v1/survey/*/draft', (route) => route.abort('internetdisconnected'));
    await answer(page, 20);
    await waitForText(page, 'save-status', '离线，已保存在本机');
    await page.unroute('**/api/v1/survey/*/draft');
    await page.reload();
    await waitForText(page, 'answered', `已答 21 / ${departmentCount}`);
    await waitForText(page, 'save-status', /^已保存/); // the phone's newer copy is sent on opening
    const serverView = (await (await fetch(`${e2e.baseUrl}/api/v1/survey/${token}`)).json()) as {
      draft: { ratings: { level: string | null }[] };
    };
    expect(serverView.draft.ratings.filter((r) => r.level).length).toBe(21);

    // Moving on with gaps: a clear message, and focus on the first unanswered department.
    await page.getByRole('button', { name: '下一步：选择最不满意部门' }).click();
    const missing = departmentCount - 21;
    await waitForText(page, 'submit-error', `还有 ${missing} 个部门未作答`);
    await expect.poll(() => page.getByTestId('submit-error').innerText()).toContain(names[21]);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('fieldset')?.querySelector('legend')?.textContent))
      .toBe(names[21]);
    await expect
      .poll(() => page.getByRole('group', { name: names[21], exact: true }).getByText('请为此部门选择一项。').isVisible())
      .toBe(true);
    await waitForText(page, 'progress', `还有 ${missing} 个部门未答`);
    await screen(page, 'survey-phone-missing');

    // The rest, then the last step: two least-satisfied votes and an overall comment.
    for (let i = 21; i < departmentCount; i++) await answer(page, i);
    await waitForText(page, 'answered', `已答 ${departmentCount} / ${departmentCount}`);
    await page.getByRole('button', { name: '下一步：选择最不满意部门' }).click();
    await page.getByTestId('vote-candidate').nth(0).getByRole('checkbox').check();
    await page.getByTestId('vote-candidate').nth(1).getByRole('checkbox').check();
    await waitForText(page, 'votes-remaining', '已选 2 个，还可选 1 个。');
    await page.getByRole('textbox', { name: '总体意见和建议（选填）' }).fill('希望各部门进一步压缩审批时限。');
    await page.getByTestId('votes').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screen(page, 'survey-phone-votes');
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'survey-form-phone');

    await page.getByRole('button', { name: '提交问卷' }).click();
    await page.getByRole('heading', { name: '提交成功，感谢您的参与！' }).waitFor();
    const receipt = (await page.getByTestId('receipt-code').innerText()).trim();
    expect(receipt).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    await expect.poll(() => page.getByTestId('thank-you').innerText()).toContain('提交时间：');
    await page.getByRole('button', { name: '查询' }).click();
    await waitForText(page, 'receipt-check', '已计入统计。');
    await screenshot(page, 'survey-receipt-phone');
    expect(await api<{ counted: boolean }>(`/rounds/${roundId}/receipts`, { method: 'POST', body: { receipt } })).toEqual({
      counted: true,
    });
    // The admin's list shows it with the next batch of five submissions (or at close), not this one alone.
    const invitations = await api<{ link: string | null; status: string }[]>(`/rounds/${roundId}/invitations`);
    expect(invitations.find((i) => i.link?.endsWith(token))?.status).not.toBe('submitted');

    // Reopening the link: "already submitted" with the time (and this phone's receipt), never the form.
    await page.goto(surveyUrl(token));
    await page.getByRole('heading', { name: '您已提交过本次测评' }).waitFor();
    await expect.poll(() => page.getByTestId('already-submitted').innerText()).toContain('提交时间：');
    expect((await page.getByTestId('receipt-code').innerText()).trim()).toBe(receipt);
    await expect.poll(() => page.getByTestId('department').count()).toBe(0);
    await page.context().close();

    // On another phone: the same page, with a box to check a receipt code.
    const other = await e2e.newPage({ phone: true });
    await other.goto(surveyUrl(token));
    await other.getByRole('heading', { name: '您已提交过本次测评' }).waitFor();
    await other.getByRole('textbox', { name: '回执码' }).fill(receipt.toLowerCase());
    await other.getByRole('button', { name: '查询' }).click();
    await waitForText(other, 'receipt-check', '已计入统计。');
    await other.context().close();
  });

  it('a lost reply to the submission: tapping again, or reopening the link, gives the same receipt', async () => {
    for (const [token, recover] of [
      [tokens[4]!, 'tap again'],
      [tokens[3]!, 'reopen'],
    ] as const) {
      // Everything answered already (a draft saved through the API).
      const view = (await (await fetch(`${e2e.baseUrl}/api/v1/survey/${token}`)).json()) as { departments: { id: number }[] };
      const draft = { ratings: view.departments.map((d) => ({ departmentId: d.id, level: 'satisfied' })), leastSatisfied: [] };
      const put = await fetch(`${e2e.baseUrl}/api/v1/survey/${token}/draft`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(draft),
      });
      expect(put.status).toBe(200);

      const page = await e2e.newPage({ phone: true });
      await page.goto(surveyUrl(token));
      await waitForText(page, 'answered', `已答 ${departmentCount} / ${departmentCount}`);
      await page.getByRole('button', { name: '下一步：选择最不满意部门' }).click();
      // The submission reaches the server, but its reply never reaches the phone. The phone sent only
      // the hash of the receipt code it made; the server's reply carries no code at all.
      let first: { receipt: string | null } | null = null;
      let sentHash = '';
      await page.route('**/api/v1/survey/*/submit', async (route) => {
        sentHash = (route.request().postDataJSON() as { receiptHash: string }).receiptHash;
        first = (await (await route.fetch()).json()) as { receipt: string | null };
        await route.abort('internetdisconnected');
      });
      await page.getByRole('button', { name: '提交问卷' }).click();
      await waitForText(page, 'submit-error', '网络中断，未能确认提交结果');
      await page.unroute('**/api/v1/survey/*/submit');
      expect(first!.receipt).toBeNull();
      expect(sentHash).toMatch(/^[0-9a-f]{64}$/);

      if (recover === 'tap again') {
        await page.getByRole('button', { name: '提交问卷' }).click();
        await page.getByRole('heading', { name: '提交成功，感谢您的参与！' }).waitFor();
      } else {
        await page.reload();
        await page.getByRole('heading', { name: '您已提交过本次测评' }).waitFor();
      }
      const shown = (await page.getByTestId('receipt-code').innerText()).trim();
      expect(receiptHash(shown), recover).toBe(sentHash);
      expect(await api<{ counted: boolean }>(`/rounds/${roundId}/receipts`, { method: 'POST', body: { receipt: shown } })).toEqual({
        counted: true,
      });
      await page.context().close();
    }
    for (const token of [tokens[0]!, tokens[3]!, tokens[4]!]) {
      expect((await (await fetch(`${e2e.baseUrl}/api/v1/survey/${token}`)).json()).state).toBe('submitted');
    }
    // Three submissions, fewer than a batch of five: the admin's list shows none of them yet, even after a tick.
    await e2e.tick();
    const invitations = await api<{ status: string }[]>(`/rounds/${roundId}/invitations`);
    expect(invitations.filter((i) => i.status === 'submitted').length).toBe(0);
  });

  it('switches to English and keeps the choice', async () => {
    const page = await e2e.newPage({ phone: true });
    await page.goto(surveyUrl(tokens[1]!));
    await waitForText(page, 'answered', `已答 0 / ${departmentCount}`);
    await page.getByTestId('lang-switch').click();
    await page
      .getByRole('heading', { level: 1, name: `${quarterLabel(roundId, 'en')} survey: businesses rate government departments` })
      .waitFor();
    await waitForText(page, 'answered', `Answered 0 / ${departmentCount}`);
    await page
      .getByRole('group', { name: 'Municipal Administration for Market Regulation' })
      .getByRole('radio', { name: 'Fairly satisfied' })
      .click();
    await waitForText(page, 'answered', `Answered 1 / ${departmentCount}`);
    await screen(page, 'survey-phone-en');
    await page.reload();
    await waitForText(page, 'answered', `Answered 1 / ${departmentCount}`);
    await expect.poll(() => page.locator('header').innerText()).toContain('Run by: Xiantao Business Environment Office');
    await page.context().close();
  });

  it('explains an unknown link, a lost connection and links that no longer work', async () => {
    const page = await e2e.newPage({ phone: true });
    await page.goto(`${e2e.baseUrl}/s/AAAAAAAAAAAAAAAAAAAAAA`);
    await page.getByRole('heading', { name: '链接无效' }).waitFor();
    const body = await page.locator('body').innerText();
    expect(body).toContain('请核对短信、微信或通知中的链接是否完整');
    expect(body).not.toMatch(/\{|not_found|Error/);
    await page.getByTestId('lang-switch').click();
    await page.getByRole('heading', { name: 'Invalid link' }).waitFor();
    await page.getByTestId('lang-switch').click();

    // No connection: a retry that works once the network is back.
    await page.route('**/api/v1/survey/**', (route) => route.abort('internetdisconnected'));
    await page.goto(surveyUrl(tokens[2]!));
    await page.getByRole('heading', { name: '网络连接失败' }).waitFor();
    await page.unroute('**/api/v1/survey/**');
    await page.getByRole('button', { name: '重试' }).click();
    await waitForText(page, 'answered', `已答 0 / ${departmentCount}`);

    // The other states, as the server reports them.
    const view = {
      round: { id: roundId, opensAt: '2030-01-01T00:00:00+08:00', closesAt: '2030-01-31T23:59:59+08:00', closedAt: null },
      issuer: {
        name: { zh: '仙桃市', en: 'Xiantao' },
        organiser: { zh: '仙桃市优化营商环境工作领导小组办公室', en: 'Xiantao Business Environment Office' },
        helpPhone: '0728-3312345',
      },
      scale: [],
      departments: [],
      votesLimit: 3,
      submittedAt: null,
      draft: null,
      draftSavedAt: null,
    };
    const cases: [string, object, number, string, string][] = [
      ['not_open', { ...view, state: 'not_open' }, 200, '测评尚未开始', '2030年1月1日'],
      ['closed', { ...view, state: 'closed' }, 200, '本次测评已截止', '2030年1月31日 23:59'],
      [
        'closed early',
        { ...view, state: 'closed', round: { ...view.round, closedAt: '2030-01-06T10:00:00+08:00' } },
        200,
        '本次测评已截止',
        '截止时间为 2030年1月6日 10:00',
      ],
      [
        'revoked',
        { ...view, state: 'revoked' },
        200,
        '此链接已失效',
        '此链接已被替换，不能再使用。如有疑问，请联系仙桃市优化营商环境工作领导小组办公室（电话 0728-3312345）。',
      ],
      // No survey to name its issuer: the page asks the server whom to contact.
      [
        'not_found',
        { error: { code: 'not_found', message: 'not found' } },
        404,
        '链接无效',
        '如仍无法打开，请联系仙桃市优化营商环境工作领导小组办公室（电话 0728-3312345）。',
      ],
      ['rate_limited', { error: { code: 'rate_limited', message: 'Too many requests' } }, 429, '访问过于频繁', '请稍等一分钟后再试'],
    ];
    for (const [name, json, status, title, text] of cases) {
      await page.route('**/api/v1/survey/**', (route) => route.fulfill({ status, json }));
      await page.goto(surveyUrl(tokens[3]!));
      await page.getByRole('heading', { name: title }).waitFor();
      expect(await page.locator('main').innerText(), name).toContain(text);
      await page.unroute('**/api/v1/survey/**');
    }
    await page.context().close();
  });
});
