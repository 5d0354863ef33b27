// Every page as every role would read it, in Chinese: no English word or internal code outside the
// names of things (Excel, PDF, QR …), no failed API call while a page loads, and on a 375 px phone (an
// iPhone in WeChat) nothing scrolls sideways and no floating button covers the title. Identifiers shown
// on purpose (a login on the accounts page, a link, a department's code, a command to type) are marked
// translate="no" or set in <code>, and are skipped.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { latinWords } from '#shared/latin-words.ts';
import type { Role } from '#shared/schemas/common.ts';
import { pagesFor } from '../../web/src/admin/access.ts';
import { httpClient, login, screenshot, startE2e } from '../support/e2e.ts';

const e2e = await startE2e();
const { api, cookieFor } = httpClient(e2e.baseUrl);

const rounds = await api<{ id: string; status: string }[]>('GET', '/rounds');
const open = rounds.find((r) => r.status === 'open')!.id;
const published = rounds.find((r) => r.status === 'published')!.id;
const cases = await api<{ id: number; departmentCode: string }[]>('GET', '/rectification/cases');
const headCase = cases.find((c) => c.departmentCode === 'cgj')!.id;
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
  `/rounds/${published}/comments`,
];
const PAGES: Record<string, string[]> = {
  admin: [...READER_PAGES, `/rounds/${open}`, `/rounds/${open}/invitations`, '/enterprises', '/enterprises/import', '/audit', '/password'],
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
const ROLES: Record<string, Role | null> = {
  admin: 'admin',
  leader: 'leader',
  supervisor: 'supervisor',
  'head.cgj': 'dept_head',
  org: 'org',
  security: 'security',
  '': null,
};
/** On the phone, also every page the role's menu offers (pages.ts), so that a new page is swept without being listed here. */
async function phonePages(user: string): Promise<string[]> {
  const role = ROLES[user];
  if (!role) return PAGES[user]!;
  // A cadre's record: one the role may read (a head reads their own unit's).
  const ownCadre = pagesFor(role).some((p) => p.key === 'cadre')
    ? (await api<{ items: { id: number }[] }>('GET', '/cadres?pageSize=1', undefined, await cookieFor(user))).items[0]?.id
    : undefined;
  const menu = pagesFor(role)
    .map((p) => (p.key === 'report' ? `/report/${published}` : p.key === 'cadre' ? `/points/cadres/${ownCadre}` : p.path))
    .filter((p) => !p.includes(':'));
  return [...new Set([...PAGES[user]!, ...menu])];
}

/** Whether a wait ends in what it waits for (false when it runs out). */
const came = (wait: Promise<unknown>) =>
  wait.then(
    () => true,
    () => false,
  );
/** The page's own title: the page itself is drawn (not the boot line or the shell alone, which have none), and not the one left. */
const PAGE_TITLE = ':is(h1, h2, h3):not([data-left])';

/**
 * The requests a page has in flight, and a wait until it has had none for half a second: Playwright's
 * `networkidle`, which only follows a page load, also after an in-app move to another page.
 */
function requestsOf(page: Page) {
  const inFlight = new Set<object>();
  let lastChange = Date.now();
  const changed = () => {
    lastChange = Date.now();
  };
  page.on('request', (request) => {
    // A redirect is one request that goes on under a new object.
    const from = request.redirectedFrom();
    if (from) inFlight.delete(from);
    inFlight.add(request);
    changed();
  });
  const ended = (request: object) => {
    inFlight.delete(request);
    changed();
  };
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
  return {
    /** A move to another page counts as a change: its first request may not have been seen yet. */
    moving: changed,
    quiet: () =>
      came(expect.poll(() => inFlight.size === 0 && Date.now() - lastChange >= 500, { timeout: 60_000, interval: 100 }).toBe(true)),
  };
}

/** A page's route: two paths with one shape (two cadres' records) are one page component with other data. */
const shapeOf = (path: string) => path.replace(/\/(\d+|\d{4}Q[1-4])(?=\/|$)/g, '/:id');
/** Pages of the admin app; the survey (/r, /s/…) is another app, reached by loading it. */
const inAdminApp = (path: string) => !/^\/(r|s)(\/|$)/.test(path);

/**
 * Opens a page as a reader moving through the app does: a signed-in page by the app's own navigation (the
 * menu's way: the app stays loaded, the page's code and data come), anything else by loading it. A page
 * of the same shape as the one shown is loaded afresh, so that its title is sure to be the new page's.
 * Before moving, the titles on screen are marked as the page being left.
 */
async function visit(page: Page, path: string, signedIn: boolean, requests: ReturnType<typeof requestsOf>) {
  requests.moving();
  const here = new URL(page.url()).pathname;
  if (!signedIn || !inAdminApp(path) || !inAdminApp(here) || shapeOf(here) === shapeOf(path)) {
    await page.goto(path);
    return;
  }
  await page.evaluate((to) => {
    for (const title of document.querySelectorAll('h1, h2, h3')) title.setAttribute('data-left', '');
    history.pushState(null, '', to);
    dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

/**
 * Waits until the page has its data: a signed-in page shows its own title (the app and the page's code have
 * arrived: on a busy machine compiling them can outlast the network's quiet moment), then no request in
 * flight for a moment, no spinner, no skeleton. Says what never came, or null.
 */
async function settle(page: Page, signedIn: boolean, requests: ReturnType<typeof requestsOf>): Promise<string | null> {
  if (signedIn && !(await came(page.locator(PAGE_TITLE).first().waitFor()))) return 'no title';
  if (!(await requests.quiet())) return 'requests still open after a minute';
  const idle = await came(page.locator('.ant-spin-spinning, .ant-skeleton-active').first().waitFor({ state: 'detached', timeout: 60_000 }));
  return idle ? null : 'still loading after a minute';
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

/** Sideways overflow of the page itself (a wide table scrolling inside its card is fine), naming the widest element. */
const sideways = (page: Page) =>
  page.evaluate(() => {
    const over = document.scrollingElement!.scrollWidth - document.scrollingElement!.clientWidth;
    if (over <= 0) return null;
    let worst: Element | null = null;
    let right = window.innerWidth;
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect().right;
      if (r > right + 0.5) {
        right = r;
        worst = el;
      }
    }
    return `${over} px sideways (${worst ? `${worst.tagName.toLowerCase()}.${String(worst.className).slice(0, 60)} to ${right.toFixed(0)} px` : 'nothing wider'})`;
  });
/** Whether the page title is the topmost element at its own centre (no floating button over it). */
const titleCovered = (page: Page) =>
  page.evaluate((selector) => {
    const title = document.querySelector(selector);
    if (!title) return 'no title';
    const r = title.getBoundingClientRect();
    const top = document.elementFromPoint(r.left + Math.min(r.width / 2, 40), r.top + r.height / 2);
    return top && (title === top || title.contains(top)) ? null : `title covered by ${top?.outerHTML.slice(0, 80)}`;
  }, PAGE_TITLE);

async function walk(
  user: string,
  paths: string[],
  width: number,
  check: (page: Page, path: string) => Promise<string | null>,
): Promise<string[]> {
  const page = await e2e.newPage(width < 600 ? { viewport: { width, height: 740 } } : {});
  const requests = requestsOf(page);
  const failedCalls: string[] = [];
  page.on('response', (res) => {
    const url = new URL(res.url());
    // Signed out, the app asks who is there (401) before showing the public pages.
    if (url.pathname.startsWith('/api/') && res.status() >= 400 && !(user === '' && url.pathname === '/api/v1/me'))
      failedCalls.push(`${res.status()} ${url.pathname}`);
  });
  if (user) await login(page, user);
  const problems: string[] = [];
  for (const path of paths) {
    failedCalls.length = 0;
    await visit(page, path, user !== '', requests);
    const problem = (await settle(page, user !== '', requests)) ?? (await check(page, path));
    if (problem) problems.push(`${user || 'public'} ${path}: ${problem}`);
    if (failedCalls.length) problems.push(`${user || 'public'} ${path}: failed calls ${failedCalls.join(', ')}`);
  }
  if (width < 600) await screenshot(page, `phone-${width}-${user || 'public'}`);
  await page.context().close();
  return problems;
}

describe('every page as every role, in zh-CN', () => {
  // The two sweeps of a role run side by side (two browser windows): a 1366 px desk and a 375 px phone.
  it.each(Object.keys(PAGES))(
    '%s reads Chinese only, apart from names of things, and fits a 375 px phone',
    async (user) => {
      const [words, phone] = await Promise.all([
        walk(user, PAGES[user]!, 1366, async (page) => {
          const found = latinWords(await visibleWords(page));
          return found.length ? `English or codes: ${found.join(' ')}` : null;
        }),
        walk(user, await phonePages(user), 375, async (page) => {
          const problems = [await sideways(page), user ? await titleCovered(page) : null].filter(Boolean);
          return problems.length ? problems.join('; ') : null;
        }),
      ]);
      expect([...words, ...phone]).toEqual([]);
    },
    600_000,
  );
});
