// 干部积分 in the browser: the organisation department's standings, cadre record, ledger with four-eyes
// review across two logins, the shortlist; and a head seeing what the escalation measures cost.
import { describe, expect, it } from 'vitest';
import { login, screenshot, startE2e } from '../support/e2e.ts';

const e2e = await startE2e();

describe('cadre points', () => {
  it('org starts on the standings, opens a cadre and sees the breakdown, the chart and the post history', async () => {
    const page = await e2e.newPage();
    await login(page, 'org');
    await page.waitForURL('**/points');
    await expect
      .poll(() => page.getByTestId('nav').getByRole('menuitem').allTextContents())
      .toEqual(['干部积分', '积分台账', '积分审核', '晋升推荐', '干部名册导入']);
    const table = page.getByTestId('standings-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    await screenshot(page, 'points-standings');
    await table.locator('tbody tr.ant-table-row').first().getByRole('link').click();
    await page.getByTestId('cadre-title').waitFor();
    await page.getByTestId('points-chart').locator('svg').first().waitFor();
    await expect.poll(() => page.getByTestId('cadre-base-explain').textContent()).toMatch(/满 \d+ 年/);
    await expect.poll(() => page.getByTestId('cadre-tenures').locator('tbody tr.ant-table-row').count()).toBeGreaterThan(0);
    await screenshot(page, 'points-cadre');
    await page.context().close();
  });

  it('an entry submitted by org waits for org2; org cannot approve it', async () => {
    const page = await e2e.newPage();
    await login(page, 'org', '/points/ledger');
    await page.getByTestId('entry-add').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('entry-cadre').click();
    await page.keyboard.type('王志强');
    await page.locator('.ant-select-item-option').filter({ hasText: '王志强' }).first().click();
    await dialog.getByTestId('entry-rule').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '市级表彰奖励' }).click();
    await dialog.getByTestId('entry-reason').fill('e2e：获评市级先进工作者');
    await dialog.getByTestId('entry-evidence').fill('仙发〔2026〕99号');
    await dialog.getByRole('button', { name: '提交审核' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.goto('/points/review');
    // Four eyes: the submitter's own entry is listed apart, out of the queue they approve from, with no approve button.
    const mine = page.getByTestId('review-own-table').locator('tr', { hasText: 'e2e：获评市级先进工作者' });
    await mine.waitFor();
    await expect.poll(() => mine.getByTestId('review-approve').count()).toBe(0);
    await expect.poll(() => page.getByTestId('review-table').locator('tr', { hasText: 'e2e：获评市级先进工作者' }).count()).toBe(0);
    // Its evidence is shown, and the submitter is a person, not a login.
    await expect.poll(() => mine.getByTestId('entry-reason-text').textContent()).toContain('依据：仙发〔2026〕99号');
    await expect.poll(() => mine.getByTestId('entry-people').textContent()).toBe('组织部干部科');
    await page.context().close();

    const reviewer = await e2e.newPage();
    await login(reviewer, 'org2', '/points/review');
    const row = reviewer.getByTestId('review-table').locator('tr', { hasText: 'e2e：获评市级先进工作者' });
    // Ticked and approved in bulk, after a confirm that says how many.
    await row.locator('.ant-checkbox-input').check();
    await reviewer.getByTestId('review-bulk-approve').click();
    await reviewer
      .locator('.ant-popover')
      .filter({ hasText: '确认通过所选的 1 条记录' })
      .getByRole('button', { name: '通 过' })
      .or(reviewer.locator('.ant-popover').getByRole('button', { name: '通过' }))
      .first()
      .click();
    await row.waitFor({ state: 'detached' });
    await reviewer.goto('/points/ledger');
    const approved = reviewer.getByTestId('ledger-table').locator('tr', { hasText: 'e2e：获评市级先进工作者' });
    await approved.getByText('已生效').waitFor();
    await expect.poll(() => approved.getByTestId('entry-people').textContent()).toBe('组织部干部科审核人：组织部干部监督科');
    await reviewer.context().close();
  });

  it('the shortlist lists eligible cadres in points order and prints', async () => {
    const page = await e2e.newPage();
    await login(page, 'leader', '/points/shortlist');
    const rows = page.getByTestId('shortlist-table').locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    await expect.poll(() => rows.count()).toBe(10);
    const totals = (await rows.locator('td:nth-child(9) strong').allTextContents()).map(Number);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    await screenshot(page, 'points-shortlist');
    await page.goto('/points/shortlist/print?rank=researcher_4&places=5');
    await page.getByTestId('shortlist-print').locator('tbody tr.ant-table-row').first().waitFor();
    await page.context().close();
  });

  it("a head sees the points effect of the department's escalation measures", async () => {
    const page = await e2e.newPage();
    await login(page, 'head.cgj');
    await page.waitForURL('**/my-department');
    const card = page.getByTestId('points-effect');
    await card.getByTestId('points-effect-table').locator('tbody tr.ant-table-row').first().waitFor();
    await expect.poll(() => card.textContent()).toContain('诫勉谈话');
    await screenshot(page, 'points-head-effect');
    await page.context().close();
  });
});
