// The admin's outbox page without a gateway (the demo): the round's invitations wait in the outbox, the
// page says nothing was sent and offers today's SMS as the .xlsx the city's SMS platform imports. And the
// page's states: loading, an empty outbox (a draft round: nothing planned yet), a failed load with a retry.
import type { Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { httpClient, login, openRoundForSurvey, startE2e } from '../support/e2e.ts';

const e2e = await startE2e();
const { api } = httpClient(e2e.baseUrl);

describe('the outbox page', () => {
  it('shows the queued invitations, says no gateway sends them, and downloads them', async () => {
    const { roundId, tokens } = await openRoundForSurvey(e2e.baseUrl, ['2043Q1', '2043Q2', '2043Q3', '2043Q4'], 8);
    await e2e.outboxTick();
    const page = await e2e.newPage();
    await login(page, 'admin', `/rounds/${roundId}`);
    await page.getByRole('link', { name: /短信与邮件/ }).click();
    await page.getByRole('heading', { name: /短信与邮件/ }).waitFor();
    await page.getByText('未配置短信网关').waitFor();
    const counts = page.getByTestId('outbox-counts');
    await expect.poll(async () => counts.locator('.ant-statistic').first().innerText()).toContain(String(tokens.length));
    await expect.poll(async () => page.getByTestId('outbox-messages').locator('tbody tr').count()).toBe(tokens.length);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /下载今日短信/ }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^sms-${roundId}-\\d{4}-\\d{2}-\\d{2}\\.xlsx$`));
  });

  it('says it is loading, that the outbox is empty, and that it failed, with a retry that works', async () => {
    // A draft round (its outbox stays empty until it opens) with a plan of its own.
    const taken = new Set((await api<{ id: string }[]>('GET', '/rounds')).map((r) => r.id));
    const roundId = ['2044Q1', '2044Q2', '2044Q3', '2044Q4'].find((q) => !taken.has(q))!;
    await api('POST', '/rounds', {
      id: roundId,
      sampleSize: 3,
      opensAt: '2044-03-01T09:00:00+08:00',
      closesAt: '2044-03-15T18:00:00+08:00',
      contactPlan: { invitation: true, reminderDays: [5, 2], finalReminder: false },
    });
    const page = await e2e.newPage();
    const url = `**/api/v1/rounds/${roundId}/outbox`;
    // Loading: the outbox's answer is held back until the page has said it is loading.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(url, async (route: Route) => {
      await held;
      await route.fallback();
    });
    await login(page, 'admin', `/rounds/${roundId}/outbox`);
    await page.getByTestId('outbox-loading').getByText('正在加载…').waitFor();
    release();
    // Empty: the round has not opened, nothing is planned yet.
    await page.getByText('发件箱为空：本轮开放后，系统按计划准备邀请和提醒。').waitFor();
    await page.getByText('联络计划：开放时发送邀请；第 2、5 天提醒未提交企业；无截止前提醒').waitFor();
    await page.unroute(url);
    // The API fails: the page says so in its words, and the retry loads it once the API is back.
    await page.route(url, (route: Route) =>
      route.fulfill({ status: 503, json: { error: { code: 'database_unavailable', message: 'Database unavailable' } } }),
    );
    await page.reload();
    const failed = page.getByTestId('load-error');
    await failed.getByText('数据加载失败').waitFor();
    expect(await failed.innerText()).toContain('数据库暂时不可用，请稍后重试。');
    await page.unroute(url);
    await failed.getByRole('button', { name: /重\s?试/ }).click();
    await page.getByText('发件箱为空：本轮开放后，系统按计划准备邀请和提醒。').waitFor();
    expect(await page.getByTestId('load-error').count()).toBe(0);
  });
});
