// The dashboard, the escalation board and the printable quarterly report, on the demo history
// (server/demo/history.ts: four published quarters before the current one, which is open).
import { cityDay, DEFAULT_CITY_TZ } from '#shared/city-day.ts';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { quarterLabel } from '#shared/round-lifecycle.ts';
import { ARTIFACTS, chooseOption, DEMO_PASSWORD, httpClient, login, screenshot, startE2e } from '../support/e2e.ts';

const e2e = await startE2e();

// The demo's quarters are relative to today (UTC), like the seed's.
const now = new Date();
const quarterIndex = now.getUTCFullYear() * 4 + Math.floor(now.getUTCMonth() / 3);
const roundId = (i: number) => `${Math.floor(i / 4)}Q${(i % 4) + 1}`;
const CURRENT = roundId(quarterIndex);
const LATEST = roundId(quarterIndex - 1);
const FIRST = roundId(quarterIndex - 4);
/** The latest published quarter's bottom three, best first (ranks 51, 52, 53 of 53). */
const BOTTOM_THREE = ['市供电公司', '市人力资源和社会保障局', '市城市管理执法局'];

/** A day from now in the city's calendar: what the board judges due dates against. */
const cityDayIn = (offsetDays: number) => cityDay(new Date(Date.now() + offsetDays * 86_400_000), DEFAULT_CITY_TZ);

describe('dashboard (admin, leader, supervisor)', () => {
  it('recharts loads with the dashboard only, not with other pages', async () => {
    const page = await e2e.newPage();
    const scripts: Promise<string>[] = [];
    page.on('response', (r) => {
      if (r.request().resourceType() === 'script') scripts.push(r.text().catch(() => ''));
    });
    // Straight to the audit log (through the login), never via "/" (which leads to the dashboard).
    await page.goto('/audit');
    await page.waitForURL('**/login');
    await page.getByLabel('用户名').fill('supervisor');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /登\s?录/ }).click();
    await page.waitForURL('**/audit');
    await page.getByTestId('audit-table').waitFor();
    const hasRecharts = async () => (await Promise.all(scripts)).some((s) => s.includes('recharts-scatter'));
    expect(await hasRecharts()).toBe(false);
    await page.getByTestId('nav').getByRole('menuitem', { name: '数据看板' }).click();
    await page.getByTestId('funnel-chart').locator('.recharts-scatter-symbol').first().waitFor();
    expect(await hasRecharts()).toBe(true);
    await page.context().close();
  });

  it('an admin lands on the latest published round: the ranking with the bottom three in red, the rules, the funnel and the other charts', async () => {
    const page = await e2e.newPage();
    await login(page, 'admin');
    await page.waitForURL('**/dashboard');
    const nav = await page.getByTestId('nav').getByRole('menuitem').allTextContents();
    expect(nav.slice(0, 1)).toEqual(['数据看板']);
    expect(nav).toContain('问责督办');

    const overview = page.getByTestId('round-overview');
    await overview.getByText(`轮次概况 · ${quarterLabel(LATEST, 'zh')}`).waitFor();
    await expect.poll(() => overview.textContent()).toContain('已发布');

    const table = page.getByTestId('ranking-table');
    const rows = table.locator('tr.ant-table-row');
    await rows.nth(52).waitFor();
    await expect.poll(() => rows.count()).toBe(53);
    const flagged = table.locator('tr.pingyi-flagged-row');
    await expect.poll(() => flagged.count()).toBe(3);
    await expect.poll(() => flagged.getByTestId('dept-name').allTextContents()).toEqual(BOTTOM_THREE);
    await expect.poll(() => flagged.nth(2).textContent()).toMatch(/^53倒数市城市管理执法局.*调离岗位$/);
    await expect.poll(() => flagged.nth(0).textContent()).toContain('大会表态发言 + 约谈提醒');
    // The highlight is red: the row's cells carry the flagged background.
    await expect
      .poll(() =>
        flagged
          .first()
          .locator('td')
          .first()
          .evaluate((td) => getComputedStyle(td).backgroundColor),
      )
      .toBe('rgb(255, 241, 240)');
    const firstScreen = (await page.getByTestId('bottom-three').textContent()) ?? '';
    expect(firstScreen).toContain('市城市管理执法局');
    expect(firstScreen).toContain('第 53 名（倒数第 1）');
    expect(firstScreen).toContain('调离岗位');

    const rules = (await page.getByTestId('ranking-rules').textContent()) ?? '';
    expect(rules).toContain('按平均分从高到低排名');
    expect(rules).toContain('满意 100 · 比较满意 80 · 基本满意 60 · 不满意 0');
    expect(rules).toContain('参与排名的最低有效评价数：10 条');

    // Filter by category: only enforcement departments, 城管局 still last and red.
    await chooseOption(page, page.getByLabel('全部类别'), '执法监管部门');
    await expect.poll(() => rows.count()).toBeLessThan(53);
    for (const text of await rows.allTextContents()) expect(text).toContain('执法监管部门');
    await expect
      .poll(() => table.locator('tr.pingyi-flagged-row').getByTestId('dept-name').allTextContents())
      .toEqual(['市城市管理执法局']);

    // Funnel plot: a point per department, the bottom three in red, a tooltip with the name.
    const funnel = page.getByTestId('funnel-chart');
    await funnel.locator('.recharts-scatter-symbol').first().waitFor();
    await expect.poll(() => funnel.locator('.recharts-scatter-symbol').count()).toBeGreaterThanOrEqual(50);
    await expect.poll(() => funnel.locator('.recharts-line').count()).toBe(4); // 95% and 99.8% limits, above and below
    const red = funnel.locator('.recharts-scatter path.recharts-symbols[fill="#cf1322"]');
    expect((await red.evaluateAll((els) => els.map((e) => e.getAttribute('name')))).sort()).toEqual([...BOTTOM_THREE].sort());
    await funnel.locator('path.recharts-symbols[name="市城市管理执法局"]').hover({ force: true });
    const tip = funnel.locator('.recharts-tooltip-wrapper');
    await tip.getByText('显著低于全市平均').waitFor();
    await expect.poll(() => tip.textContent()).toContain('市城市管理执法局');

    // The other charts render from the same data.
    await expect.poll(() => page.getByTestId('ranking-chart').locator('.recharts-bar-rectangle').count()).toBe(53);
    await expect.poll(() => page.getByTestId('distribution-chart').locator('.recharts-bar-rectangle').count()).toBeGreaterThan(53);
    await expect.poll(() => page.getByTestId('votes-chart').locator('.recharts-bar-rectangle').count()).toBe(4);
    const headline = (await page.getByTestId('votes-headline').textContent()) ?? '';
    expect(headline).toMatch(/\d+ → \d+/);
    // The headline names its departments: "市…局（first quarter）→ 市…局（latest quarter）".
    expect(headline).toContain(`（${quarterLabel(FIRST, 'zh')}）→ `);
    expect(headline).toContain(`（${quarterLabel(LATEST, 'zh')}）`);
    const trends = page.getByTestId('trends');
    await trends.getByTestId('trend-mean-chart').locator('.recharts-line').first().waitFor();
    await expect
      .poll(() => trends.getByTestId('trend-rank-chart').locator('circle[data-flagged="true"]').count())
      .toBeGreaterThanOrEqual(3); // 城管局: three quarters in a row
    await screenshot(page, 'dashboard-published');

    await page.getByTestId('lang-switch').click();
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await table.locator('thead').getByText('Mean (95% interval)').waitFor();
    await expect.poll(() => page.getByTestId('bottom-three').textContent()).toContain('Reassignment (removal from post)');
    await screenshot(page, 'dashboard-published-en');
    await page.context().close();
  });

  it('the open round shows its progress (totals only, for a leader) and countdown only', async () => {
    const page = await e2e.newPage();
    await login(page, 'leader');
    await page.waitForURL('**/dashboard');
    await page.getByTestId('ranking-table').waitFor();
    await chooseOption(page, page.getByLabel('测评轮次'), `${quarterLabel(CURRENT, 'zh')}（测评中）`);
    await page.waitForURL(`**/dashboard?round=${CURRENT}`);
    await page.getByText('本轮正在测评，结果在截止并发布后显示。').waitFor();
    await expect.poll(() => page.getByTestId('countdown').textContent()).toMatch(/距截止\d+ 天 \d+ 小时 \d+ 分/);
    await expect.poll(() => page.getByTestId('response-rate').textContent()).toMatch(/回收率\d+\.\d%/);
    // Totals only while it runs: counts by township or industry would show who was drawn.
    await page.getByTestId('progress-groups-after-close').getByText('按乡镇、行业的分组数在测评结束后显示').waitFor();
    await expect.poll(() => page.getByTestId('progress-township').count()).toBe(0);
    await expect.poll(() => page.getByTestId('progress-industry').count()).toBe(0);
    await expect.poll(() => page.getByTestId('ranking-table').count()).toBe(0);
    await expect.poll(() => page.getByRole('button', { name: /导出结果/ }).count()).toBe(0);
    await screenshot(page, 'dashboard-open-round');
    await page.context().close();
  });

  it('department heads get neither the dashboard, the escalation board nor the report', async () => {
    const page = await e2e.newPage();
    await login(page, 'head.cgj');
    const nav = await page.getByTestId('nav').getByRole('menuitem').allTextContents();
    expect(nav).not.toContain('数据看板');
    expect(nav).not.toContain('问责督办');
    for (const path of ['/dashboard', '/escalations', `/report/${LATEST}`]) {
      await page.goto(path);
      await page
        .getByTestId('no-access')
        .waitFor()
        .catch(async (error: unknown) => {
          await screenshot(page, 'dashboard-no-access-failed');
          throw new Error(`${path}: ${String(error)}\n${await page.locator('body').textContent()}`);
        });
    }
    await page.context().close();
  });
});

describe('escalation board', () => {
  it('shows every streak and level; an admin schedules the pending action and records the commitment', async () => {
    const page = await e2e.newPage();
    await login(page, 'admin');
    await page.getByTestId('nav').getByRole('menuitem', { name: '问责督办' }).click();
    const streaks = page.getByTestId('streak-table');
    const first = streaks.locator('tr.ant-table-row').first();
    await first.waitFor();
    // 城管局: three in a row under the same head: both streaks 3, and the pledge beside the reassignment.
    await expect.poll(() => first.textContent()).toMatch(/市城市管理执法局.*3 轮3 轮大会表态发言 \+ 约谈提醒调离岗位3/);
    await expect.poll(() => first.getByTestId('head-streak').textContent()).toBe('3 轮');
    await expect.poll(() => first.getByTestId('department-streak').textContent()).toBe('3 轮');
    await expect
      .poll(() =>
        first
          .getByTestId('measures')
          .locator('[data-measure]')
          .evaluateAll((tags) => tags.map((t) => t.getAttribute('data-measure'))),
      )
      .toEqual(['pledge', 'reassignment']);
    // 城投公司: flagged twice, not in the latest round: no streak, no measures.
    await expect
      .poll(() => streaks.locator('tr.ant-table-row').filter({ hasText: '市城投公司' }).textContent())
      .toMatch(/市城投公司公用事业与国有企业———2/);
    // The cards say what they count: the latest quarter, and beside it what is still open over all quarters.
    await expect
      .poll(() => page.getByTestId('level-counts').textContent())
      .toMatch(
        /大会表态发言 \+ 约谈提醒 本季度（[^）]+）2个部门.*诫勉谈话 本季度（[^）]+）0个部门.*调离岗位 本季度（[^）]+）1个部门累计未办结：1 个部门/,
      );

    const pending = page.getByTestId('pending-actions');
    const cgj = pending.locator('tr.ant-table-row').filter({ hasText: '市城市管理执法局' });
    await expect.poll(() => cgj.textContent()).toContain('待安排');
    await expect.poll(() => cgj.textContent()).toContain('未安排日期');
    await expect.poll(() => cgj.getByTestId('streaks').textContent()).toBe('负责人连续 3 次 · 部门连续 3 次');
    await cgj.getByRole('button', { name: '办理' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('王志强（局长）').waitFor();
    // Each measure on its own: the pledge is done at the meeting; the reassignment is still to come.
    const measures = dialog.getByTestId('measure-table');
    await measures.locator('tr.ant-table-row').filter({ hasText: '大会表态发言' }).getByRole('button', { name: '标记完成' }).click();
    await expect
      .poll(async () => measures.locator('tr.ant-table-row').filter({ hasText: '大会表态发言' }).textContent())
      .toContain('已完成');
    await expect.poll(() => measures.locator('tr.ant-table-row').filter({ hasText: '调离岗位' }).textContent()).toContain('待安排');
    await chooseOption(page, dialog.getByLabel('状态'), '已安排');
    await dialog.getByRole('button', { name: /保\s?存/ }).click();
    await dialog.getByText('状态为“已安排”时，请选择安排日期。').waitFor();
    const day = cityDayIn(5);
    await dialog.getByLabel('安排日期').fill(day);
    await dialog.getByLabel('备注').fill('市委书记约谈，组织部参加');
    await dialog.getByLabel('承诺书内容').fill('本人承诺：三十日内完成整改，下一季度退出倒数三位。');
    await screenshot(page, 'escalation-edit');
    await dialog.getByRole('button', { name: /保\s?存/ }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('已保存：市城市管理执法局').waitFor();
    await expect.poll(async () => cgj.textContent()).toContain('已安排');
    await expect.poll(() => cgj.textContent()).toContain(day);
    // Scheduling the record left the pledge done.
    await expect.poll(() => cgj.getByTestId('measures').textContent()).toBe('大会表态发言 + 约谈提醒 · 已完成调离岗位 · 已安排');
    await expect.poll(() => cgj.textContent()).toContain('5 天后到期');
    await screenshot(page, 'escalations');
    await page.context().close();
  });

  it('the department history shows both streaks and every measure, quarter by quarter', async () => {
    const page = await e2e.newPage();
    await login(page, 'admin', '/departments');
    await page.getByRole('searchbox', { name: '搜索代码、名称或负责人' }).fill('cgj');
    await page
      .locator('tr.ant-table-row')
      .filter({ hasText: '市城市管理执法局' })
      .getByRole('button', { name: '市城市管理执法局' })
      .click();
    const history = page.getByTestId('evaluation-history');
    await history.getByTestId('streaks').first().waitFor();
    const rows = await history.locator('tr.ant-table-row').allTextContents();
    // Newest first: the third quarter in a row under the same head brings the pledge and the reassignment.
    expect(rows.slice(0, 3).map((r) => /负责人连续 (\d) 次 · 部门连续 (\d) 次/.exec(r)?.slice(1).join('/'))).toEqual(['3/3', '2/2', '1/1']);
    // Each row's measures, then that quarter's state (shared/results/department-state.ts).
    expect(rows[0]).toContain('调离岗位');
    expect(rows[1]).toContain('诫勉谈话');
    for (const row of rows.slice(0, 3)) expect(row).toContain('大会表态发言 + 约谈提醒');
    expect(rows[2]).not.toMatch(/调离岗位|诫勉谈话/);
    await screenshot(page, 'department-evaluations');
    await page.context().close();
  });

  it('leaders read the board without the follow-up buttons', async () => {
    const page = await e2e.newPage();
    await login(page, 'leader', '/escalations');
    const history = page.getByTestId('escalation-history');
    await history.locator('tr.ant-table-row').first().waitFor();
    await expect.poll(() => page.getByRole('button', { name: '办理' }).count()).toBe(0);
    await page.getByText('只读：仅营商办管理员可以办理问责事项。').waitFor();
    // A record done as a whole (its status tag, not one of its measures' tags).
    await history
      .locator('tr.ant-table-row')
      .filter({ has: page.locator('.ant-tag', { hasText: /^已完成$/ }) })
      .first()
      .getByRole('button', { name: '查看' })
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('承诺书').waitFor();
    await expect.poll(() => dialog.textContent()).toContain('承诺：认真整改');
    await page.context().close();
  });
});

describe('printable quarterly report', () => {
  it('renders the title, the ranking, the bottom three with their level, the charts and the rules, and prints to A4', async () => {
    const page = await e2e.newPage();
    await login(page, 'supervisor');
    await page.waitForURL('**/dashboard');
    await page.getByRole('link', { name: /打印版通报/ }).click();
    await page.waitForURL(`**/report/${LATEST}`);
    const title = page.getByTestId('report-title');
    await title.waitFor();
    await expect.poll(() => title.textContent()).toBe(`仙桃市${quarterLabel(LATEST, 'zh')}市场主体评部门测评结果通报`);
    // The issuer and its help line, from the configuration (the demo's city).
    await expect
      .poll(() => page.getByTestId('report-issuer').textContent())
      .toMatch(/^仙桃市优化营商环境工作领导小组办公室 · 咨询电话：0728-3312345 · 发布日期/);
    await expect.poll(() => page.getByTestId('report-ranking').locator('tbody tr').count()).toBe(53);
    await expect.poll(() => page.getByTestId('report-ranking').locator('tbody tr.flagged td.name').allTextContents()).toEqual(BOTTOM_THREE);
    const bottom = page.getByTestId('report-bottom').locator('tbody tr');
    await expect.poll(() => bottom.locator('td.name').allTextContents()).toEqual([...BOTTOM_THREE].reverse());
    await expect.poll(() => bottom.nth(0).textContent()).toMatch(/53市城市管理执法局.*王志强（局长）连续第 3 轮位列倒数调离岗位/);
    await expect.poll(() => bottom.nth(2).textContent()).toContain('大会表态发言 + 约谈提醒');
    await expect.poll(() => page.getByTestId('report-escalations').locator('tbody tr').count()).toBe(3);
    const report = page.getByTestId('report');
    await expect.poll(() => report.getByTestId('funnel-chart').locator('.recharts-scatter-symbol').count()).toBeGreaterThanOrEqual(50);
    await expect.poll(() => report.getByTestId('ranking-chart').locator('.recharts-bar-rectangle').count()).toBe(53);
    const text = (await report.textContent()) ?? '';
    for (const s of ['一、测评概况', '六、整改与回访', '七、测评规则', '按平均分从高到低排名', '参与排名的最低有效评价数：10 条'])
      expect(text).toContain(s);
    // Each flagged department's rectification, with what the call-backs found.
    await expect
      .poll(() => page.getByTestId('report-callbacks').locator('tbody tr td.name').allTextContents())
      .toEqual(expect.arrayContaining(BOTTOM_THREE));
    // At the foot, the audit chain's head when printed: a checkpoint the chain verifies against.
    const foot = page.getByTestId('report-checkpoint');
    const id = Number(/最新记录为第 (\d+) 条/.exec((await foot.textContent()) ?? '')?.[1]);
    const hash = (await page.getByTestId('report-checkpoint-hash').textContent())!;
    expect(id).toBeGreaterThan(0);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const { api } = httpClient(e2e.baseUrl);
    expect(await api('GET', `/audit/verify?checkpointId=${id}&checkpointHash=${hash}`)).toMatchObject({ ok: true });
    const forged = `${hash.slice(0, -1)}${hash.endsWith('0') ? '1' : '0'}`;
    expect(await api('GET', `/audit/verify?checkpointId=${id}&checkpointHash=${forged}`)).toMatchObject({ ok: false });
    await screenshot(page, 'report');

    // Printing: A4 page rule, the app's menu, header and buttons hidden.
    const a4 = await page.evaluate(() =>
      [...document.styleSheets].some((s) => [...s.cssRules].some((r) => r instanceof CSSPageRule && /size:\s*a4/i.test(r.cssText))),
    );
    expect(a4).toBe(true);
    await page.emulateMedia({ media: 'print' });
    await expect.poll(() => page.locator('.ant-layout-sider').isVisible()).toBe(false);
    await expect.poll(() => page.locator('.ant-layout-header').isVisible()).toBe(false);
    await expect.poll(() => page.getByRole('button', { name: /打印/ }).isVisible()).toBe(false);
    await expect.poll(() => title.isVisible()).toBe(true);
    await screenshot(page, 'report-print');
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.byteLength).toBeGreaterThan(50_000);
    await writeFile(join(ARTIFACTS, 'report.pdf'), pdf);
    await expect.poll(() => foot.isVisible()).toBe(true);
    await page.context().close();
  });

  it('a leader prints the same foot: the checkpoint is readable by everyone who reads the report', async () => {
    const page = await e2e.newPage();
    await login(page, 'leader', `/report/${LATEST}`);
    await page.getByTestId('report-checkpoint-hash').waitFor();
    await expect.poll(() => page.getByTestId('report-checkpoint').textContent()).toMatch(/审计日志校验点.*最新记录为第 \d+ 条/);
    await page.context().close();
  });
});
