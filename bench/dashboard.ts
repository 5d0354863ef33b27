// Figure 6: the leader's dashboard in Chromium, as a leader meets it. The app serves a built web app over
// the demo history (PGlite, four published quarters and an open one); a leader signs in, and then:
// - ready time: from navigation start to the bottom three shown with their data (three departments in the
//   first-screen card), timed inside the page, over repeated visits from a warm server and browser cache;
// - results requests per visit (the target: one per round);
// - route JS: the scripts a first visit (empty cache) fetches until the dashboard is ready, and until the
//   network is idle (the ranking and the charts below), each weighed as gzip level 9 of the built file.
// Standalone: `npx tsx bench/dashboard.ts` (builds the web app into a temporary folder first);
// BENCH_TRACE=1 prints each warm visit's API requests and ready time on the page's clock.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { buildApp } from '#server/app.ts';
import { testConfig } from '../test/support/config.ts';
import { dashboardDrawn } from '../test/support/dashboard.ts';
import { openDatabase } from '#server/db/client.ts';
import { DEMO_PASSWORD, seedDemo } from '#server/demo/seed.ts';
import { benchBundle } from './bundle.ts';
import { log, median, now, percentile } from './util.ts';

export interface DashboardFigures {
  visits: number;
  readyMs: number[];
  /** Results requests of each warm visit, and the rounds they should cover (published ones). */
  resultsRequests: number[];
  publishedRounds: number;
  duplicateRequests: string[];
  /** JS a first visit fetches until ready, and until the network is idle. */
  readyJs: { files: string[]; gzipBytes: number };
  idleJs: { files: string[]; gzipBytes: number };
  seedMs: number;
}

const SECRET = 'bench-dashboard-secret-bench-dashboard-secret';
const VISITS = 7;
const READY_SCRIPT = `(() => {
  const check = () => {
    if (window.__ready === undefined && document.querySelectorAll('[data-testid="bottom-department"]').length >= 3) window.__ready = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
})();`;

function weigh(dist: string, urls: Iterable<string>): { files: string[]; gzipBytes: number } {
  const files = [...new Set([...urls].map((u) => new URL(u).pathname).filter((p) => p.endsWith('.js')))].sort();
  let gzipBytes = 0;
  for (const f of files) gzipBytes += gzipSync(readFileSync(join(dist, f)), { level: 9 }).length;
  return { files: files.map((f) => f.replace('/assets/', '')), gzipBytes };
}

async function signIn(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, locale: 'zh-CN', viewport: { width: 1366, height: 768 } });
  const res = await context.request.post('/api/v1/auth/login', { data: { username: 'leader', password: DEMO_PASSWORD } });
  if (!res.ok()) throw new Error(`leader login: ${res.status()}`);
  await context.addInitScript(READY_SCRIPT);
  return context;
}

export async function benchDashboard(
  webDist: string,
  executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
): Promise<DashboardFigures> {
  if (!existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath} (set CHROMIUM_PATH)`);
  const database = await openDatabase({ kind: 'pglite' });
  let browser: Browser | undefined;
  const app = await buildApp({
    database,
    config: testConfig({ jwtSecret: SECRET, publicBaseUrl: 'http://127.0.0.1' }),
    serveWeb: true,
    webDist,
  });
  try {
    const t = now();
    await seedDemo(database.db, new Date(), { secret: SECRET });
    const seedMs = now() - t;
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const baseURL = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const signedIn = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'leader', password: DEMO_PASSWORD },
    });
    const cookie = signedIn.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const all = (await app.inject({ method: 'GET', url: '/api/v1/rounds', headers: { cookie } })).json() as { status: string }[];
    const rounds = all.filter((r) => r.status === 'published');
    browser = await chromium.launch({
      executablePath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    });

    // A first visit, empty cache: which scripts the route needs for its first screen and for the rest.
    const cold = await signIn(browser, baseURL);
    const page = await cold.newPage();
    page.setDefaultTimeout(60_000);
    await page.goto('/dashboard');
    await page.waitForFunction(() => (window as unknown as { __ready?: number }).__ready !== undefined);
    await dashboardDrawn(page);
    // The page's own clock: scripts asked for before the bottom three were shown (what waits for the first
    // screen starts after it), then everything the route loads.
    const scripts = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((e) => e.name.endsWith('.js'))
        .map((e) => ({ url: e.name, before: e.startTime <= (window as unknown as { __ready: number }).__ready })),
    );
    const readyJs = weigh(
      webDist,
      scripts.filter((s) => s.before).map((s) => s.url),
    );
    const idleJs = weigh(
      webDist,
      scripts.map((s) => s.url),
    );

    // Warm visits: the same browser (cache kept), the server has answered the same requests before.
    const readyMs: number[] = [];
    const resultsRequests: number[] = [];
    const duplicateRequests = new Set<string>();
    for (let i = 0; i < VISITS; i++) {
      const api: string[] = [];
      const listener = (r: { url(): string }) => {
        const p = new URL(r.url()).pathname;
        if (p.startsWith('/api/')) api.push(p);
      };
      page.on('request', listener);
      await page.goto('/dashboard');
      const ready = await page.waitForFunction(() => (window as unknown as { __ready?: number }).__ready);
      readyMs.push(Number(await ready.jsonValue()));
      await dashboardDrawn(page);
      page.off('request', listener);
      if (process.env.BENCH_TRACE)
        console.log(
          JSON.stringify(
            await page.evaluate(() => [
              ...performance
                .getEntriesByType('resource')
                .filter((e) => e.name.includes('/api/'))
                .map(
                  (e) => `${new URL(e.name).pathname} ${e.startTime.toFixed(0)}-${(e as PerformanceResourceTiming).responseEnd.toFixed(0)}`,
                ),
              ...performance.getEntriesByType('mark').map((m) => `${m.name} ${m.startTime.toFixed(0)}`),
              `dcl ${(performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd.toFixed(0)}`,
              `ready ${(window as unknown as { __ready: number }).__ready.toFixed(0)}`,
            ]),
          ),
        );
      resultsRequests.push(api.filter((p) => /\/rounds\/[^/]+\/results$/.test(p)).length);
      for (const p of api) if (api.indexOf(p) !== api.lastIndexOf(p)) duplicateRequests.add(p);
    }
    await cold.close();
    const figures: DashboardFigures = {
      visits: VISITS,
      readyMs,
      resultsRequests,
      publishedRounds: rounds.length,
      duplicateRequests: [...duplicateRequests],
      readyJs,
      idleJs,
      seedMs,
    };
    log(
      `dashboard: ready p50 ${median(readyMs).toFixed(0)} ms (runs ${readyMs.map((x) => x.toFixed(0)).join(', ')}); ` +
        `results requests per visit ${resultsRequests.join(', ')} for ${rounds.length} published rounds; ` +
        `JS until ready ${(readyJs.gzipBytes / 1024).toFixed(1)} KB gz, until idle ${(idleJs.gzipBytes / 1024).toFixed(1)} KB gz`,
    );
    return figures;
  } finally {
    await browser?.close();
    await app.close();
    await database.close();
  }
}

export const readyP50 = (f: DashboardFigures) => median(f.readyMs);
export const readyP90 = (f: DashboardFigures) => percentile(f.readyMs, 90);

if (import.meta.url === `file://${process.argv[1]}`) {
  const built = benchBundle({ keep: true });
  try {
    if (!built.kept) throw new Error('the web app did not build');
    const f = await benchDashboard(built.kept.path);
    console.log(JSON.stringify({ ...f, readyP50: readyP50(f), readyP90: readyP90(f) }, null, 2));
  } finally {
    built.kept?.remove();
  }
  process.exit(0);
}
