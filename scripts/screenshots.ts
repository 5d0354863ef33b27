// `npx tsx scripts/screenshots.ts`: the README's pictures of what each role sees, taken from a fresh demo.
// Builds the web app if its sources changed, seeds the demo into an in-memory database, serves it on a
// free port and photographs each role's first page in Chromium (CHROMIUM_PATH, default /usr/bin/chromium)
// into docs/screenshots/. Nothing is written anywhere else; the database goes away with the process.
// Chinese needs a CJK font on the machine (Debian: `apt-get install fonts-wqy-microhei` or fonts-noto-cjk),
// or every character is drawn as a box.
import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { buildApp } from '#server/app.ts';
import { loadConfig } from '#server/config.ts';
import { openDatabase } from '#server/db/client.ts';
import { DEMO_PASSWORD, seedDemo } from '#server/demo/seed.ts';
import { ensureWebBuild } from './build-web.ts';

const OUT = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
const SECRET = 'screenshots-secret-screenshots-secret-0001';

/** One picture: who, where, and what to wait for before taking it. */
interface Shot {
  file: string;
  login: string | null;
  path: string;
  ready: (page: Page) => Promise<unknown>;
  phone?: boolean;
}

const SHOTS = (published: string, open: string, caseId: number): Shot[] => [
  { file: 'leader-dashboard', login: 'leader', path: '/dashboard', ready: (p) => p.locator('.ant-table-row').first().waitFor() },
  { file: 'admin-round', login: 'admin', path: `/rounds/${open}`, ready: (p) => p.getByText('抽签').first().waitFor() },
  {
    file: 'admin-invitations',
    login: 'admin',
    path: `/rounds/${open}/invitations`,
    ready: (p) => p.locator('[data-testid="qr"] img').first().waitFor(),
  },
  {
    file: 'supervisor-audit',
    login: 'supervisor',
    path: '/audit',
    ready: (p) => p.getByTestId('audit-table').locator('.ant-table-row').first().waitFor(),
  },
  { file: 'head-my-department', login: 'head.cgj', path: '/my-department', ready: (p) => p.getByTestId('mydept-title').waitFor() },
  {
    file: 'head-rectification',
    login: 'head.cgj',
    path: `/rectification/${caseId}`,
    ready: (p) => p.locator('.ant-table-row').first().waitFor(),
  },
  { file: 'org-points', login: 'org', path: '/points', ready: (p) => p.locator('.ant-table-row').first().waitFor() },
  { file: 'security-accounts', login: 'security', path: '/accounts', ready: (p) => p.locator('.ant-table-row').first().waitFor() },
  { file: 'public-round', login: null, path: `/public/rounds/${published}`, ready: (p) => p.locator('table tr').nth(3).waitFor() },
  { file: 'enterprise-requests-phone', login: null, path: '/r', ready: (p) => p.getByTestId('request-code-input').waitFor(), phone: true },
];

async function main() {
  const web = ensureWebBuild();
  const database = await openDatabase({ kind: 'pglite' });
  await seedDemo(database.db, new Date(), { secret: SECRET });
  await web;
  const app = await buildApp({
    database,
    config: loadConfig({ JWT_SECRET: SECRET, PUBLIC_BASE_URL: 'http://127.0.0.1', LOG_LEVEL: 'silent', DEMO: 'true' }),
    serveWeb: true,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const baseURL = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  try {
    const rounds = (await (await fetch(`${baseURL}/api/v1/public/rounds`)).json()) as { id: string }[];
    const published = rounds[0]!.id;
    const session = await signIn(baseURL, 'admin');
    const all = (await (await fetch(`${baseURL}/api/v1/rounds`, { headers: { cookie: session } })).json()) as {
      id: string;
      status: string;
    }[];
    const open = all.find((r) => r.status === 'open')?.id ?? published;
    const cases = (await (await fetch(`${baseURL}/api/v1/rectification/cases`, { headers: { cookie: session } })).json()) as {
      id: number;
      departmentCode: string;
    }[];
    const caseId = cases.find((c) => c.departmentCode === 'cgj')?.id ?? cases[0]!.id;
    await mkdir(OUT, { recursive: true });
    for (const shot of SHOTS(published, open, caseId)) {
      const context = await browser.newContext({
        baseURL,
        locale: 'zh-CN',
        ...(shot.phone
          ? { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true }
          : { viewport: { width: 1280, height: 800 } }),
      });
      if (shot.login) await context.addCookies(cookiesOf(await signIn(baseURL, shot.login), baseURL));
      const page = await context.newPage();
      page.setDefaultTimeout(30_000);
      await page.goto(shot.path);
      await shot.ready(page);
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: `${OUT}${shot.file}.png`, animations: 'disabled' });
      console.log(`docs/screenshots/${shot.file}.png  ${shot.login ?? 'no login'}  ${shot.path}`);
      await context.close();
    }
  } finally {
    await browser.close();
    await app.close();
    await database.close();
  }
}

async function signIn(baseURL: string, username: string): Promise<string> {
  const res = await fetch(`${baseURL}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in as ${username}: ${res.status}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

function cookiesOf(header: string, baseURL: string) {
  return header.split('; ').map((pair) => {
    const [name, ...value] = pair.split('=');
    return { name: name!, value: value.join('='), url: baseURL };
  });
}

await main();
