// Issue 27 in the browser: a leader's first screen says whether the bottom three stand when the answers
// are weighted to the registry; the public page follows a flagged department's rectification through
// time; the supervisor (纪委) reviews the statistical guard's watches — overrides one, confirms another.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { httpClient, login, screenshot, startE2e } from '../support/e2e.ts';

const e2e = await startE2e();
const { api } = httpClient(e2e.baseUrl);
const DAY = 86_400_000;

/** A far-future quarter under 2027-guard: cgj rated 不满意 by all; every other department alike, so only the tie-break orders them. */
async function runGuardedRound(): Promise<string> {
  const taken = new Set((await api<{ id: string }[]>('GET', '/rounds')).map((r) => r.id));
  const id = ['2034Q1', '2034Q2', '2034Q3'].find((q) => !taken.has(q))!;
  const now = Date.now();
  await api('POST', '/rounds', {
    id,
    sampleSize: 12,
    escalationPolicy: '2027-guard',
    opensAt: new Date(now - DAY).toISOString(),
    closesAt: new Date(now + 7 * DAY).toISOString(),
  });
  await api('POST', `/rounds/${id}/freeze`);
  await api('POST', `/rounds/${id}/draw`, { seed: 'guard e2e' });
  await api('POST', `/rounds/${id}/open`);
  const invitations = await api<{ link: string | null }[]>('GET', `/rounds/${id}/invitations`);
  const levels = ['satisfied', 'fairly_satisfied', 'basically_satisfied', 'dissatisfied'];
  for (const [i, token] of invitations.flatMap((v) => (v.link ? [v.link.split('/s/')[1]!] : [])).entries()) {
    const view = await api<{ departments: { id: number; code: string }[] }>('GET', `/survey/${token}`, undefined, null);
    const ratings = view.departments.map((d) => ({ departmentId: d.id, level: d.code === 'cgj' ? 'dissatisfied' : levels[i % 4] }));
    await api('POST', `/survey/${token}/submit`, { submissionId: randomUUID(), ratings, leastSatisfied: [] }, null);
  }
  await api('POST', `/rounds/${id}/close`);
  await api('POST', `/rounds/${id}/compute`);
  await api('POST', `/rounds/${id}/publish`);
  return id;
}

describe('verdicts that hold up', () => {
  it('a leader sees on the first screen whether the bottom three stand when weighted to the registry', async () => {
    const page = await e2e.newPage();
    await login(page, 'leader');
    const note = page.getByTestId('bottom-three').getByTestId('weighted-note');
    await note.getByText('按名录结构加权后倒数3位不变').waitFor();
    await expect.poll(() => note.textContent()).toMatch(/按企业规模加权.*有效样本量 [\d.]+（答卷 \d+ 份）/);
    await expect.poll(() => note.textContent()).toMatch(/倒数第3位与其上一位相差 [\d.]+ 分，加权后 [\d.]+ 分/);
    await screenshot(page, 'weighted-leader');
    await page.context().close();
  });

  it('the public page shows a closed case through time, with call-back counts and no firm', async () => {
    const rounds = await api<{ id: string }[]>('GET', '/public/rounds', undefined, null);
    const oldest = rounds.at(-1)!.id;
    const page = await e2e.newPage();
    await page.goto(`/public/rounds/${oldest}`);
    const timeline = page.getByTestId('public-flagged').getByTestId('case-timeline').first();
    await timeline.getByText('整改销号').waitFor();
    await timeline.getByText('列入整改').waitFor();
    const text = (await timeline.textContent()) ?? '';
    expect(text).toMatch(/回访：台账 \d+ 条，已回访 \d+ 条/);
    expect(text).not.toContain('走访企业');
    await screenshot(page, 'public-timeline');
    await page.context().close();
  });

  it('the supervisor overrides one watch and confirms the other, each with a reason', async () => {
    const roundId = await runGuardedRound();
    const page = await e2e.newPage();
    await login(page, 'supervisor', '/escalations');
    const card = page.getByTestId('watches');
    const rows = card.locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    await expect.poll(() => rows.count()).toBe(2);
    await expect.poll(() => card.textContent()).toContain('低于规定值');

    const review = async (row: number, decision: string, reason: string) => {
      await rows
        .nth(row)
        .getByRole('button', { name: /^审 ?核$/ })
        .click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel(decision).check();
      await dialog.getByLabel('理由').fill(reason);
      await dialog
        .getByRole('button', { name: '提 交' })
        .or(dialog.getByRole('button', { name: '提交' }))
        .click();
      await dialog.waitFor({ state: 'detached' });
      await rows.nth(row).getByTestId('watch-review').getByText(decision).waitFor();
    };
    await review(0, '否决，实施措施', '与其他部门差距虽小但连续反映集中');
    await review(1, '确认观察', '与第四位无显著差异，观察一季');
    await screenshot(page, 'watch-reviewed');

    const board = await api<{
      records: { roundId: string; departmentCode: string; measures: string[] }[];
      watches: { roundId: string; code: string; review: { decision: string } | null }[];
    }>('GET', '/escalations');
    const watches = board.watches.filter((w) => w.roundId === roundId);
    const overridden = watches.find((w) => w.review?.decision === 'override')!;
    const confirmed = watches.find((w) => w.review?.decision === 'confirm')!;
    const records = board.records.filter((r) => r.roundId === roundId).map((r) => r.departmentCode);
    expect(records).toContain(overridden.code);
    expect(records).not.toContain(confirmed.code);
    expect(records).toContain('cgj');

    // The public page names the watch and the decision, never the supervisor's reason.
    await page.goto(`/public/rounds/${roundId}`);
    const watched = page.getByTestId('public-flagged').getByTestId('public-watch');
    await watched.filter({ hasText: '纪委确认观察' }).waitFor();
    await watched.filter({ hasText: '纪委否决观察，实施措施' }).waitFor();
    await expect.poll(() => page.getByTestId('public-flagged').textContent()).not.toContain('观察一季');
    await page.context().close();
  });
});
