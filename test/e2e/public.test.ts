// 公开通报 in the browser, without a login: the list of published rounds, one round's disclosure (no
// comments anywhere), and 验证抽签 re-running the draw record here — 一致 for the real record, and the
// exact difference for a tampered one (served in its place, or chosen as a file). The round page too.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { DrawRecord } from '#shared/draw/draw.ts';
import { httpClient, login, screenshot, startE2e } from '../support/e2e.ts';

const e2e = await startE2e();
const { api } = httpClient(e2e.baseUrl);

const published = (await api<{ id: string; status: string }[]>('GET', '/rounds'))
  .filter((r) => r.status === 'published')
  .map((r) => r.id)
  .sort();
const latest = published.at(-1)!;
const comments = await api<{ departments: { comments: string[] }[]; overall: string[] | null }>('GET', `/rounds/${latest}/comments`);
const commentTexts = [...comments.departments.flatMap((d) => d.comments), ...(comments.overall ?? [])];
const record = await api<DrawRecord>('GET', `/rounds/${latest}/draw-record`);

/** The record with the first sampled enterprise exchanged for the first backup of another enterprise. */
function tampered(): DrawRecord {
  const bad = structuredClone(record);
  bad.sample[0] = { ...bad.sample[0]!, uscc: bad.backups[0]!.uscc };
  return bad;
}

async function verify(page: Page) {
  await page.getByRole('button', { name: '验证抽签' }).click();
  const result = page.getByTestId('verify-result');
  await result.waitFor();
  return result;
}

describe('public disclosure (公开通报)', () => {
  it('lists the published rounds and shows one without a login, with no comments', async () => {
    const page = await e2e.newPage();
    await page.goto('/public');
    await page
      .getByTestId('public-rounds')
      .getByRole('link', { name: /市场主体评部门结果/ })
      .first()
      .click();
    await page.getByTestId('public-round').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/public/rounds/${latest}`);
    const flagged = page.getByTestId('public-flagged');
    await expect.poll(() => flagged.textContent()).toMatch(/第 \d+ 名（倒数第 1）/);
    await expect.poll(() => flagged.textContent()).toContain('95% 置信区间');
    await expect.poll(() => flagged.textContent()).toContain('大会表态发言');
    await expect.poll(() => flagged.textContent()).toMatch(/整改/);
    await expect.poll(() => page.getByTestId('public-ranking').locator('tbody tr').count()).toBeGreaterThan(40);
    expect(commentTexts.length).toBeGreaterThan(0);
    const text = (await page.locator('body').textContent())!;
    for (const c of commentTexts) expect(text).not.toContain(c);
    expect(text).not.toContain('意见建议');
    // Who publishes it and whom to call, from the configuration (the demo's city).
    await expect.poll(() => page.getByTestId('issuer-office').textContent()).toBe('发布单位：仙桃市优化营商环境工作领导小组办公室');
    await expect.poll(() => page.getByTestId('issuer-phone').textContent()).toBe('咨询电话：0728-3312345');
    await expect.poll(() => page.getByTestId('issuer-phone').getByRole('link').getAttribute('href')).toBe('tel:07283312345');
    // The audit chain's head stored at publication, for anyone to keep: the one every verification requires.
    const head = (await api<{ auditHead: { id: number; hash: string } }>('GET', `/public/rounds/${latest}`, undefined, null)).auditHead;
    const card = page.getByTestId('public-audit-head');
    await expect.poll(() => card.textContent()).toContain('审计日志链头');
    await expect.poll(() => card.textContent()).toContain(head.hash);
    await expect.poll(() => card.textContent()).toMatch(new RegExp(`记录序号\\s*${head.id}`));
    expect((await api<{ published: { id: number } }>('GET', '/audit/verify')).published.id).toBe(head.id);
    await screenshot(page, 'public-round');
  });

  it('验证抽签 says 一致 for the published record and names the difference in a tampered one', async () => {
    const page = await e2e.newPage();
    await page.goto(`/public/rounds/${latest}`);
    const ok = await verify(page);
    await expect.poll(() => ok.getAttribute('data-outcome')).toBe('ok');
    await expect.poll(() => ok.textContent()).toContain('一致');
    await expect.poll(() => ok.textContent()).toContain(record.poolHash);

    // The same button, with a forged record served in place of the real one.
    await page.route(`**/api/v1/rounds/${latest}/draw-record`, (route) => route.fulfill({ json: tampered() }));
    const bad = await verify(page);
    await expect.poll(() => bad.getAttribute('data-outcome')).toBe('differs');
    const line = `抽中名单第 1 位：记录为 ${record.backups[0]!.uscc}`;
    await expect.poll(() => bad.textContent()).toContain(line);
    await expect.poll(() => bad.textContent()).toContain(`重新计算为 ${record.sample[0]!.uscc}`);

    // A file handed over by someone else.
    await page
      .getByTestId('verify-file')
      .setInputFiles({ name: 'record.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(tampered())) });
    await expect.poll(async () => (await page.getByTestId('verify-result').textContent()) ?? '').toContain(line);
    await page
      .getByTestId('verify-file')
      .setInputFiles({ name: 'record.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(record)) });
    await expect.poll(() => page.getByTestId('verify-result').getAttribute('data-outcome')).toBe('ok');
  });

  it('an unpublished round is not found on the public page', async () => {
    const open = (await api<{ id: string; status: string }[]>('GET', '/rounds')).find((r) => r.status === 'open')!;
    const page = await e2e.newPage();
    await page.goto(`/public/rounds/${open.id}`);
    await page.getByText('没有找到这一期已发布的通报。').waitFor();
  });

  it('a leader verifies the draw on the round page, with no command line needed', async () => {
    const page = await e2e.newPage();
    await login(page, 'leader', `/rounds/${latest}`);
    const ok = await verify(page);
    await expect.poll(() => ok.getAttribute('data-outcome')).toBe('ok');
    await expect.poll(() => ok.textContent()).toContain('一致');
  });
});
