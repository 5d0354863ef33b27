// Every page as every role would read it, in Chinese: no English word or internal code outside the
// names of things (Excel, PDF, QR …), no failed API call while a page loads, and nothing scrolls
// sideways on a 375 px phone. Identifiers shown on purpose (a login on the accounts page, a link, a
// department's code, a command to type) are marked translate="no" or set in <code>, and are skipped.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { latinWords } from '#shared/latin-words.ts';
import { httpClient, login, startE2e } from '../support/e2e.ts';

const e2e = await startE2e();
const { api } = httpClient(e2e.baseUrl);

const rounds = await api<{ id: string; status: string }[]>('GET', '/rounds');
const open = rounds.find((r) => r.status === 'open')!.id;
const published = rounds.find((r) => r.status === 'published')!.id;
const cases = await api<{ id: number; departmentCode: string }[]>('GET', '/rectification/cases');
const headCase = cases.find((c) => c.departmentCode === 'cgj')!.id;
const { cookieFor } = httpClient(e2e.baseUrl);
const standings = await api<{ items: { cadreId: number }[] }>('GET', '/points/standings', undefined, await cookieFor('org'));
const cadre = standings.items[0]!.cadreId;

const READER_PAGES = [
  '/dashboard',
  '/rounds',
  `/rounds/${published}`,
  `/report/${published}`,
  '/escalations',
  '/appeals',
  '/requests',
  '/rectification',
  `/rectification/${headCase}`,
  '/departments',
];
const PAGES: Record<string, string[]> = {
  admin: [
    ...READER_PAGES,
    `/rounds/${open}`,
    `/rounds/${open}/invitations`,
    `/rounds/${published}/comments`,
    '/enterprises',
    '/enterprises/import',
    '/audit',
    '/password',
  ],
  leader: [...READER_PAGES, '/points', '/points/ledger', '/points/shortlist', `/points/cadres/${cadre}`],
  supervisor: [...READER_PAGES, `/rounds/${open}`, '/enterprises', '/audit', '/points', '/points/ledger', '/points/shortlist'],
  'head.cgj': ['/my-department', '/requests', '/rectification', `/rectification/${headCase}`, '/departments', '/points'],
  org: [
    '/points',
    '/points/ledger',
    '/points/review',
    '/points/shortlist',
    '/points/import',
    `/points/cadres/${cadre}`,
    '/points/shortlist/print',
  ],
  security: ['/accounts', '/password'],
  '': ['/public', `/public/rounds/${published}`, '/r', '/login'],
};

/** Waits until the page has its data: no request in flight for a moment, no spinner, no skeleton. False if it never does. */
async function settle(page: Page): Promise<boolean> {
  await page.waitForLoadState('networkidle');
  return page
    .locator('.ant-spin-spinning, .ant-skeleton-active')
    .first()
    .waitFor({ state: 'detached', timeout: 60_000 })
    .then(
      () => true,
      () => false,
    );
}

async function visibleWords(page: Page): Promise<string> {
  return page.evaluate(() => {
    // Text a reader sees, minus what is marked as not to be translated (identifiers, links, commands).
    const style = document.createElement('style');
    style.textContent = '[translate="no"], code, kbd, [lang="en"] { display: none !important; }';
    document.head.append(style);
    const placeholders = [...document.querySelectorAll<HTMLInputElement>('input[placeholder], textarea[placeholder]')]
      .filter((el) => el.offsetParent !== null && !el.closest('[translate="no"]'))
      .map((el) => el.placeholder);
    const text = `${document.body.innerText}\n${placeholders.join('\n')}`;
    style.remove();
    return text;
  });
}

async function walk(user: string, width: number, check: (page: Page, path: string) => Promise<string | null>): Promise<string[]> {
  const page = await e2e.newPage(width < 600 ? { viewport: { width, height: 812 } } : {});
  const failedCalls: string[] = [];
  page.on('response', (res) => {
    const url = new URL(res.url());
    // Signed out, the app asks who is there (401) before showing the public pages.
    if (url.pathname.startsWith('/api/') && res.status() >= 400 && !(user === '' && url.pathname === '/api/v1/me'))
      failedCalls.push(`${res.status()} ${url.pathname}`);
  });
  if (user) await login(page, user);
  const problems: string[] = [];
  for (const path of PAGES[user]!) {
    failedCalls.length = 0;
    await page.goto(path);
    const problem = (await settle(page)) ? await check(page, path) : 'still loading after a minute';
    if (problem) problems.push(`${user || 'public'} ${path}: ${problem}`);
    if (failedCalls.length) problems.push(`${user || 'public'} ${path}: failed calls ${failedCalls.join(', ')}`);
  }
  await page.context().close();
  return problems;
}

describe('every page as every role, in zh-CN', () => {
  // The two sweeps of a role run side by side (two browser windows): a 1366 px desk and a 375 px phone.
  it.each(Object.keys(PAGES))(
    '%s reads Chinese only, apart from names of things, and fits a 375 px phone',
    async (user) => {
      const [words, widths] = await Promise.all([
        walk(user, 1366, async (page) => {
          const found = latinWords(await visibleWords(page));
          return found.length ? `English or codes: ${found.join(' ')}` : null;
        }),
        walk(user, 375, async (page) => {
          const { scrollWidth, clientWidth } = await page.evaluate(() => ({
            scrollWidth: document.scrollingElement!.scrollWidth,
            clientWidth: document.scrollingElement!.clientWidth,
          }));
          return scrollWidth > clientWidth ? `${scrollWidth} px wide in a ${clientWidth} px window` : null;
        }),
      ]);
      expect([...words, ...widths]).toEqual([]);
    },
    600_000,
  );
});
