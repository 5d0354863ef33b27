// Requests to departments (诉求直通) on a 375×812 phone: the enterprise submits its survey, raises a request
// from the thank-you page, the department's head replies from the queue, the enterprise reads the reply
// by its request code (at /r too) and rates it. Texts stay text.
import { describe, expect, it } from 'vitest';
import { axeSerious } from '../support/axe.ts';
import { httpClient, login, openRoundForSurvey, screenshot, startE2e } from '../support/e2e.ts';
import { completeSubmission } from '../support/survey.ts';

const e2e = await startE2e();

const { api } = httpClient(e2e.baseUrl);
const { tokens } = await openRoundForSurvey(e2e.baseUrl, ['2036Q1', '2036Q2', '2036Q3', '2036Q4'], 6);
const SCREEN = { width: 375, height: 812 };
const departments = await api<{ id: number; code: string; nameZh: string }[]>('GET', '/departments');
const target = departments.find((d) => d.code === 'scjgj')!;
const TEXT = '<b>检查</b> 一个月来了三次，能否合并检查？';

describe('requests to departments', () => {
  it('an enterprise raises a request after submitting, the head replies, the enterprise reads it and rates it', async () => {
    const token = tokens[0]!;
    // The answers are already in the draft: this test is about what follows the submit.
    const view = await api<{ departments: { id: number }[] }>('GET', `/survey/${token}`, undefined, null);
    const res = await fetch(`${e2e.baseUrl}/api/v1/survey/${token}/draft`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ratings: view.departments.map((d) => ({ departmentId: d.id, level: 'satisfied' })), leastSatisfied: [] }),
    });
    expect(res.status).toBe(200);

    const page = await e2e.newPage({ viewport: SCREEN });
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await page.goto(`/s/${token}`);
    await page.getByTestId('answered').waitFor();
    await page.getByRole('button', { name: '下一步：选择最不满意部门' }).click();
    await page.getByRole('button', { name: '提交问卷' }).click();
    await page.getByTestId('thank-you').waitFor();
    const receipt = (await page.getByTestId('receipt-code').innerText()).trim();
    // The request form is a chunk of its own, fetched only when asked for.
    expect(scripts.some((s) => /Requests/.test(s))).toBe(false);

    await page.getByTestId('request-open').click();
    await page.getByTestId('request-form').waitFor();
    expect(scripts.some((s) => /Requests/.test(s))).toBe(true);
    await expect.poll(() => page.getByTestId('request-receipt').count()).toBe(0); // the receipt just shown is used
    await page.getByTestId('request-department').selectOption({ label: target.nameZh });
    await page.getByTestId('request-category').selectOption('inspection');
    await page.getByTestId('request-text').fill(TEXT);
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(SCREEN.width);
    expect(await axeSerious(page)).toEqual([]);
    await page.getByTestId('request-submit').click();
    const code = (await page.getByTestId('request-code').innerText()).trim();
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}$/);
    // Shown once, so it can be copied, and it breaks between groups only: each group sits on one line.
    await page.getByTestId('request-code-copy').waitFor();
    const groups = await page
      .getByTestId('request-code')
      .locator('.receipt__group')
      .evaluateAll((els) => els.map((el) => el.getClientRects().length));
    expect(groups).toEqual([1, 1, 1, 1]);
    await screenshot(page, 'request-created');
    await page.getByTestId('request-view').click();
    // Held until the next batch of responses: the enterprise reads it at once and is told why it waits.
    await page.getByTestId('request-thread').getByText('已收到，将随下一批答卷转交部门').waitFor();
    await page.getByTestId('request-held').waitFor();
    expect(await axeSerious(page)).toEqual([]);
    // Four more enterprises submit, the timer ticks: the batch of five is reported and the request released.
    for (const other of tokens.slice(1, 5)) {
      const submitted = await fetch(`${e2e.baseUrl}/api/v1/survey/${other}/submit`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(completeSubmission(view.departments.map((d) => d.id))),
      });
      expect(submitted.status).toBe(200);
    }
    await e2e.tick();
    await page.goto('/r');
    // The page names the organising office and its help line (the demo's city profile).
    await expect.poll(() => page.getByTestId('issuer-phone').innerText()).toBe('咨询电话：0728-3312345');
    await expect.poll(() => page.locator('header').innerText()).toContain('组织单位：仙桃市优化营商环境工作领导小组办公室');
    await page.getByRole('button', { name: code }).click();
    await page.getByTestId('request-thread').getByText('等待部门答复').waitFor();
    await expect.poll(() => page.getByTestId('request-thread').innerText()).toContain(TEXT); // shown as typed, not as markup
    await expect.poll(() => page.locator('[data-testid="request-thread"] b').count()).toBe(0);
    expect(receipt).not.toBe(code);

    // The head of 市场监管局 replies from the queue, on a phone too.
    const head = await e2e.newPage({ viewport: SCREEN });
    await login(head, 'head.scjgj', '/requests');
    // The demo's department has requests of its own: this one is found by its text.
    const row = head.getByTestId('requests-table').getByRole('row').filter({ hasText: '一个月来了三次' }).first();
    await row.click();
    const thread = head.getByTestId(/^request-thread-/).filter({ hasText: '一个月来了三次' });
    await thread.getByTestId('reply-text').fill('已安排专人联系，下月起合并为一次联合检查。');
    await thread.getByTestId('reply-send').click();
    await thread.getByText('已安排专人联系，下月起合并为一次联合检查。', { exact: true }).waitFor();
    await screenshot(head, 'request-head-queue');

    // Back on the enterprise's phone, later, at /r with the code kept on this phone.
    await page.goto('/r');
    await page.getByRole('button', { name: code }).click();
    await page.getByTestId('request-replies').getByText('已安排专人联系，下月起合并为一次联合检查。').waitFor();
    await page.getByTestId('resolved-yes').check();
    await page.getByTestId('satisfied-yes').check();
    await page.getByTestId('feedback-submit').click();
    await page.getByTestId('request-feedback-given').filter({ hasText: '问题已解决；满意' }).waitFor();
    expect(await axeSerious(page)).toEqual([]);
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(SCREEN.width);
    await screenshot(page, 'request-thread');

    // The head sees the enterprise's rating; the admin sees the request among all, nothing overdue.
    await head.reload();
    await head.getByTestId('requests-table').getByRole('row').filter({ hasText: '一个月来了三次' }).first().click();
    await head
      .getByTestId(/^request-thread-/)
      .filter({ hasText: '一个月来了三次' })
      .getByTestId('request-feedback')
      .filter({ hasText: '问题已解决，满意' })
      .waitFor();
    const admin = await e2e.newPage();
    await login(admin, 'admin', '/requests');
    // The demo has one request past its first-reply target: flagged, and counted at the top.
    await admin.getByTestId('overdue-count').filter({ hasText: '1 件诉求超过首次答复时限仍未答复' }).waitFor();
    await expect.poll(() => admin.getByTestId('overdue-tag').count()).toBe(1);
    await expect.poll(() => admin.getByTestId('requests-table').innerText()).toContain(target.nameZh);
    await screenshot(admin, 'requests-admin');
    // The dashboard: requests per department and quarter, with the median first reply and the shares.
    await admin.goto('/dashboard');
    const stats = admin.getByTestId('request-stats');
    await stats.getByText(target.nameZh).first().waitFor();
    await stats.getByTestId('request-overdue-now').filter({ hasText: '当前超时未答复：1 件' }).waitFor();
    await page.context().close();
    await head.context().close();
    await admin.context().close();
  });
});
