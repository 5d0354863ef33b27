// 意见建议 in the browser: a quarter is run over HTTP with comments that carry markup; admins, leaders
// and supervisors read them as text on the round's comments page; an admin releases them; the head of
// 市城市管理执法局 then reads the one addressed to their department, as text, and no overall comments.
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { quarterLabel } from '#shared/round-lifecycle.ts';
import { chooseOption, httpClient, login, screenshot, startE2e } from '../support/e2e.ts';

const e2e = await startE2e();

// ---- The office's side over HTTP, with the admin's cookie.

const { api } = httpClient(e2e.baseUrl);

const DEPT_COMMENT = '<img src=x onerror="window.__xss=1">审批太慢';
const OVERALL_COMMENT = '<script>window.__xss=2</script>整体不错';
const CGJ = '市城市管理执法局';
const DAY = 86_400_000;

/** A free far-future quarter, run now: 3 responses, one with the comments above; closed, computed, published. */
async function runRound(): Promise<string> {
  const taken = new Set((await api<{ id: string }[]>('GET', '/rounds')).map((r) => r.id));
  const id = ['2032Q1', '2032Q2', '2032Q3', '2032Q4', '2033Q1'].find((q) => !taken.has(q))!;
  const now = Date.now();
  await api('POST', '/rounds', {
    id,
    sampleSize: 3,
    opensAt: new Date(now - DAY).toISOString(),
    closesAt: new Date(now + 7 * DAY).toISOString(),
  });
  await api('POST', `/rounds/${id}/freeze`);
  await api('POST', `/rounds/${id}/draw`, { seed: 'comments e2e' });
  await api('POST', `/rounds/${id}/open`);
  const invitations = await api<{ link: string | null }[]>('GET', `/rounds/${id}/invitations`);
  const tokens = invitations.flatMap((i) => (i.link ? [i.link.split('/s/')[1]!] : []));
  expect(tokens).toHaveLength(3);
  for (const [i, token] of tokens.entries()) {
    const view = await api<{ departments: { id: number; code: string }[] }>('GET', `/survey/${token}`, undefined, null);
    expect(view.departments.some((d) => d.code === 'cgj')).toBe(true);
    const ratings = view.departments.map((d) =>
      d.code === 'cgj'
        ? { departmentId: d.id, level: 'dissatisfied', ...(i === 0 ? { comment: DEPT_COMMENT } : {}) }
        : { departmentId: d.id, level: 'satisfied' },
    );
    await api(
      'POST',
      `/survey/${token}/submit`,
      {
        submissionId: randomUUID(),
        ratings,
        leastSatisfied: [],
        ...(i === 0 ? { comment: OVERALL_COMMENT } : {}),
      },
      null,
    );
  }
  await api('POST', `/rounds/${id}/close`);
  await api('POST', `/rounds/${id}/compute`);
  await api('POST', `/rounds/${id}/publish`);
  return id;
}

const roundId = await runRound();
const quarter = quarterLabel(roundId, 'zh');

const xss = (page: Page) => page.evaluate(() => (window as unknown as { __xss?: number }).__xss);
const cgjCard = (page: Page) => page.locator('[data-testid="department"][data-code="cgj"]');

describe('enterprise comments (意见建议)', () => {
  it('a leader reads them as text, and has no release button', async () => {
    const page = await e2e.newPage();
    // From the round's page, once it is closed or published.
    await login(page, 'leader', `/rounds/${roundId}`);
    await page.getByRole('button', { name: '意见建议' }).click();
    await page.waitForURL(`**/rounds/${roundId}/comments`);
    await page
      .getByTestId('comments-title')
      .filter({ hasText: `意见建议：${quarter}` })
      .waitFor();

    await cgjCard(page).getByTestId('comment').first().waitFor();
    await expect.poll(() => cgjCard(page).getByTestId('comment').allTextContents()).toEqual([DEPT_COMMENT]);
    await expect.poll(() => page.getByTestId('overall-comments').getByTestId('comment').allTextContents()).toEqual([OVERALL_COMMENT]);
    expect((await page.getByTestId('release-state').textContent())?.trim()).toBe('尚未向部门发布');
    await page.getByText('向部门发布意见建议由营商办管理员进行。').waitFor();
    await expect.poll(() => page.getByTestId('release-comments').count()).toBe(0);
    await expect.poll(() => page.getByRole('button', { name: '向部门发布意见建议' }).count()).toBe(0);
    expect(await xss(page)).toBeUndefined();
    await screenshot(page, 'comments-leader');
    await page.context().close();
  });

  it('an admin sees the comments as literal text, filters them, and releases them to departments', async () => {
    const page = await e2e.newPage();
    // The dashboard links to the comments of the round it shows.
    await login(page, 'admin', `/dashboard?round=${roundId}`);
    await page.getByRole('button', { name: '意见建议' }).click();
    await page.waitForURL(`**/rounds/${roundId}/comments`);
    await page
      .getByTestId('comments-title')
      .filter({ hasText: `意见建议：${quarter}` })
      .waitFor();

    const card = cgjCard(page);
    await card.getByTestId('comment').first().waitFor();
    await expect.poll(() => card.getByTestId('department-name').textContent()).toBe(CGJ);
    await expect.poll(() => card.getByTestId('comment').allTextContents()).toEqual([DEPT_COMMENT]);
    expect((await card.getByTestId('comment-count').textContent())?.trim()).toBe('1');
    // No element came out of the comment: it is text, not markup.
    await expect.poll(() => card.locator('img').count()).toBe(0);
    const overall = page.getByTestId('overall-comments');
    await expect.poll(() => overall.getByTestId('comment').allTextContents()).toEqual([OVERALL_COMMENT]);
    await expect.poll(() => overall.locator('script').count()).toBe(0);
    // By default only departments with comments: here, 城管局 alone.
    await expect.poll(() => page.getByTestId('department').count()).toBe(1);
    expect((await page.getByTestId('release-state').textContent())?.trim()).toBe('尚未向部门发布');
    expect(await xss(page)).toBeUndefined();

    // Search, and pick one department (with no comments) from the filter.
    await page.getByTestId('comments-search').locator('input').fill('审批太慢');
    await page.getByText('显示 1 个部门').waitFor();
    await page.getByTestId('comments-search').locator('input').fill('没有这条意见');
    await page.getByText('没有符合条件的部门或意见。').first().waitFor();
    await expect.poll(() => overall.getByText('没有符合搜索条件的总体意见。').count()).toBe(1);
    await page.getByTestId('comments-search').locator('input').fill('');
    await page.getByTestId('department-filter').click();
    await page.keyboard.type('市场监督');
    await page.locator('.ant-select-item-option').filter({ hasText: '市市场监督管理局' }).click();
    await page.getByTestId('department').filter({ hasText: '本轮没有企业写给该部门的意见建议。' }).waitFor();
    await expect.poll(() => page.getByTestId('department').count()).toBe(1);
    await page.getByTestId('department-filter').hover();
    await page.getByTestId('department-filter').locator('.ant-select-clear').click();
    await card.waitFor();
    await screenshot(page, 'comments-admin');

    // Release: a confirmation that says what departments will see.
    await page.getByRole('button', { name: '向部门发布意见建议' }).click();
    const dialog = page.locator('.ant-modal-confirm');
    await dialog
      .locator('.ant-modal-confirm-title')
      .filter({ hasText: `向各部门发布 ${quarter} 的意见建议？` })
      .waitFor();
    await expect.poll(() => dialog.textContent()).toContain('每个部门的负责人将在“本部门”页面看到企业写给本部门的意见建议');
    await expect.poll(() => dialog.textContent()).toContain('没有任何关于是哪家企业所写的信息');
    await screenshot(page, 'comments-release-confirm');
    await dialog.getByRole('button', { name: '确认发布' }).click();
    await page
      .getByTestId('release-state')
      .filter({ hasText: /^已向各部门发布 / })
      .waitFor();
    await expect.poll(() => page.getByRole('button', { name: '向部门发布意见建议' }).count()).toBe(0);
    const after = await api<{ releasedAt: string | null }>('GET', `/rounds/${roundId}/comments`);
    expect(after.releasedAt).not.toBeNull();
    expect(await xss(page)).toBeUndefined();
    await screenshot(page, 'comments-released');

    // The same page in English.
    await page.getByTestId('lang-switch').click();
    await page
      .getByTestId('comments-title')
      .filter({ hasText: `Comments: ${quarterLabel(roundId, 'en')}` })
      .waitFor();
    await page
      .getByTestId('release-state')
      .filter({ hasText: /^Released to departments / })
      .waitFor();
    await expect.poll(() => cgjCard(page).getByTestId('comment').allTextContents()).toEqual([DEPT_COMMENT]);
    await page.getByTestId('lang-switch').click();
    await page.getByTestId('comments-title').filter({ hasText: '意见建议：' }).waitFor();
    await page.context().close();
  });

  it('the head of 市城市管理执法局 then reads their comment as text on 本部门, and no overall comment', async () => {
    const page = await e2e.newPage();
    await login(page, 'head.cgj');
    await page.waitForURL('**/my-department');
    await page
      .getByTestId('mydept-title')
      .filter({ hasText: `本部门：${CGJ}` })
      .waitFor();
    const select = page.getByTestId('round-select');
    await chooseOption(page, select, quarter);

    const comments = page.getByTestId('comments-card');
    await comments.getByTestId('comment').first().waitFor();
    await expect.poll(() => comments.getByTestId('comment').allTextContents()).toEqual([DEPT_COMMENT]);
    await expect.poll(() => comments.locator('img').count()).toBe(0);
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toContain('整体不错');
    expect(text).not.toContain('<script>');
    expect(await xss(page)).toBeUndefined();
    await screenshot(page, 'comments-head');

    // The office's comments page is not theirs.
    await page.goto(`/rounds/${roundId}/comments`);
    await page.getByTestId('no-access').waitFor();
    expect(await xss(page)).toBeUndefined();
    await page.context().close();
  });
});
