// Reasons for 不满意 in the browser: a firm picks them on a 375 px phone, one tap each, at most three;
// a flagged department's head sees its reasons on 本部门 and the plan that answers them; the printed report
// and the public page show the flagged departments' reasons (and, in the report, the plan's answer to each).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { httpClient, login, openRoundForSurvey, screenshot, startE2e } from '../support/e2e.ts';

const e2e = await startE2e();
const { api } = httpClient(e2e.baseUrl);
const SCREEN = { width: 375, height: 812 };

describe('a firm on a phone', () => {
  it('picks up to three reasons when it rates a department 不满意, and they travel with the answer', async () => {
    const { tokens } = await openRoundForSurvey(e2e.baseUrl, ['2036Q1', '2036Q2', '2036Q3', '2036Q4'], 3);
    const token = tokens[0]!;
    const page = await e2e.newPage({ phone: true });
    await page.setViewportSize(SCREEN);
    await page.goto(`/s/${token}`);
    await page.getByTestId('answered').waitFor();

    const first = page.locator('fieldset[data-testid="department"]').first();
    const rowId = await first.getAttribute('id');
    const row = page.locator(`#${rowId}`);
    await row.getByRole('radio', { name: '不满意', exact: true }).click();
    const reasons = row.getByRole('group', { name: '不满意的主要原因（选填，最多 3 项）' });
    await reasons.waitFor();
    await expect.poll(() => reasons.getByRole('checkbox').count()).toBe(7);
    for (const name of ['多次跑动', '办事效率低', '服务态度差']) await reasons.getByRole('checkbox', { name }).click();
    // The fourth waits until one is taken back.
    await expect.poll(() => reasons.getByRole('checkbox', { name: '其他' }).isDisabled()).toBe(true);
    await reasons.getByRole('checkbox', { name: '服务态度差' }).click();
    await reasons.getByRole('checkbox', { name: '材料要求不明' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(SCREEN.width);
    await screenshot(page, 'survey-reasons');
    await row.getByRole('button', { name: '完成' }).click();
    await row.getByRole('button', { name: /不满意\s*3 项原因\s*修改$/ }).waitFor();
    await page
      .getByTestId('save-status')
      .filter({ hasText: /^已保存/ })
      .waitFor();
    const draft = (await api<{ draft: { ratings: { reasons?: string[] }[] } }>('GET', `/survey/${token}`, undefined, null)).draft;
    expect(draft.ratings[0]!.reasons).toEqual(['repeat_trips', 'slow', 'unclear_requirements']);

    // Changing the answer away from 不满意 drops the reasons.
    await row.getByRole('button').click();
    await row.getByRole('radio', { name: '基本满意', exact: true }).click();
    await expect.poll(() => page.locator(`#${rowId} [data-testid="reasons"]`).count()).toBe(0);
    await page.context().close();
  });
});

describe("a flagged department's head", () => {
  const head = 'head.cgj';
  let page: Page;

  it('sees on 本部门 why firms were dissatisfied, counts under 3 as "<3"', async () => {
    page = await e2e.newPage();
    await login(page, head);
    await page.waitForURL('**/my-department');
    const card = page.getByTestId('reasons-card');
    await card.waitFor();
    const tags = card.getByTestId('reason');
    await expect.poll(() => tags.first().getAttribute('data-code')).toBe('repeat_trips');
    await expect.poll(() => tags.first().textContent()).toMatch(/^多次跑动 \d+$/);
    await expect.poll(() => tags.count()).toBe(7);
    await screenshot(page, 'my-department-reasons');
  });

  it('sees its top reasons on the rectification case, each answered by a measure', async () => {
    const cases = await api<{ id: number; roundId: string; departmentCode: string }[]>('GET', '/rectification/cases');
    const latest = cases.filter((c) => c.departmentCode === 'cgj').sort((a, b) => b.roundId.localeCompare(a.roundId))[0]!;
    const detail = await api<{ topReasons: { code: string; count: number }[] }>('GET', `/rectification/cases/${latest.id}`);
    expect(detail.topReasons[0]!.code).toBe('repeat_trips');
    await page.goto(`/rectification/${latest.id}`);
    const top = page.getByTestId('top-reasons');
    await top.waitFor();
    await expect.poll(() => top.getByTestId('top-reason').first().textContent()).toBe(`多次跑动 · ${detail.topReasons[0]!.count} 家企业`);
    // The plan's first measures are aimed at the top reasons, in their order: read back (a submitted case) or in
    // the head's editor (a case still being worked on, or not started: then one row per top reason to begin with).
    const section = page.getByTestId('plan-section');
    const aimed = section
      .getByTestId('measure-reason')
      .or(section.locator('.ant-select').filter({ has: page.getByRole('combobox', { name: /^针对原因 \d+$/ }) }));
    await aimed.first().waitFor();
    const labels: Record<string, string> = {
      repeat_trips: '多次跑动',
      slow: '办事效率低',
      unclear_requirements: '材料要求不明',
      policy_not_implemented: '政策落实不到位',
      poor_attitude: '服务态度差',
      improper_fees: '乱收费或吃拿卡要',
      other: '其他',
    };
    expect((await aimed.allTextContents()).slice(0, detail.topReasons.length)).toEqual(detail.topReasons.map((r) => labels[r.code]));
    await screenshot(page, 'rectification-reasons');
    await page.context().close();
  });
});

describe('the report and the public page', () => {
  it('the report lists each flagged department’s reasons and what its plan does about each top reason', async () => {
    const cases = await api<{ id: number; roundId: string; departmentCode: string }[]>('GET', '/rectification/cases');
    // A quarter in which 城管局 was flagged and its head wrote a plan.
    let roundId = '';
    for (const c of cases.filter((x) => x.departmentCode === 'cgj')) {
      const detail = await api<{ plan: unknown }>('GET', `/rectification/cases/${c.id}`);
      if (detail.plan) {
        roundId = c.roundId;
        break;
      }
    }
    expect(roundId).not.toBe('');
    const page = await e2e.newPage();
    await login(page, 'leader', `/report/${roundId}`);
    const section = page.getByTestId('report-reasons');
    await section.waitFor();
    const cgj = section.getByTestId('report-reasons-department').filter({ hasText: '城市管理执法局' });
    expect(await cgj.getByTestId('reason').first().textContent()).toMatch(/^多次跑动 \d+$/);
    const answers = cgj.getByTestId('report-plan-answers');
    await answers
      .getByRole('row', { name: /多次跑动/ })
      .getByText(/推行“一次办好”/)
      .waitFor();
    await screenshot(page, 'report-reasons');
    await page.context().close();
  });

  it('the public page shows the flagged departments’ reasons, fewer than 3 as "<3", and says which ranking is official', async () => {
    const rounds = await api<{ id: string; flagged: { code: string }[] }[]>('GET', '/public/rounds', undefined, null);
    const latest = rounds.find((r) => r.flagged.some((d) => d.code === 'cgj'))!;
    const page = await e2e.newPage({ phone: true });
    await page.setViewportSize(SCREEN);
    await page.goto(`/public/rounds/${latest.id}`);
    const flagged = page.getByTestId('public-flagged');
    await flagged.getByTestId('public-reasons').first().waitFor();
    expect(await flagged.getByTestId('public-reasons').count()).toBe(latest.flagged.length);
    const tags = await flagged.getByTestId('reason').allTextContents();
    expect(tags.some((t) => /^多次跑动 \d+$/.test(t))).toBe(true);
    expect(tags.some((t) => t.endsWith('<3'))).toBe(true);
    await page.getByTestId('public-official-ranking').getByText('正式排名按答卷直接计算（不加权）').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(SCREEN.width);
    await page.context().close();
  });
});
