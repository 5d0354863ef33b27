// One truth per department: 城管局's latest quarter read on every page that speaks of it — 本部门, 数据看板,
// 问责督办, the department history, the public page and the printed report — says the same thing.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { httpClient, login, startE2e } from '../support/e2e.ts';

const e2e = await startE2e();
const { api } = httpClient(e2e.baseUrl);

const rounds = await api<{ id: string; status: string }[]>('GET', '/rounds');
const latest = rounds
  .filter((r) => r.status === 'published')
  .map((r) => r.id)
  .sort()
  .at(-1)!;
const CODE = 'cgj';
const NAME = '市城市管理执法局';

/** The state block of 城管局's latest quarter on the page, as a reader sees it. */
async function stateText(page: Page, scope = page.locator('body')): Promise<string> {
  const block = scope.locator(`[data-testid="quarter-state"][data-round="${latest}"][data-department="${CODE}"]`).first();
  await block.waitFor();
  return (await block.innerText()).trim();
}

describe('one state per department and quarter', () => {
  it('本部门, 数据看板, 问责督办, the department history, the public page and the report say the same of 城管局', async () => {
    const head = await e2e.newPage();
    await login(head, 'head.cgj', '/my-department');
    const mine = await stateText(head, head.getByTestId('verdict'));
    // The head's page never says "no escalation matters" while a measure or the case is still open.
    await head.getByTestId('open-matters').waitFor();
    await expect.poll(() => head.getByTestId('escalation-card').innerText()).not.toContain('无问责事项');
    // The open case is a link from the head's page.
    await expect
      .poll(() => head.getByTestId('verdict').locator('[data-part="rectification"] a').getAttribute('href'))
      .toMatch(/^\/rectification\/\d+$/);
    await head.context().close();

    // What it says: the place from the bottom, each measure with its status, the case with its deadline, and what comes next.
    expect(mine).toMatch(/第 \d+ 名，共 \d+ 个部门（倒数第 \d）/);
    expect(mine).toContain('调离岗位 · ');
    expect(mine).toMatch(/整改 · .+期限/);
    expect(mine).toContain('下一步');

    const admin = await e2e.newPage();
    const seen: Record<string, string> = { 本部门: mine };
    await login(admin, 'admin', `/dashboard?round=${latest}`);
    seen['数据看板'] = await stateText(admin, admin.getByTestId('bottom-three'));
    await admin.goto('/escalations');
    seen['问责督办'] = await stateText(admin, admin.getByTestId('open-states'));
    await admin.goto('/departments');
    await admin.getByRole('button', { name: NAME }).first().click();
    seen['部门评议记录'] = await stateText(admin, admin.getByTestId('evaluation-history'));
    await admin.goto(`/report/${latest}`);
    seen['打印报告'] = await stateText(admin, admin.getByTestId('report'));
    await admin.context().close();

    const visitor = await e2e.newPage();
    await visitor.goto(`/public/rounds/${latest}`);
    seen['公开通报'] = await stateText(visitor, visitor.getByTestId('public-flagged'));
    await visitor.context().close();

    for (const [surface, text] of Object.entries(seen)) expect(text, surface).toBe(mine);
  });

  it('问责督办 cards say what they count: this quarter, and what is still open over all quarters', async () => {
    const page = await e2e.newPage();
    await login(page, 'admin', '/escalations');
    const card = page.getByTestId('level-counts').locator('.ant-card[data-level="reassignment"]');
    await card.getByTestId('level-open').waitFor();
    const text = await card.innerText();
    expect(text).toMatch(/累计未办结：\d+ 个部门/);
    // 城管局's 调离岗位 is still open, so the cumulative count includes it even if this quarter's does not.
    const open = Number(/累计未办结：(\d+)/.exec(text)![1]);
    expect(open).toBeGreaterThanOrEqual(1);
    await page.context().close();
  });
});
