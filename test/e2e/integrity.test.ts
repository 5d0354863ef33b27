// 数据质量, the robustness of the bottom three, and an appeal from the head's page to the admin's
// decision, in Chromium. The demo's current round is closed and published first, so its appeal window is open.
import type { Locator, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { httpClient, login, startE2e } from '../support/e2e.ts';

const e2e = await startE2e();
const { api } = httpClient(e2e.baseUrl);

const rounds = await api<{ id: string; status: string }[]>('GET', '/rounds');
const roundId = rounds.find((r) => r.status === 'open')!.id;
await api('POST', `/rounds/${roundId}/close`);
await api('POST', `/rounds/${roundId}/compute`);
const results = await api<{ departments: { code: string; name: string; flagged: boolean; rank: number | null }[] }>(
  'POST',
  `/rounds/${roundId}/publish`,
);
const flagged = results.departments.filter((d) => d.flagged).sort((a, b) => (b.rank ?? 0) - (a.rank ?? 0))[0]!;

const pages: Page[] = [];
afterAll(async () => {
  for (const p of pages) await p.context().close();
});
async function signedIn(username: string) {
  const page = await e2e.newPage();
  pages.push(page);
  await login(page, username);
  return page;
}
const button = (scope: Page | Locator, name: string) => scope.getByRole('button', { name: new RegExp(`^${[...name].join('\\s?')}$`) });

describe('数据质量 and robustness', () => {
  it('the admin and the supervisor see what each check measured on the round; a leader does not', async () => {
    for (const who of ['admin', 'supervisor']) {
      const page = await signedIn(who);
      await page.goto(`/rounds/${roundId}`);
      const card = page.getByTestId('integrity-card');
      await card.getByText('数据质量').first().waitFor();
      for (const kind of ['straight_lining', 'identical_answers', 'not_applicable_outlier', 'top_box_outlier', 'votes_unexplained']) {
        await card.getByTestId(`signal-${kind}`).getByText('检查内容').waitFor();
      }
      await card.getByText('阈值').first().waitFor();
    }
    const leader = await signedIn('leader');
    await leader.goto(`/rounds/${roundId}`);
    await leader.getByText('抽签池').first().waitFor();
    await expect.poll(() => leader.getByTestId('integrity-card').count()).toBe(0);
  });

  it('the dashboard states beside the bottom three whether they would change without doubtful answers', async () => {
    const page = await signedIn('leader');
    await page.goto('/dashboard');
    const note = page.getByTestId('bottom-three').getByTestId('robustness-note');
    await note.waitFor();
    await expect.poll(() => note.textContent()).toMatch(/剔除可疑答卷后倒数3位(不变|会改变)/);
  });
});

describe('an appeal (申诉复核)', () => {
  it("the flagged department's head files it from their page; the measures go on hold", async () => {
    const page = await signedIn(`head.${flagged.code}`);
    await page.waitForURL('**/my-department');
    const card = page.getByTestId('appeal-card');
    // The deadline is said before filing, not only after.
    await card
      .getByTestId('appeal-deadline')
      .filter({ hasText: /^申诉截止：/ })
      .waitFor();
    await card.getByTestId('appeal-open').click();
    // The form opens in view, not below the fold.
    await expect
      .poll(() =>
        card.getByLabel('申诉理由').evaluate((el) => {
          const r = el.getBoundingClientRect();
          return r.top >= 0 && r.bottom <= window.innerHeight;
        }),
      )
      .toBe(true);
    await card.getByLabel('申诉理由').fill('同一天收到多份雷同答卷，请求复核');
    await card.getByLabel('证据材料').fill('情况说明\n企业回访记录');
    await button(card, '提交申诉').click();
    // Filing is confirmed first: once per round, and the measures go on hold.
    const confirm = page.locator('.ant-modal-confirm').filter({ hasText: '确认提交申诉？' });
    await confirm.getByText('每轮只能申诉一次').waitFor();
    await button(confirm, '提交申诉').click();
    await confirm.waitFor({ state: 'detached' });
    await card.getByTestId('appeal-status').getByText('复核中（措施暂停）').waitFor();
    await card.getByText('企业回访记录').waitFor();
    // The escalation records below say so too, without a reload: the round's measures wait on the appeal.
    const records = page.getByTestId('escalation-records');
    await records.getByText('复核中（措施暂停）').first().waitFor();
    await records.getByText('申诉中暂缓').first().waitFor();
  });

  it('the admin decides it in the queue; the head reads the outcome', async () => {
    const page = await signedIn('admin');
    await page.goto('/appeals');
    const table = page.getByTestId('appeals-table');
    await table.getByText(flagged.name).waitFor();
    await table
      .getByRole('button', { name: /复\s?核/ })
      .first()
      .click();
    const form = page.getByTestId('decision-form');
    await form.getByText('驳回').click();
    await form.getByLabel('复核理由').fill('答卷未见异常，评价有效');
    await button(page, '确定').click();
    await table.getByText('申诉驳回').waitFor();

    const head = await signedIn(`head.${flagged.code}`);
    await head.waitForURL('**/my-department');
    const card = head.getByTestId('appeal-card');
    await card.getByTestId('appeal-status').getByText('申诉驳回').waitFor();
    await card.getByText(/答卷未见异常，评价有效/).waitFor();
    await expect.poll(() => card.getByTestId('appeal-open').count()).toBe(0);
  });
});
