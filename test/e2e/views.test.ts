// The views as their readers meet them: a leader's first screen at 1366×768 (who, by how much, how
// sure, what happens), its JavaScript budget, one results request per round and its time to ready (with a
// generous margin: BENCHMARKS.md has the measured figures) and the head's banner. Every page at 375 px is
// every-page.test.ts's.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { WEB_DIST } from '#server/app.ts';
import { DEMO_PASSWORD, httpClient, login, screenshot, startE2e } from '../support/e2e.ts';
import { dashboardDrawn } from '../support/dashboard.ts';

const e2e = await startE2e();
const { api } = httpClient(e2e.baseUrl);

const rounds = await api<{ id: string; status: string }[]>('GET', '/rounds');
const latest = rounds
  .filter((r) => r.status === 'published')
  .map((r) => r.id)
  .sort()
  .at(-1)!;

/** In-page: the time (page clock) at which the bottom three are shown with their data. */
const READY_SCRIPT = `new MutationObserver(() => {
  if (window.__ready === undefined && document.querySelectorAll('[data-testid="bottom-department"]').length >= 3) window.__ready = performance.now();
}).observe(document, { childList: true, subtree: true });`;
const readyAt = async (page: Page) =>
  Number(await (await page.waitForFunction(() => (window as unknown as { __ready?: number }).__ready)).jsonValue());

describe('the leader’s first screen (1366×768)', () => {
  it('needs at most 350 KB of JavaScript (gzip) before it is shown; the ranking and the charts come after', async () => {
    // An empty cache: a leader's first visit, signed in already.
    const page = await e2e.newPage({ viewport: { width: 1366, height: 768 } });
    const signedIn = await page.context().request.post('/api/v1/auth/login', { data: { username: 'leader', password: DEMO_PASSWORD } });
    expect(signedIn.ok()).toBe(true);
    await page.context().addInitScript(READY_SCRIPT);
    await page.goto('/dashboard');
    await readyAt(page);
    await page.getByTestId('result-charts').waitFor();
    const scripts = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((e) => e.name.endsWith('.js'))
        .map((e) => ({ path: new URL(e.name).pathname, before: e.startTime <= (window as unknown as { __ready: number }).__ready })),
    );
    const gzip = async (paths: string[]) => {
      let bytes = 0;
      for (const p of new Set(paths)) bytes += gzipSync(await readFile(join(WEB_DIST, p)), { level: 9 }).length;
      return bytes;
    };
    const firstScreen = await gzip(scripts.filter((s) => s.before).map((s) => s.path));
    const all = await gzip(scripts.map((s) => s.path));
    console.log(`dashboard JS: ${(firstScreen / 1024).toFixed(1)} KB gz before the first screen, ${(all / 1024).toFixed(1)} KB gz in all`);
    expect(firstScreen).toBeLessThanOrEqual(350 * 1024);
    // Chart code is not part of it (recharts draws the funnel; its chunk is asked for after the first screen).
    const before = scripts
      .filter((s) => s.before)
      .map((s) => s.path)
      .join(' ');
    expect(before).not.toMatch(/ResultCharts|CartesianChart|RankingTable/);
    expect(all).toBeGreaterThan(firstScreen);
    await page.context().close();
  });

  it('shows the bottom three with score, interval, gap, P(bottom 3), votes, head streak and measures, with one results request per round (its time is judged by npm run bench)', async () => {
    const page = await e2e.newPage({ viewport: { width: 1366, height: 768 } });
    await login(page, 'leader');
    // Warm: the server has answered these once already (the login's landing page).
    await dashboardDrawn(page);
    await page.context().addInitScript(READY_SCRIPT);
    const times: number[] = [];
    for (let visit = 0; visit < 3; visit++) {
      const api: string[] = [];
      const listener = (r: { url(): string }) => {
        const p = new URL(r.url()).pathname;
        if (p.startsWith('/api/')) api.push(p);
      };
      page.on('request', listener);
      await page.goto('/dashboard');
      times.push(await readyAt(page));
      await dashboardDrawn(page);
      page.off('request', listener);
      const results = api.filter((p) => /\/rounds\/[^/]+\/results$/.test(p));
      // One request per published round (the history and the charts share them), and no read twice.
      expect(new Set(results).size).toBe(rounds.filter((r) => r.status === 'published').length);
      expect(api.filter((path, i) => api.indexOf(path) !== i)).toEqual([]); // names any read twice
    }
    times.sort((a, b) => a - b);
    console.log(`dashboard ready (warm) in ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
    // The target, 1 s, is a time on a quiet machine: `npm run bench` judges it (bench/dashboard.ts, BENCHMARKS.md).

    const card = page.getByTestId('bottom-three');
    const box = (await card.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(768 + 4); // all of it on the first screen (within the scrollbar's few pixels)
    const last = page.getByTestId('bottom-department').first();
    await expect.poll(() => last.getByTestId('bottom-place').textContent()).toMatch(/^第 \d+ 名（倒数第 1）$/);
    await expect.poll(() => last.getByTestId('bottom-score').textContent()).toMatch(/\d+\.\d95% 区间 \d+\.\d–\d+\.\d比上一名低 \d+\.\d 分/);
    await expect.poll(() => last.getByTestId('bottom-pbottom').textContent()).toMatch(/\d+%/);
    await expect.poll(() => last.getByTestId('bottom-votes').textContent()).toMatch(/\d+ 票/);
    await expect.poll(() => last.getByTestId('bottom-measures').textContent()).toMatch(/负责人连续第 \d 次/);
    await expect.poll(() => page.getByTestId('bottom-line').textContent()).toMatch(/第 \d+ 名 .+，\d+\.\d 分/);
    // The votes headline names its departments: "市…局（2025年第四季度）→ 市…局（2026年第三季度）".
    await expect
      .poll(() => page.getByTestId('votes-headline').textContent())
      .toMatch(/17 → 5.*市.+（\d{4}年第.季度）→ 市.+（\d{4}年第.季度）/);
    await screenshot(page, 'dashboard-first-screen');
  });
});

describe('the head’s page', () => {
  it('says the verdict in the banner: place from the bottom, measures, streak, rectification; one-axis trend with values', async () => {
    const page = await e2e.newPage({ viewport: { width: 1440, height: 900 } });
    await login(page, 'head.cgj');
    const banner = page.getByTestId('flagged-alert');
    await banner.waitFor();
    await expect.poll(() => page.getByTestId('flagged-place').textContent()).toMatch(/第 \d+ 名（倒数第 \d）/);
    // The verdict is the quarter's state: place, then each measure with its status.
    await expect.poll(() => page.getByTestId('verdict').textContent()).toMatch(/倒数第 1）大会表态发言 \+ 约谈提醒.*调离岗位/);
    const trend = page.getByTestId('trend-chart');
    await trend.locator('.recharts-label-list').first().waitFor();
    await expect.poll(() => trend.locator('.recharts-yAxis').count()).toBe(1);
    await expect.poll(() => trend.locator('.recharts-label-list text').count()).toBeGreaterThanOrEqual(4);
    await screenshot(page, 'head-page-1440');
  });
});

describe('comments', () => {
  it('identical comments are read once with their count', async () => {
    const page = await e2e.newPage();
    await login(page, 'leader', `/rounds/${latest}/comments`);
    await page.getByTestId('overall-comments').getByTestId('comment').first().waitFor();
    await expect.poll(() => page.getByTestId('overall-comments').getByTestId('comment-count-same').first().textContent()).toMatch(/^×\d+$/);
  });
});

describe('分组统计 on the round page', () => {
  it('a leader reads the means by township and by size, every cell under 5 ratings as "<5"', async () => {
    const page = await e2e.newPage();
    const b = await api<{ dimensions: { dimension: string; groups: { value: string; departments: { n: number | null }[] }[] }[] }>(
      'GET',
      `/rounds/${latest}/breakdowns`,
    );
    await login(page, 'leader', `/rounds/${latest}`);
    const card = page.getByTestId('breakdowns-card');
    for (const [dimension, label] of [
      ['township', '乡镇（街道）'],
      ['size', '企业规模'],
    ] as const) {
      if (dimension !== 'township') await card.getByTestId('breakdowns-dimension').getByText(label).click();
      const expected = b.dimensions.find((d) => d.dimension === dimension)!;
      const table = card.getByTestId('breakdowns-table');
      await table
        .locator('th')
        .filter({ hasText: /（\d+ 家）/ })
        .first()
        .waitFor();
      await expect
        .poll(() =>
          table
            .locator('thead th')
            .filter({ hasText: /（\d+ 家）/ })
            .count(),
        )
        .toBe(expected.groups.length);
      const suppressed = expected.groups.flatMap((g) => g.departments).filter((d) => d.n === null).length;
      await expect.poll(() => table.getByTestId('suppressed-cell').count()).toBe(suppressed);
      for (const text of await table.getByTestId('suppressed-cell').allTextContents()) expect(text).toBe('<5');
      // Every number shown stands on 5 ratings or more.
      for (const n of await table
        .locator('td')
        .filter({ hasText: /^\d+\.\d \(\d+\)$/ })
        .allTextContents()) {
        expect(Number(/\((\d+)\)/.exec(n)![1])).toBeGreaterThanOrEqual(5);
      }
    }
    await expect.poll(() => card.textContent()).toContain('少于 5 家企业的分组不列出');
    await page.context().close();
  });
});
