// Browser tests: a real server (built web app, fresh seeded database) and headless Chromium per test file.
import { cityDay, DEFAULT_CITY_TZ } from '#shared/city-day.ts';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, expect, inject } from 'vitest';
import { buildApp, WEB_DIST } from '#server/app.ts';
import { testConfig } from './config.ts';
import { openDatabase, type Db } from '#server/db/client.ts';
import { ballotMoverTick } from '#server/survey/ballot-mover.ts';
import { DEMO_PASSWORD } from '#server/demo/seed.ts';
import { E2E_SECRET } from './e2e-global-setup.ts';
import { freePort } from './ports.ts';

export { DEMO_PASSWORD };
export const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts', import.meta.url));

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * The longest any single state may take to show (a row, a closed dialog, a response) before a test calls it
 * missing: a ceiling for a loaded machine, never a wait. vitest.config.ts gives expect.poll the same.
 */
export const STATE_TIMEOUT = 30_000;

export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}. Install it with \`apt-get install chromium\` ` +
        '(Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium or Chrome executable.',
    );
  }
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

export interface E2e {
  baseUrl: string;
  /** A fresh browser context (own cookies and storage) in Chinese, as a city clerk would have it. */
  newPage(opts?: {
    locale?: string;
    phone?: boolean;
    viewport?: { width: number; height: number };
    /** The computer's zone (the machine's by default); the date pickers read and write in it. */
    timezoneId?: string;
  }): Promise<Page>;
  /** Uncaught errors thrown in any page so far (a test should end with none). */
  pageErrors: string[];
  /** The server's database, for tests that play whoever holds it. */
  db: Db;
  /** One tick of the ballot mover's timer now (moves the box, reports states, releases held requests), without waiting 30 s for it. */
  tick(): Promise<unknown>;
  /** One run of the outbox job at noon today, city time (outside quiet hours whenever the test runs). */
  outboxTick(): Promise<unknown>;
}

/** Starts the app on a random port with the demo data, and Chromium; both are closed after the file's tests. */
export async function startE2e(): Promise<E2e> {
  if (!existsSync(join(WEB_DIST, 'index.html'))) {
    throw new Error('web/dist is missing: build the web app first (`npx vite build`, or run `npm run test:e2e`).');
  }
  const database = await openDatabase(
    { kind: 'pglite', loadDataDir: new Blob([await readFile(inject('pgliteDemoTemplate'))]) },
    { migrate: false },
  );
  const closers: (() => Promise<unknown>)[] = [() => database.close()];
  const pageErrors: string[] = [];
  afterAll(async () => {
    for (const close of closers.reverse()) await close();
  });
  // Every test ends with no uncaught error thrown in any of its pages.
  afterEach(() => {
    expect(pageErrors).toEqual([]);
  });
  // The port is chosen first so that the survey links the app makes point at this very server.
  const port = await freePort();
  const app = await buildApp({
    database,
    config: testConfig({ jwtSecret: E2E_SECRET, publicBaseUrl: `http://127.0.0.1:${port}` }),
    serveWeb: true,
  });
  closers.push(() => app.close());
  await app.listen({ port, host: '127.0.0.1' });
  const browser = await launchChromium();
  closers.push(() => browser.close());
  await mkdir(ARTIFACTS, { recursive: true });

  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    pageErrors,
    db: database.db,
    tick: () => ballotMoverTick(database.db, new Date()),
    outboxTick: () => app.outbound.tick(new Date(`${cityDay(new Date(), DEFAULT_CITY_TZ)}T12:00:00+08:00`)),
    async newPage(opts = {}) {
      // phone: a cheap Android phone's screen (the enterprise survey), with touch.
      // viewport: a given window (e.g. 375 px, an iPhone in WeChat; 1366×768, a leader's laptop).
      const screen = opts.phone
        ? { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true }
        : opts.viewport
          ? { viewport: opts.viewport, isMobile: opts.viewport.width < 600, hasTouch: opts.viewport.width < 600 }
          : { viewport: { width: 1366, height: 900 } };
      const context = await browser.newContext({
        baseURL: baseUrl,
        locale: opts.locale ?? 'zh-CN',
        timezoneId: opts.timezoneId,
        // Motion off, as the system setting asks (the admin app honours it): under load a dialog's 0.3 s
        // opening can take seconds, and a click landing on it mid-motion can go nowhere.
        reducedMotion: 'reduce',
        ...screen,
      });
      const page = await context.newPage();
      page.setDefaultTimeout(STATE_TIMEOUT);
      page.on('pageerror', (err) => pageErrors.push(err.message));
      return page;
    },
  };
}

/**
 * Signs in with the login form's own request (in the page's cookie jar, as the form would), then opens `path`,
 * or else the user's home and waits for its navigation menu (or, on a phone, its button). The form itself is
 * tested in login.test.ts; loading it, and then the home page, before every page a test needs cost each
 * sign-in two page loads.
 */
export async function login(page: Page, username: string, path?: string): Promise<void> {
  const res = await page.request.post('/api/v1/auth/login', { data: { username, password: DEMO_PASSWORD } });
  if (!res.ok()) throw new Error(`signing in as ${username}: ${res.status()} ${await res.text()}`);
  await page.goto(path ?? '/');
  if (path === undefined) await page.getByTestId('nav').or(page.getByTestId('menu-button')).first().waitFor();
}

/**
 * Clicks a dialog's button until what it leads to is shown, as a person clicks again when nothing happened:
 * a click that lands while the dialog is still opening (or while the one before it is still closing) can go
 * nowhere. Only for buttons a second click cannot repeat: a button that is saving ignores clicks, and once
 * the result is shown the button is gone.
 */
export async function clickUntil(button: Locator, shown: Locator): Promise<void> {
  await expect
    .poll(async () => {
      if (await shown.isVisible()) return true;
      // The ceiling of one click (the button may be gone by now because the first click worked).
      await button.click({ timeout: 2_000 }).catch(() => undefined);
      return shown.isVisible();
    })
    .toBe(true);
}

/**
 * Picks an option of an antd Select as a person does: opens it, waits until its list has finished opening
 * (no slide-up motion class left: a click during the motion can go nowhere), clicks the option, and waits
 * until the select shows it.
 */
export async function chooseOption(page: Page, select: Locator, option: string): Promise<void> {
  const box = select.locator('xpath=ancestor-or-self::*[contains(concat(" ", @class, " "), " ant-select ")][1]');
  await select.click();
  const list = page.locator('.ant-select-dropdown:visible:not([class*="ant-slide-up-"])');
  await list.waitFor();
  await list.locator('.ant-select-item-option').filter({ hasText: option }).first().click();
  await box.filter({ hasText: option }).waitFor();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true, animations: 'disabled' });
}

/** The office's side over HTTP, for set-up and cross-checks: a session cookie per login, and JSON calls (as admin by default). */
export function httpClient(baseUrl: string) {
  const sessions = new Map<string, Promise<string>>();
  const cookieFor = (username: string): Promise<string> => {
    let session = sessions.get(username);
    if (!session) {
      session = fetch(`${baseUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: DEMO_PASSWORD }),
      }).then((res) => {
        if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
        return res.headers
          .getSetCookie()
          .map((c) => c.split(';')[0])
          .join('; ');
      });
      sessions.set(username, session);
    }
    return session;
  };
  async function api<T = unknown>(method: 'GET' | 'POST', path: string, body?: object, cookie?: string | null): Promise<T> {
    const session = cookie === undefined ? await cookieFor('admin') : cookie;
    const res = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: { ...(session ? { cookie: session } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
  return { cookieFor, api };
}

/** Opens a round now in the first free quarter of `candidates` (far-future labels) and returns its survey tokens. */
export async function openRoundForSurvey(
  baseUrl: string,
  candidates: string[],
  sampleSize: number,
): Promise<{ roundId: string; tokens: string[] }> {
  const { api } = httpClient(baseUrl);
  const taken = new Set((await api<{ id: string }[]>('GET', '/rounds')).map((r) => r.id));
  const roundId = candidates.find((q) => !taken.has(q));
  if (!roundId) throw new Error(`every quarter of ${candidates.join(', ')} is taken`);
  const now = Date.now();
  const day = 86_400_000;
  await api('POST', '/rounds', {
    id: roundId,
    sampleSize,
    opensAt: new Date(now - day).toISOString(),
    closesAt: new Date(now + 7 * day).toISOString(),
  });
  await api('POST', `/rounds/${roundId}/freeze`);
  await api('POST', `/rounds/${roundId}/draw`, { seed: `e2e ${roundId}` });
  await api('POST', `/rounds/${roundId}/open`);
  const invitations = await api<{ link: string | null }[]>('GET', `/rounds/${roundId}/invitations`);
  return { roundId, tokens: invitations.flatMap((i) => (i.link ? [i.link.split('/s/')[1]!] : [])) };
}
