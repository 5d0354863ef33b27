// A flagged department's head sees their own department only, and runs its rectification through one
// return and one acceptance by the office.
import { randomUUID } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { groupComments } from '../../web/src/admin/views/comments.ts';
import { httpClient, login, screenshot, startE2e } from '../support/e2e.ts';

const e2e = await startE2e();

// ---- The office's side over HTTP (set-up and cross-checks), with the admin's cookie.

const { api } = httpClient(e2e.baseUrl);

/**
 * The latest published round. The demo database has four; should it have none, one quarter is run
 * now over HTTP (城管局, 城投公司 and 水务公司 rated worst, comments for two of them) and published.
 */
async function latestPublishedRound(): Promise<string> {
  const rounds = await api<{ id: string; status: string }[]>('GET', '/rounds');
  const published = rounds
    .filter((r) => r.status === 'published')
    .map((r) => r.id)
    .sort();
  if (published.length) return published.at(-1)!;
  const id = '2025Q1';
  const now = Date.now();
  await api('POST', '/rounds', {
    id,
    sampleSize: 30,
    minRatings: 3,
    opensAt: new Date(now - 3_600_000).toISOString(),
    closesAt: new Date(now + 86_400_000).toISOString(),
  });
  await api('POST', `/rounds/${id}/freeze`);
  await api('POST', `/rounds/${id}/draw`, { seed: `e2e ceremony ${id}` });
  await api('POST', `/rounds/${id}/open`);
  const bad: Record<string, number> = { cgj: 0, ctgs: 1, swgs: 2 };
  const invitations = await api<{ link: string | null }[]>('GET', `/rounds/${id}/invitations`);
  for (const [i, inv] of invitations.entries()) {
    const token = inv.link!.split('/s/')[1]!;
    const view = await api<{ departments: { id: number; code: string }[] }>('GET', `/survey/${token}`, undefined, null);
    const ratings = view.departments.map((d) => {
      const b = bad[d.code];
      if (b === undefined) return { departmentId: d.id, level: 'satisfied' };
      const level = i % (b + 2) === 0 ? 'basically_satisfied' : 'dissatisfied';
      return { departmentId: d.id, level, ...(i < 3 ? { comment: `${d.code} 的意见 ${i}：办事要多跑几趟` } : {}) };
    });
    await api('POST', `/survey/${token}/submit`, { submissionId: randomUUID(), ratings, leastSatisfied: [] }, null);
  }
  await api('POST', `/rounds/${id}/close`);
  await api('POST', `/rounds/${id}/compute`);
  await api('POST', `/rounds/${id}/publish`);
  await api('POST', `/rounds/${id}/comments/release`);
  return id;
}

type Case = { id: number; departmentId: number; departmentCode: string; departmentName: string; status: string; ledgerEntries: number };
type Results = { departments: { departmentId: number; name: string; n: number; rank: number | null; flagged: boolean }[] };
type Comments = { departments: { departmentId: number; comments: string[] }[] };

const roundId = await latestPublishedRound();
const cases = await api<Case[]>('GET', `/rectification/cases?roundId=${roundId}`);
// A case nobody has started: open, with an empty ledger.
const myCase = cases.find((c) => c.status === 'open' && c.ledgerEntries === 0) ?? cases.find((c) => c.status === 'open')!;
const other = cases.find((c) => c.departmentId !== myCase.departmentId)!;
const results = await api<Results>('GET', `/rounds/${roundId}/results`);
const mine = results.departments.find((d) => d.departmentId === myCase.departmentId)!;
const best = results.departments.find((d) => d.rank === 1)!;
const allComments = await api<Comments>('GET', `/rounds/${roundId}/comments`);
const myComments = allComments.departments.find((d) => d.departmentId === myCase.departmentId)?.comments ?? [];
// A comment written to another department only, to check it never reaches this head.
const othersOnly = allComments.departments
  .filter((d) => d.departmentId !== myCase.departmentId)
  .flatMap((d) => d.comments)
  .find((c) => !myComments.includes(c));

const headPage = await e2e.newPage();
const adminPage = await e2e.newPage();
afterAll(async () => {
  await headPage.context().close();
  await adminPage.context().close();
});

async function openCase(page: Page) {
  await page.goto(`/rectification/${myCase.id}`);
  await page.getByTestId('case-page').waitFor();
}
const status = (page: Page) => page.getByTestId('case-status');
/** A button by its label; antd puts a space between two Chinese characters (提 交). */
const button = (scope: Page | Locator, name: string) => scope.getByRole('button', { name: new RegExp(`^${[...name].join('\\s?')}$`) });

describe("a flagged department's head", () => {
  it("lands on their own department's page and sees no other department", async () => {
    expect(mine.flagged).toBe(true);
    await login(headPage, `head.${myCase.departmentCode}`);
    await headPage.waitForURL('**/my-department');
    const nav = headPage.getByTestId('nav');
    const items = await nav.getByRole('menuitem').allTextContents();
    expect(items[0]).toBe('本部门');
    expect(items).toContain('整改');
    expect(items).not.toContain('首页');

    await expect.poll(() => headPage.getByTestId('mydept-title').textContent()).toBe(`本部门：${myCase.departmentName}`);
    await headPage
      .getByTestId('flagged-alert')
      .getByText(/第 \d+ 名（倒数第 [123]）/)
      .waitFor();
    await expect.poll(() => headPage.getByTestId('stat-rank').textContent()).toContain(`第 ${mine.rank} 名`);
    await expect.poll(() => headPage.getByTestId('stat-n').textContent()).toContain(`${mine.n} 份`);
    await headPage.getByTestId('trend-chart').locator('svg').first().waitFor();
    await headPage.getByTestId('distribution-chart').waitFor();
    await headPage.getByTestId('escalation-card').getByText('负责人连续位列倒数').waitFor();
    await headPage.getByTestId('escalation-card').getByText('部门连续位列倒数').waitFor();
    await expect
      .poll(() => headPage.getByTestId('escalation-records').getByTestId('streaks').first().textContent())
      .toMatch(/^负责人连续 \d 次 · 部门连续 \d 次$/);

    // Comments: their own (as released), nobody else's.
    const comments = headPage.getByTestId('comments-card');
    if (myComments.length) {
      await comments.getByTestId('comment').first().waitFor();
      // Identical comments read once, with their count.
      await expect.poll(() => comments.getByTestId('comment').allTextContents()).toEqual(groupComments(myComments).map((g) => g.text));
    } else {
      await comments.getByText('本轮没有企业写给本部门的意见建议。').waitFor();
    }
    const text = (await headPage.locator('main').textContent()) ?? '';
    expect(text).not.toContain(other.departmentName);
    expect(text).not.toContain(best.name);
    if (othersOnly) expect(text).not.toContain(othersOnly);
    await screenshot(headPage, 'my-department');

    await headPage.getByTestId('lang-switch').click();
    await headPage
      .getByTestId('mydept-title')
      .getByText(/^My department: /)
      .waitFor();
    await expect.poll(() => headPage.getByTestId('stat-rank').textContent()).toContain(`No. ${mine.rank}`);
    await screenshot(headPage, 'my-department-en');
    await headPage.getByTestId('lang-switch').click();
    await headPage
      .getByTestId('mydept-title')
      .getByText(/^本部门：/)
      .waitFor();
  });

  it('says so when comments are not released, or nothing is published yet', async () => {
    // The states a new quarter brings, played by answering two calls the way the API then does.
    await headPage.route('**/api/v1/rounds/*/comments', (route) =>
      route.fulfill({
        status: 404,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'not_found', message: 'Comments for this round have not been released yet' } }),
      }),
    );
    await headPage.reload();
    await headPage.getByTestId('comments-not-released').getByText('评论尚未发布').waitFor();
    await headPage.unroute('**/api/v1/rounds/*/comments');

    await headPage.route('**/api/v1/departments/*/history', async (route) => {
      const real = (await (await route.fetch()).json()) as { department: unknown };
      await route.fulfill({ json: { department: real.department, rounds: [] } });
    });
    await headPage.reload();
    await headPage.getByTestId('no-results').getByText('暂无已发布的测评结果').waitFor();
    await expect.poll(() => headPage.getByTestId('mydept-title').textContent()).toBe(`本部门：${myCase.departmentName}`);
    await screenshot(headPage, 'my-department-empty');
    await headPage.unroute('**/api/v1/departments/*/history');
  });

  it('writes a plan and a commitment, logs two visits and submits', async () => {
    await headPage.getByTestId('nav').getByRole('menuitem', { name: '整改' }).click();
    await headPage.getByTestId(`case-link-${myCase.id}`).click();
    await headPage.getByTestId('plan-editor').waitFor();
    await expect.poll(() => status(headPage).textContent()).toBe('整改中');

    // Submitting too early says what is missing.
    await headPage.getByTestId('submit-case').click();
    await expect.poll(() => headPage.getByTestId('submit-problem').textContent()).toContain('请先填写并保存整改方案和整改承诺');

    await headPage.getByTestId('save-plan').click();
    await headPage.getByText('请填写查找的问题（不超过 5000 字）。').waitFor();
    await headPage.getByLabel('查找的问题').fill('审批环节多、企业多次跑腿；执法检查事前告知不到位。');
    // One measure row per top reason for 不满意 is there already (aimed at it); each needs filling in.
    const rows = await headPage.getByTestId('measures-table').locator('tbody tr.ant-table-row').count();
    expect(rows).toBeGreaterThanOrEqual(1);
    await headPage.getByLabel('措施 1').fill('推行“一窗通办”，压减审批材料三分之一');
    for (let i = 1; i <= rows; i++) {
      if (i > 1) await headPage.getByLabel(`措施 ${i}`).fill(`针对企业反映的第 ${i} 项原因：限时办结并回访`);
      await headPage.getByLabel(`责任人 / 科室 ${i}`).fill('审批科');
      await headPage.getByLabel(`完成时限 ${i}`).fill('2026-12-31');
    }
    await headPage.getByLabel('整改承诺').fill('本人承诺：三十日内整改到位，逐户回访企业，接受监督。');
    await headPage.getByTestId('plan-unsaved').waitFor();
    await headPage.getByTestId('save-plan').click();
    await headPage.getByText('整改方案已保存。').waitFor();
    await headPage.getByTestId('plan-unsaved').waitFor({ state: 'detached' });

    await headPage.getByTestId('submit-case').click();
    await expect.poll(() => headPage.getByTestId('submit-problem').textContent()).toContain('请至少登记一条台账记录');

    for (const [i, enterprise] of ['仙桃市甲食品有限公司', '仙桃市乙纺织有限公司'].entries()) {
      await headPage.getByTestId('add-ledger').click();
      const dialog = headPage.getByRole('dialog');
      await dialog.getByLabel('日期').fill(`2026-11-${10 + i}`);
      await dialog.getByLabel('走访 / 联系的企业').fill(enterprise);
      await dialog.getByLabel('企业反映的问题').fill('占道经营整治告知不及时');
      await dialog.getByLabel('采取的措施').fill('上门说明政策，约定整改时限');
      await button(dialog, '保存').click();
      await dialog.waitFor({ state: 'detached' });
      await headPage.getByTestId('ledger-table').getByText(enterprise).waitFor();
    }
    await expect.poll(() => headPage.getByTestId('ledger-count').textContent()).toBe('2 条');
    await headPage
      .getByTestId(/^ledger-toggle-/)
      .first()
      .click();
    await headPage.getByText('台账状态已更新。').waitFor();
    await expect
      .poll(() =>
        headPage
          .getByTestId(/^ledger-toggle-/)
          .first()
          .getAttribute('aria-checked'),
      )
      .toBe('true');

    await headPage.getByLabel('进展情况').fill('已走访 2 家企业，1 家问题已解决。');
    await headPage.getByRole('button', { name: '添加附件' }).click();
    await headPage.getByLabel('附件名称').fill('走访照片');
    await headPage.getByLabel('链接（选填）').fill('https://example.gov.cn/photo.jpg');
    await headPage.getByTestId('add-progress').click();
    await headPage.getByTestId('progress-section').getByRole('link', { name: '走访照片' }).waitFor();
    await screenshot(headPage, 'rectification-head-editing');

    await headPage.getByTestId('submit-case').click();
    await button(headPage.getByRole('dialog'), '提交').click();
    await headPage.getByTestId('locked-note').getByText('已提交审核').waitFor();
    await expect.poll(() => status(headPage).textContent()).toBe('待审核');
    await expect.poll(() => headPage.getByTestId('plan-editor').count()).toBe(0);
    await expect.poll(() => headPage.getByTestId('commitment').textContent()).toContain('本人承诺：三十日内整改到位');
  });
});

describe('the office reviews it', () => {
  it('returns it with a comment, which the head sees, and the head resubmits', async () => {
    await login(adminPage, 'admin');
    await adminPage.getByTestId('nav').getByRole('menuitem', { name: '整改' }).click();
    const table = adminPage.getByTestId('case-table');
    await table.getByText(other.departmentName).first().waitFor();
    await screenshot(adminPage, 'rectification-list-admin');
    await adminPage.goto('/rectification?status=submitted');
    await table.getByTestId(`case-link-${myCase.id}`).waitFor();
    expect(new Set(await table.getByTestId('case-status').allTextContents())).toEqual(new Set(['待审核']));
    await adminPage.getByTestId(`case-link-${myCase.id}`).click();
    await adminPage.getByTestId('review-panel').waitFor();
    await adminPage.getByTestId('review-return').click();
    await adminPage.getByText('退回时请填写修改意见（至少 2 个字）。').waitFor();
    await adminPage.getByTestId('review-comment').fill('请补充对两家企业的回访记录。');
    await adminPage.getByTestId('review-return').click();
    await adminPage.getByTestId('review-history').getByText('请补充对两家企业的回访记录。').waitFor();
    await expect.poll(() => status(adminPage).textContent()).toBe('已退回');
    await expect.poll(() => adminPage.getByTestId('review-panel').count()).toBe(0);
    await screenshot(adminPage, 'rectification-admin-returned');

    await openCase(headPage);
    await expect.poll(() => headPage.getByTestId('returned-alert').textContent()).toContain('请补充对两家企业的回访记录。');
    await expect.poll(() => status(headPage).textContent()).toBe('已退回');
    await headPage.getByTestId('plan-editor').waitFor();
    await headPage.getByTestId('add-ledger').click();
    const dialog = headPage.getByRole('dialog');
    await dialog.getByLabel('走访 / 联系的企业').fill('仙桃市甲食品有限公司（回访）');
    await dialog.getByLabel('企业反映的问题').fill('回访整改效果');
    await dialog.getByLabel('采取的措施').fill('电话回访，企业表示满意');
    await button(dialog, '保存').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => headPage.getByTestId('ledger-count').textContent()).toBe('3 条');
    await screenshot(headPage, 'rectification-head-returned');
    await headPage.getByTestId('submit-case').click();
    await button(headPage.getByRole('dialog'), '提交').click();
    await headPage.getByTestId('locked-note').waitFor();
    await expect.poll(() => status(headPage).textContent()).toBe('待审核');
  });

  it('accepts it once every open problem was called back or a reason given: the case is closed for everyone', async () => {
    await openCase(adminPage);
    // Two ledger problems are still open: closing needs a call-back (回访) or a reason for each.
    const waivers = adminPage.getByTestId('review-waivers');
    const open = await waivers.locator('input').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.replace('waiver-', '')));
    expect(open).toHaveLength(2);
    await adminPage.getByTestId('review-accept').click();
    await adminPage.getByText('还有未解决的台账没有回访').waitFor();
    await adminPage.getByTestId(`callback-add-${open[0]}`).click();
    const dialog = adminPage.getByRole('dialog');
    await dialog.locator('label.ant-radio-wrapper').nth(0).click(); // reached: yes
    await dialog.locator('label.ant-radio-wrapper').nth(2).click(); // solved: yes
    await dialog.locator('label.ant-radio-wrapper').nth(4).click(); // satisfied: yes
    await dialog.getByLabel('回访记录（选填，不进入审计日志）').fill('企业表示已按约定整改。');
    await button(dialog, '保存').click();
    await dialog.waitFor({ state: 'detached' });
    await adminPage.getByTestId(`callback-${open[0]}`).getByText('问题已解决，企业满意').waitFor();
    await expect.poll(() => waivers.locator('input').count()).toBe(1);
    await adminPage.getByTestId(`waiver-${open[1]}`).fill('企业已搬离本市，联系不上');
    await adminPage.getByTestId('review-comment').fill('整改到位，同意销号。');
    await adminPage.getByTestId('review-accept').click();
    await adminPage.getByTestId('locked-note').getByText('整改已审核通过并销号').waitFor();
    await expect.poll(() => status(adminPage).textContent()).toBe('已销号');
    const history = await adminPage.getByTestId('review-history').textContent();
    expect(history).toContain('退回修改');
    expect(history).toContain('审核通过');
    expect(history).toContain('整改到位，同意销号。');
    await adminPage.getByTestId(`callback-${open[1]}`).getByText('免回访：企业已搬离本市，联系不上').waitFor();
    await screenshot(adminPage, 'rectification-closed-admin');

    await openCase(headPage);
    await expect.poll(() => status(headPage).textContent()).toBe('已销号');
    await expect.poll(() => headPage.getByTestId('submit-card').count()).toBe(0);
    await expect.poll(() => headPage.getByTestId('plan-view').textContent()).toContain('推行“一窗通办”');
    await headPage.getByTestId('nav').getByRole('menuitem', { name: '整改' }).click();
    const row = headPage
      .getByTestId('case-table')
      .locator('tr.ant-table-row')
      .filter({ has: headPage.getByTestId(`case-link-${myCase.id}`) });
    await expect.poll(() => row.getByTestId('case-status').textContent()).toBe('已销号');
    await expect.poll(() => row.textContent()).toContain('3 条');
    await screenshot(headPage, 'rectification-list-head');

    // The same page in English.
    await headPage.getByTestId('lang-switch').click();
    await headPage.getByRole('heading', { name: 'Rectification' }).waitFor();
    await expect.poll(() => row.getByTestId('case-status').textContent()).toBe('Closed');
    await headPage.getByTestId('lang-switch').click();
  });
});
