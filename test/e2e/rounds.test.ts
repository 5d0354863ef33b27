// Rounds in the browser: an admin creates a round, freezes the pool, draws with a ceremony seed typed
// full-width, gets 200 invitations with QR codes and one printable letter each, and the draw record
// re-runs. Leaders and supervisors read; department heads never see rounds.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CITY_TZ } from '#shared/city-day.ts';
import { drawRecordSchema } from '#shared/draw/draw.ts';
import { verifyRecord } from '#shared/draw/verify.ts';
import type { Invitation } from '#shared/schemas/rounds.ts';
import { ARTIFACTS, clickUntil, login, screenshot, startE2e } from '../support/e2e.ts';

const e2e = await startE2e();

// Typed with a Chinese input method: full-width digits between ideographic spaces. NFKC makes it ASCII.
const TYPED_SEED = '\u3000３１４１５９２６５３５８９７９３２３８４６\u3000';
const SEED = '314159265358979323846';

/** A far-future quarter that has no round yet (the demo data may hold past and current rounds). */
async function freeQuarter(page: Page): Promise<{ id: string; year: number; quarter: number }> {
  const res = await page.request.get('/api/v1/rounds');
  expect(res.ok()).toBe(true);
  const taken = new Set(((await res.json()) as { id: string }[]).map((r) => r.id));
  for (let year = 2031; year < 2040; year++) {
    for (const quarter of [2, 3, 4, 1]) {
      if (!taken.has(`${year}Q${quarter}`)) return { id: `${year}Q${quarter}`, year, quarter };
    }
  }
  throw new Error('no free quarter');
}

/** Picks a quarter in antd's quarter picker by paging years in its panel. */
async function pickQuarter(page: Page, label: string, year: number, quarter: number) {
  await page.getByRole('dialog').getByLabel(label).click();
  const panel = page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)');
  const yearButton = panel.locator('.ant-picker-year-btn');
  await yearButton.waitFor();
  for (let i = 0; i < 40; i++) {
    const shown = Number((await yearButton.textContent())?.match(/\d{4}/)?.[0]);
    if (shown === year) break;
    await panel.locator(shown < year ? '.ant-picker-header-super-next-btn' : '.ant-picker-header-super-prev-btn').click();
  }
  await panel.locator(`td[title="${year}-Q${quarter}"]`).click();
}

let roundId = '';

describe('rounds (admin)', () => {
  it('creates a round, freezes the pool, draws with a ceremony seed, and gets 200 links, QR codes, letters and a record that re-runs', async () => {
    // A clerk's computer on the city's clock: the pickers' days are the city's days, by which reminders are sent.
    const page = await e2e.newPage({ timezoneId: DEFAULT_CITY_TZ });
    await login(page, 'admin');
    const { id, year, quarter } = await freeQuarter(page);
    roundId = id;

    await page.getByTestId('nav').getByRole('menuitem', { name: '轮次管理' }).click();
    await page.getByRole('heading', { name: '轮次管理' }).waitFor();
    await page.getByRole('button', { name: '新建轮次' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('新建测评轮次').waitFor();
    await pickQuarter(page, '测评季度', year, quarter);
    await dialog.getByText(`轮次编号：${id}`).waitFor();
    // Dates follow the quarter: the 1st of its last month, 09:00, for 14 days.
    const month = String(quarter * 3).padStart(2, '0');
    await expect.poll(() => dialog.getByLabel('开始时间').inputValue()).toBe(`${year}-${month}-01 09:00`);
    await expect.poll(() => dialog.getByLabel('截止时间').inputValue()).toBe(`${year}-${month}-15 18:00`);
    // The defaults are shown.
    await expect.poll(() => dialog.getByLabel('抽取企业数（样本量）').inputValue()).toBe('200');
    await expect.poll(() => dialog.getByLabel('“最不满意”票数').inputValue()).toBe('3');
    await expect.poll(() => dialog.getByLabel('最少有效评价数').inputValue()).toBe('10');
    await expect.poll(() => dialog.getByLabel('倒数标记位数').inputValue()).toBe('3');
    await dialog.getByText(/本轮 53 个部门参与测评/).waitFor();
    // The contact plan's defaults: an invitation, reminders on days 3 and 7, a last reminder. This round
    // reminds on days 3 and 5 and sends no last reminder.
    const plan = dialog.getByTestId('contact-plan');
    await expect.poll(() => plan.getByLabel('开放时发送邀请', { exact: true }).isChecked()).toBe(true);
    await expect.poll(() => plan.getByLabel('截止前一天最后提醒', { exact: true }).isChecked()).toBe(true);
    await expect.poll(() => plan.getByLabel('第 3 天', { exact: true }).isChecked()).toBe(true);
    await expect.poll(() => plan.getByLabel('第 7 天', { exact: true }).isChecked()).toBe(true);
    await expect.poll(() => plan.getByLabel('第 5 天', { exact: true }).isChecked()).toBe(false);
    await expect.poll(() => plan.getByLabel('第 14 天', { exact: true }).count()).toBe(0); // the deadline's day is not offered
    await plan.getByLabel('第 7 天', { exact: true }).uncheck();
    await plan.getByLabel('第 5 天', { exact: true }).check();
    await plan.getByLabel('截止前一天最后提醒', { exact: true }).click();
    await expect.poll(() => plan.getByLabel('截止前一天最后提醒', { exact: true }).isChecked()).toBe(false);
    await dialog.getByLabel('抽取企业数（样本量）').fill('200');
    // The verdict rules: the default reasons prefilled; reword one, remove one and add it back, weighted ranking.
    const verdict = dialog.getByTestId('verdict-rules');
    await expect.poll(() => verdict.getByTestId('reason-row').count()).toBe(7);
    await expect.poll(() => verdict.getByLabel('第 1 项原因（中文）').inputValue()).toBe('办事效率低');
    await verdict.getByLabel('第 1 项原因（中文）').fill('审批拖沓');
    await expect.poll(() => verdict.getByTestId('reason-add').isDisabled()).toBe(true);
    await verdict.getByRole('button', { name: '删除第 2 项原因' }).click();
    await verdict.getByRole('button', { name: '加回：多次跑动' }).waitFor();
    await verdict.getByRole('button', { name: '删除第 6 项原因' }).click(); // 其他 (now sixth)
    await verdict.getByRole('button', { name: '加回：多次跑动' }).click();
    await expect.poll(() => verdict.getByTestId('reason-row').count()).toBe(6);
    await expect.poll(() => verdict.getByLabel('第 6 项原因（中文）').inputValue()).toBe('多次跑动');
    await verdict.getByRole('radio', { name: /按名录结构加权/ }).check();
    await screenshot(page, 'round-create');
    await dialog.getByRole('button', { name: /创\s?建/ }).click();

    await page.waitForURL(`**/rounds/${id}`);
    await page.getByRole('heading', { name: `${year}年第${'一二三四'[quarter - 1]}季度` }).waitFor();
    await expect.poll(() => page.getByTestId('round-status').first().textContent()).toBe('草稿');
    // The rules as set, shown where the round's rules are.
    await expect.poll(() => page.getByTestId('settings-official-ranking').textContent()).toContain('按名录结构加权');
    await expect
      .poll(() => page.getByTestId('settings-reasons').textContent())
      .toBe('审批拖沓、材料要求不明、政策落实不到位、服务态度差、乱收费或吃拿卡要、多次跑动');
    const created = (await (await page.request.get(`/api/v1/rounds/${id}`)).json()) as {
      officialRanking: string;
      contactPlan: unknown;
      reasons: { code: string; labelZh: string }[];
    };
    expect(created.officialRanking).toBe('weighted');
    expect(created.reasons.map((r) => r.code)).toEqual([
      'slow',
      'unclear_requirements',
      'policy_not_implemented',
      'poor_attitude',
      'improper_fees',
      'repeat_trips',
    ]);
    const planText = '开放时发送邀请；第 3、5 天提醒未提交企业；无截止前提醒';
    await page.getByTestId('contact-plan-summary').getByText(planText).waitFor();
    expect(created.contactPlan).toEqual({ invitation: true, reminderDays: [3, 5], finalReminder: false });

    // Freeze: the pool hash is shown, before any seed exists.
    await page.getByTestId('round-actions').getByRole('button', { name: '冻结抽签池' }).click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: '冻结抽签池' }).click();
    const hashBox = page.getByTestId('pool-hash');
    await hashBox.waitFor();
    const poolHash = (await hashBox.textContent())?.match(/[0-9a-f]{64}/)?.[0];
    expect(poolHash).toMatch(/^[0-9a-f]{64}$/);
    await page.getByText('抽签池已冻结，哈希值已公布，之后才产生随机种子').waitFor();
    await page.getByTestId('settings-locked').waitFor();
    await page.getByTestId('contact-plan-summary').getByText(planText).waitFor(); // frozen with the round
    const frozen = (await (await page.request.get(`/api/v1/rounds/${id}`)).json()) as {
      poolHash: string;
      seed: string | null;
      status: string;
    };
    expect(frozen).toMatchObject({ poolHash, seed: null, status: 'pool_frozen' });

    // The ceremony seed, typed full-width, is shown back normalised for the witnesses.
    await page.getByTestId('seed-input').fill(TYPED_SEED);
    await page.getByText('规范化后的种子（实际使用）').waitFor();
    await page.getByRole('button', { name: '核对种子' }).click();
    const confirm = page.getByTestId('seed-confirm');
    await confirm.waitFor();
    expect((await confirm.textContent())?.trim()).toBe(SEED);
    const drawButton = page.getByRole('button', { name: '确认无误，开始抽签' });
    await expect.poll(() => drawButton.isDisabled()).toBe(true); // not before the witnesses have checked
    await screenshot(page, 'round-draw-confirm');
    await page.getByTestId('witnessed').click();
    await drawButton.click();
    await page.getByTestId('draw-result').waitFor();
    await expect.poll(() => page.getByTestId('drawn-seed').textContent()).toContain(SEED);
    await expect.poll(() => page.getByTestId('sample-count').textContent()).toContain('200');
    await page.getByTestId('draw-result').getByText('现场仪式').waitFor();
    await expect.poll(() => page.getByTestId('verify-command').textContent()).toBe(`npm run verify-draw -- draw-record-${id}.json`);
    await page.getByTestId('progress-card').getByText('回收率 0.0%（已提交 0 / 已邀请 200）').waitFor();
    await screenshot(page, 'round-drawn');

    // The draw record, downloaded from the page, has the sample of 200 and re-runs exactly.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载抽签记录 (JSON)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`draw-record-${id}.json`);
    const record = drawRecordSchema.parse(JSON.parse(await readFile((await download.path())!, 'utf8')));
    expect(record.sample).toHaveLength(200);
    expect(record.seed).toBe(SEED);
    expect(record.seedSource).toBe('ceremony');
    expect(record.poolHash).toBe(poolHash);
    expect(verifyRecord(record)).toEqual({ ok: true });

    // 200 invitations, each with a link and a QR code drawn in the browser.
    await page.getByRole('button', { name: '问卷链接与二维码' }).click();
    await page.waitForURL(`**/rounds/${id}/invitations`);
    const table = page.getByTestId('invitations-table');
    await table.getByText('共 200 条').waitFor();
    await table.locator('.ant-pagination-options .ant-select').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '200 条/页' }).click();
    await expect.poll(() => table.locator('tr.ant-table-row').count()).toBe(200);
    const qrs = table.locator('[data-testid="qr"] img');
    await expect.poll(() => qrs.count()).toBe(200);
    await expect
      .poll(() =>
        qrs.evaluateAll((imgs) =>
          imgs.every((i) => (i as HTMLImageElement).src.startsWith('data:image/png') && (i as HTMLImageElement).complete),
        ),
      )
      .toBe(true);
    await expect.poll(() => table.getByTestId('invitation-link').first().textContent()).toMatch(/\/s\/[A-Za-z0-9_-]{22}$/);
    await page.getByText('测评尚未开启：链接要在开启测评后才能使用').waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(ARTIFACTS, 'round-invitations.png'), animations: 'disabled' }); // 200 rows: the top only

    // The follow-up view: nobody has submitted yet.
    await page.getByRole('tab', { name: /未提交企业/ }).click();
    await page.getByText('共 200 家企业尚未提交问卷').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'round-non-responders.png'), animations: 'disabled' });

    // One printed letter per enterprise, with its link and QR code, and no app menu.
    const invitations = (await (await page.request.get(`/api/v1/rounds/${id}/invitations`)).json()) as Invitation[];
    expect(invitations).toHaveLength(200);
    await page.goto(`/rounds/${id}/letters`);
    const letters = page.getByTestId('letter');
    await expect.poll(() => letters.count()).toBe(200);
    await expect.poll(() => page.getByTestId('nav').count()).toBe(0);
    await expect.poll(() => page.locator('[data-testid="letter"] [data-testid="qr"] img[src^="data:image/png"]').count()).toBe(200);
    const first = invitations[0]!;
    const firstLetter = letters.filter({ hasText: first.uscc });
    await expect.poll(() => firstLetter.count()).toBe(1);
    const text = (await firstLetter.textContent()) ?? '';
    expect(text).toContain(`${first.name}：`);
    expect(text).toContain(first.link!);
    expect(text).toContain('仙桃市优化营商环境工作领导小组办公室');
    // The issuer and its help line, from the configuration (the demo's city).
    expect(text).toContain('请联系仙桃市优化营商环境工作领导小组办公室（电话 0728-3312345）');
    expect(text).toContain('被评议的部门看不到任何一家企业的评价');
    await page.getByTestId('letter-count').filter({ hasText: '共 200 封' }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'round-letters.png'), animations: 'disabled' });
    // Printed: the toolbar is hidden and every letter is one A4 page.
    await page.emulateMedia({ media: 'print' });
    await expect.poll(() => page.getByRole('button', { name: '打印' }).isVisible()).toBe(false);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(200);
    await page.emulateMedia({ media: 'screen' });

    // Replace an enterprise that cannot take part: the reason is required, and the page says who came in.
    await page.goto(`/rounds/${id}/invitations`);
    const out = invitations[1]!;
    const outRow = page.locator('tr.ant-table-row').filter({ hasText: out.uscc });
    await outRow.getByRole('button', { name: /替\s?换/ }).click();
    const replaceDialog = page.getByRole('dialog');
    // Confirming without a reason is refused in words; a click landing while the dialog still opens is
    // simply made again (confirming an empty form twice changes nothing).
    const reasonRequired = replaceDialog.getByText('请填写替换原因（2–1000 字）。');
    await clickUntil(replaceDialog.getByRole('button', { name: '确认替换' }), reasonRequired);
    await replaceDialog.getByText('多次电话无法联系').click();
    const replacement = replaceDialog.getByTestId('replacement');
    await clickUntil(replaceDialog.getByRole('button', { name: '确认替换' }), replacement);
    const after = (await (await page.request.get(`/api/v1/rounds/${id}/invitations`)).json()) as Invitation[];
    const cameIn = after.find((i) => i.replaces === out.uscc)!;
    expect(cameIn).toBeDefined();
    await expect.poll(() => replacement.textContent()).toContain(cameIn.name);
    await replacement.locator('[data-testid="qr"] img').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'round-replaced.png'), animations: 'disabled' });
    await replaceDialog.getByRole('button', { name: '关 闭' }).click();
    await outRow.getByText('已替换').waitFor();
    await outRow.getByText(`由 ${cameIn.name} 替补`).waitFor();

    // A new link for another: the old one stops working.
    const renewed = invitations[2]!;
    const renewedRow = page.locator('tr.ant-table-row').filter({ hasText: renewed.uscc });
    await renewedRow.getByRole('button', { name: '重新生成链接' }).click();
    await page.locator('.ant-modal-confirm').getByText('原来的链接和二维码立即失效').waitFor();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: '重新生成' }).click();
    // The confirmation toast lasts 3 s, which a loaded machine can miss: the lasting proof is the new link, in the API and in the row.
    await page.locator('.ant-modal-confirm').waitFor({ state: 'detached' });
    const current = async () =>
      ((await (await page.request.get(`/api/v1/rounds/${id}/invitations`)).json()) as Invitation[]).find((i) => i.uscc === renewed.uscc)!;
    await expect.poll(async () => (await current()).link).not.toBe(renewed.link);
    const renewedNow = await current();
    await renewedRow.getByText(renewedNow.link!.slice(-22)).waitFor();
    const recordNow = drawRecordSchema.parse(await (await page.request.get(`/api/v1/rounds/${id}/draw-record`)).json());
    expect(recordNow.replacements).toEqual([expect.objectContaining({ out: out.uscc, in: cameIn.uscc, reason: '多次电话无法联系' })]);
    expect(verifyRecord(recordNow)).toEqual({ ok: true });
    await page.context().close();
  });

  it('leaders and supervisors read without actions; department heads never see rounds', async () => {
    expect(roundId).not.toBe('');
    const leader = await e2e.newPage();
    await login(leader, 'leader');
    await leader.getByTestId('nav').getByRole('menuitem', { name: '轮次管理' }).click();
    await leader.getByRole('heading', { name: '轮次管理' }).waitFor();
    await expect.poll(() => leader.getByRole('button', { name: '新建轮次' }).count()).toBe(0);
    await leader.goto(`/rounds/${roundId}`);
    await leader.getByTestId('pool-hash').waitFor();
    await leader.getByTestId('progress-card').waitFor();
    // While the round runs a leader sees totals, and a note where the groups would be.
    await leader.getByTestId('progress-groups-after-close').waitFor();
    await expect.poll(() => leader.getByTestId('progress-card').getByRole('tab').count()).toBe(0);
    await expect.poll(() => leader.getByTestId('round-actions').count()).toBe(0);
    await expect.poll(() => leader.getByTestId('draw-panel').count()).toBe(0);
    await expect.poll(() => leader.getByRole('button', { name: '问卷链接与二维码' }).count()).toBe(0);
    // Public only after the close is final: the buttons wait, and say why, instead of failing.
    await expect.poll(() => leader.getByRole('button', { name: '下载抽签记录 (JSON)' }).isDisabled()).toBe(true);
    await expect.poll(() => leader.getByTestId('draw-verify').getByRole('button', { name: '验证抽签' }).isDisabled()).toBe(true);
    await expect.poll(() => leader.getByTestId('draw-not-yet').textContent()).toContain('抽签记录在截止并计算结果后公开');
    await leader.goto(`/rounds/${roundId}/invitations`);
    await leader.getByTestId('no-access').waitFor();
    await leader.goto(`/rounds/${roundId}/letters`);
    await leader.getByTestId('no-access').waitFor();
    // The English switch.
    await leader.goto('/rounds');
    await leader.getByTestId('lang-switch').click();
    await leader.getByRole('heading', { name: 'Survey rounds' }).waitFor();
    await leader.getByTestId('rounds-table').getByText('Drawn').first().waitFor();
    await screenshot(leader, 'rounds-list-en');
    // A published round of the demo history, if there is one: its record is public, so the leader may download it.
    const published = ((await (await leader.request.get('/api/v1/rounds')).json()) as { id: string; status: string }[]).find(
      (r) => r.status === 'published',
    );
    if (published) {
      await leader.goto(`/rounds/${published.id}`);
      await leader.getByTestId('lifecycle').getByText('Results published').waitFor();
      await leader.getByRole('button', { name: 'Download the draw record (JSON)' }).waitFor();
      await screenshot(leader, 'round-published-en');
    }
    await leader.context().close();

    const supervisor = await e2e.newPage();
    await login(supervisor, 'supervisor', `/rounds/${roundId}`);
    // The sample is the admin's until the close is final: the page says when the record becomes public, and the download waits.
    await supervisor.getByTestId('draw-record').getByText('本轮次截止并计算结果后，抽签记录向社会公开').waitFor();
    const download = supervisor.getByRole('button', { name: '下载抽签记录 (JSON)' });
    for (const button of await download.all()) await expect.poll(() => button.isDisabled()).toBe(true);
    await expect.poll(() => supervisor.getByTestId('round-actions').count()).toBe(0);
    await supervisor.context().close();

    const head = await e2e.newPage();
    await login(head, 'head.scjgj');
    await expect.poll(() => head.getByTestId('nav').getByRole('menuitem').allTextContents()).not.toContain('轮次管理');
    for (const path of ['/rounds', `/rounds/${roundId}`, `/rounds/${roundId}/invitations`, `/rounds/${roundId}/letters`]) {
      await head.goto(path);
      await head.getByTestId('no-access').waitFor();
    }
    await screenshot(head, 'rounds-no-access-dept-head');
    await head.context().close();
  });

  it('opens, closes, reopens with a reason and a new deadline, computes (no reopen after), and voids with a reason', async () => {
    expect(roundId).not.toBe('');
    const page = await e2e.newPage();
    await login(page, 'admin', `/rounds/${roundId}`);
    const actions = page.getByTestId('round-actions');
    const confirmBox = page.locator('.ant-modal-confirm');
    const status = page.getByTestId('round-status').first();

    await actions.getByRole('button', { name: '开启测评' }).click();
    await confirmBox.getByRole('button', { name: '开启测评' }).click();
    await status.filter({ hasText: '测评中' }).waitFor();
    await page.getByTestId('countdown').waitFor();

    // Closing early is decided on the response rate: the confirm says it.
    await actions.getByRole('button', { name: '提前截止' }).click();
    await confirmBox
      .getByTestId('close-rate')
      .filter({ hasText: /^目前已提交 \d+ \/ \d+ 家，回收率 \d+%。$/ })
      .waitFor();
    await confirmBox.getByRole('button', { name: '提前截止' }).click();
    await status.filter({ hasText: '已截止' }).waitFor();
    await actions.getByRole('button', { name: '计算结果' }).waitFor();
    await actions.getByRole('button', { name: '发布结果' }).waitFor();
    // Closed but not computed: it may still reopen, so nothing derived from answers is shown yet, in words.
    await page.getByTestId('breakdowns-card').getByTestId('compute-first').filter({ hasText: '请先计算本轮结果' }).waitFor();
    await page.getByTestId('integrity-card').getByTestId('compute-first').filter({ hasText: '请先计算本轮结果' }).waitFor();
    await page.goto(`/rounds/${roundId}/comments`);
    await page.getByTestId('compute-first').filter({ hasText: '请先计算本轮结果' }).waitFor();
    await page.goto(`/rounds/${roundId}`);
    await status.filter({ hasText: '已截止' }).waitFor();

    await actions.getByRole('button', { name: '重新开启' }).click();
    const dialog = page.getByRole('dialog');
    // As with the replacement: an empty reason is refused in words, and a click made while the dialog still
    // opens is made again (confirming an empty form twice changes nothing).
    await clickUntil(dialog.getByRole('button', { name: '重新开启' }), dialog.getByText('请填写原因（2–1000 字）。'));
    await dialog.getByLabel('原因').fill('部分企业未及时收到通知，延长 3 天');
    await dialog.getByRole('button', { name: '重新开启' }).click();
    await status.filter({ hasText: '测评中' }).waitFor();

    // Closed again and computed: the close is final, and the reopen button says why it is off.
    await actions.getByRole('button', { name: '提前截止' }).click();
    await confirmBox.getByRole('button', { name: '提前截止' }).click();
    await status.filter({ hasText: '已截止' }).waitFor();
    await actions.getByRole('button', { name: '计算结果' }).click();
    await confirmBox.getByText('计算后截止即为最终').waitFor();
    await confirmBox.getByRole('button', { name: '计算结果' }).click();
    // The message links to where the results are checked.
    await page.getByTestId('computed-link').filter({ hasText: '到数据看板核对结果' }).waitFor();
    await expect.poll(() => page.getByTestId('computed-link').getAttribute('href')).toBe(`/dashboard?round=${roundId}`);
    const reopenOff = page.getByTestId('reopen-final');
    await reopenOff.waitFor();
    await expect.poll(() => reopenOff.isDisabled()).toBe(true);
    await reopenOff.hover({ force: true });
    await page.getByRole('tooltip').filter({ hasText: '截止已为最终，不能再重新开启' }).waitFor();

    await actions.getByRole('button', { name: '作废本轮次' }).click();
    await dialog.getByLabel('原因').fill('演示：测试作废');
    await screenshot(page, 'round-void');
    await dialog.getByRole('button', { name: '作废本轮次' }).click();
    await status.filter({ hasText: '已作废' }).waitFor();
    await page.getByText('作废原因：演示：测试作废').waitFor();
    await expect.poll(() => page.getByTestId('round-actions').count()).toBe(0);
    const round = (await (await page.request.get(`/api/v1/rounds/${roundId}`)).json()) as { status: string; voidReason: string };
    expect(round).toMatchObject({ status: 'voided', voidReason: '演示：测试作废' });
    await page.context().close();
  });
});
