// Figure 6: what a phone downloads for the survey, counted on the wire (headers and compressed bodies, as
// DevTools' "transferred"), in Chromium at 375×812 on a 1.6 Mbps / 750 kbps / 150 ms line: a first visit with an
// empty cache, then a repeat visit (hashed files from the browser cache), and how long until the form answers.
// Standalone: `npx tsx bench/delivery.ts` (the built web/dist; Chromium at CHROMIUM_PATH or /usr/bin/chromium).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { buildApp } from '#server/app.ts';
import { testConfig } from '../test/support/config.ts';
import { openPgliteTarget } from './db.ts';
import { JWT_SECRET, openRoundWithTokens, seedRegistry } from './fixtures.ts';
import { errorText, kb, log } from './util.ts';

export const SLOW_LINE = { offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 };
const SCREEN = { width: 375, height: 812 };

export interface Visit {
  bytes: number;
  requests: string[];
  usableMs: number;
}
export interface DeliveryFigures {
  first: Visit;
  repeat: Visit;
  chromium: string;
}

/** Loads the survey until its first answer can be given, counting every byte received meanwhile. */
async function visit(page: Page, url: string): Promise<Visit> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_LINE);
  const urls = new Map<string, string>();
  const requests: string[] = [];
  let bytes = 0;
  cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
  cdp.on('Network.loadingFinished', (e) => {
    bytes += e.encodedDataLength;
    requests.push(`${new URL(urls.get(e.requestId) ?? 'http://x/?').pathname} ${e.encodedDataLength} B`);
  });
  const started = Date.now();
  await page.goto(url, { waitUntil: 'commit' });
  await page.getByRole('radio').first().waitFor({ state: 'visible', timeout: 60_000 });
  const usableMs = Date.now() - started;
  await page.waitForLoadState('networkidle');
  await cdp.detach();
  return { bytes, requests, usableMs };
}

export async function benchDelivery(webDist: string): Promise<DeliveryFigures> {
  if (!existsSync(join(webDist, 'survey.html'))) throw new Error(`no built survey page in ${webDist}`);
  const target = await openPgliteTarget('pingyi-bench-delivery-');
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  try {
    await seedRegistry(target.database.db, 60);
    const round = await openRoundWithTokens(target.database.db, '2026Q1', 3, new Date());
    const app = await buildApp({
      database: target.database,
      serveWeb: true,
      webDist,
      config: testConfig({ jwtSecret: JWT_SECRET, publicBaseUrl: 'http://127.0.0.1' }),
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as { port: number };
    const browser = await chromium.launch({
      executablePath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    });
    try {
      const context = await browser.newContext({ viewport: SCREEN, isMobile: true, hasTouch: true, locale: 'zh-CN' });
      const page = await context.newPage();
      const url = `http://127.0.0.1:${port}/s/${round.invitations[0]!.token}`;
      log('survey delivery: first visit (empty cache), then a repeat visit, on the throttled line');
      const first = await visit(page, url);
      const repeat = await visit(page, url);
      return { first, repeat, chromium: browser.version() };
    } finally {
      await browser.close();
      await app.close();
    }
  } finally {
    await target.cleanup();
  }
}

export const summarise = (f: DeliveryFigures) =>
  `first visit ${kb(f.first.bytes)} transferred in ${f.first.requests.length} responses, usable after ${f.first.usableMs} ms; ` +
  `repeat visit ${kb(f.repeat.bytes)} in ${f.repeat.requests.length} responses, usable after ${f.repeat.usableMs} ms (Chromium ${f.chromium})`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = fileURLToPath(new URL('../web/dist', import.meta.url));
  try {
    const f = await benchDelivery(dist);
    log(summarise(f));
    log(`first visit:\n  ${f.first.requests.join('\n  ')}`);
    log(`repeat visit:\n  ${f.repeat.requests.join('\n  ')}`);
  } catch (err) {
    log(`survey delivery failed: ${errorText(err)}`);
    process.exitCode = 1;
  }
}
