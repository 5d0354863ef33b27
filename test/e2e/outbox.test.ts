// The admin's outbox page without a gateway (the demo): the round's invitations wait in the outbox, the
// page says nothing was sent and offers today's SMS as the .xlsx the city's SMS platform imports.
import { describe, expect, it } from 'vitest';
import { login, openRoundForSurvey, startE2e } from '../support/e2e.ts';

const e2e = await startE2e();

describe('the outbox page', () => {
  it('shows the queued invitations, says no gateway sends them, and downloads them', async () => {
    const { roundId, tokens } = await openRoundForSurvey(e2e.baseUrl, ['2043Q1', '2043Q2', '2043Q3', '2043Q4'], 8);
    await e2e.outboxTick();
    const page = await e2e.newPage();
    await login(page, 'admin');
    await page.goto(`/rounds/${roundId}`);
    await page.getByRole('link', { name: /短信与邮件/ }).click();
    await page.getByRole('heading', { name: /短信与邮件/ }).waitFor();
    await page.getByText('未配置短信网关').waitFor();
    const counts = page.getByTestId('outbox-counts');
    await expect.poll(async () => counts.locator('.ant-statistic').first().innerText()).toContain(String(tokens.length));
    await expect.poll(async () => page.getByTestId('outbox-messages').locator('tbody tr').count()).toBe(tokens.length);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /下载今日短信/ }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^sms-${roundId}-\\d{4}-\\d{2}-\\d{2}\\.xlsx$`));
  });
});
