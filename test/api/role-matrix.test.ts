// Every API route × every role: one table, checked against the routes the app actually registers,
// so a new route cannot be added without deciding here who may call it.
import { describe, expect, it } from 'vitest';
import { makeTestContext } from '../support/app.ts';

type Who = 'anon' | 'admin' | 'leader' | 'supervisor' | 'dept_head' | 'org' | 'security';
const A: Who[] = ['admin'];
const READ: Who[] = ['admin', 'leader', 'supervisor']; // dashboards (used by later routes)
const ALL: Who[] = ['admin', 'leader', 'supervisor', 'dept_head'];
const AUDIT: Who[] = ['admin', 'supervisor'];
const HEAD: Who[] = ['dept_head'];
const BUSINESS: Who[] = [...ALL, 'org'];
const SIGNED_IN: Who[] = [...BUSINESS, 'security'];
const SECURITY: Who[] = ['security']; // accounts: the security administrator only, never the admin (三员分立)
const ORG: Who[] = ['org'];
const POINTS: Who[] = ['org', 'leader', 'supervisor', 'dept_head']; // heads: own unit only (points.test.ts)
const SHORTLIST: Who[] = ['org', 'leader', 'supervisor'];
const PUBLIC = 'public' as const;

export const MATRIX: Record<string, Who[] | typeof PUBLIC> = {
  'POST /api/v1/auth/login': PUBLIC,
  'POST /api/v1/auth/logout': PUBLIC,
  'GET /api/v1/me': SIGNED_IN,
  'POST /api/v1/auth/password': SIGNED_IN,
  'GET /api/v1/users': SECURITY,
  'GET /api/v1/users/:id': SECURITY,
  'POST /api/v1/users': SECURITY,
  'PATCH /api/v1/users/:id': SECURITY,
  'POST /api/v1/users/:id/deactivate': SECURITY,
  'DELETE /api/v1/users/:id': SECURITY,
  'POST /api/v1/users/:id/reset-password': SECURITY,
  'GET /api/v1/health': PUBLIC,
  'GET /api/v1/audit': AUDIT,
  'GET /api/v1/audit/verify': AUDIT,
  'GET /api/v1/audit/facets': AUDIT,
  'GET /api/v1/audit/checkpoint': READ,
  'GET /api/v1/departments': SIGNED_IN, // the security administrator: to give a head's account its department
  'GET /api/v1/departments/:id': BUSINESS,
  'POST /api/v1/departments': A,
  'PATCH /api/v1/departments/:id': A,
  'POST /api/v1/departments/:id/head': A,
  'GET /api/v1/enterprises': AUDIT,
  'GET /api/v1/enterprises/facets': AUDIT,
  'GET /api/v1/enterprises/:uscc': AUDIT,
  'POST /api/v1/enterprises': A,
  'PATCH /api/v1/enterprises/:uscc': A,
  'POST /api/v1/enterprises/import/preview': A,
  'POST /api/v1/enterprises/import/apply': A,
  'GET /api/v1/rounds': ALL,
  'GET /api/v1/rounds/:id': ALL,
  'POST /api/v1/rounds': A,
  'PATCH /api/v1/rounds/:id': A,
  'POST /api/v1/rounds/:id/freeze': A,
  'POST /api/v1/rounds/:id/draw': A,
  'POST /api/v1/rounds/:id/open': A,
  'POST /api/v1/rounds/:id/close': A,
  'POST /api/v1/rounds/:id/reopen': A,
  'POST /api/v1/rounds/:id/void': A,
  'GET /api/v1/rounds/:id/draw-record': PUBLIC, // then refined by round state, see rounds.test.ts
  'GET /api/v1/profile': PUBLIC, // the city profile: issuer and help line
  'GET /api/v1/public/rounds': PUBLIC,
  'GET /api/v1/public/rounds/:id': PUBLIC, // published rounds only, see public.test.ts
  'GET /api/v1/rounds/:id/invitations': A,
  'GET /api/v1/rounds/:id/invitations.xlsx': A,
  'GET /api/v1/rounds/:id/invitations/:uscc/qr.svg': A,
  'POST /api/v1/rounds/:id/invitations/:uscc/replace': A,
  'POST /api/v1/rounds/:id/invitations/:uscc/regenerate': A,
  'GET /api/v1/rounds/:id/progress': READ,
  'GET /api/v1/rounds/:id/non-responders': A,
  'GET /api/v1/rounds/:id/follow-ups': A,
  // Supervisors: only once the draw is public, numbers masked (follow-ups.test.ts).
  'GET /api/v1/rounds/:id/invitations/:uscc/follow-ups': AUDIT,
  'POST /api/v1/rounds/:id/invitations/:uscc/follow-ups': A,
  'GET /api/v1/rounds/:id/response-rates': READ,
  'GET /api/v1/rounds/:id/outbox': A,
  'GET /api/v1/rounds/:id/outbox.xlsx': A,
  'POST /api/v1/rounds/:id/reminders': A,
  'GET /api/v1/survey/:token': PUBLIC, // the token is the credential
  'POST /api/v1/survey/:token/opened': PUBLIC,
  'PUT /api/v1/survey/:token/draft': PUBLIC,
  'POST /api/v1/survey/:token/submit': PUBLIC,
  'POST /api/v1/rounds/:id/receipts': PUBLIC,
  'GET /api/v1/rounds/:id/receipts/:receipt': PUBLIC,
  'POST /api/v1/rounds/:id/compute': A,
  'POST /api/v1/rounds/:id/publish': A,
  'POST /api/v1/rounds/:id/results/correct': A,
  'GET /api/v1/rounds/:id/results': ALL, // heads: published only, own distribution (results.test.ts)
  'GET /api/v1/rounds/:id/results.xlsx': READ,
  'GET /api/v1/rounds/:id/breakdowns': READ, // closed rounds only, groups of 5 or more (anonymity.test.ts)
  'GET /api/v1/rounds/:id/integrity': AUDIT, // never heads, never the public (integrity.test.ts)
  'POST /api/v1/appeals': HEAD, // a flagged department's head, within the window (appeals.test.ts)
  'GET /api/v1/appeals': ALL, // heads: own department only
  'GET /api/v1/appeals/:id': ALL, // heads: own department only
  'GET /api/v1/appeals/window/:id': ALL, // when a round's filing window closes (its publication date is public)
  'POST /api/v1/appeals/:id/decision': A,
  'GET /api/v1/departments/:id/history': ALL, // heads: own department only
  'GET /api/v1/escalations': ALL, // heads: own department only
  'GET /api/v1/department-states': ALL, // heads: own department only
  'PATCH /api/v1/escalations/:id': A,
  'PATCH /api/v1/escalations/:id/measures/:measure': A,
  'POST /api/v1/escalations/watches/review': ['supervisor'],
  'GET /api/v1/rounds/:id/comments': ALL, // heads: own department, after release
  'POST /api/v1/rounds/:id/comments/release': A,
  'GET /api/v1/rectification/cases': ALL, // heads: own department only
  'GET /api/v1/rectification/cases/:id': ALL,
  'PUT /api/v1/rectification/cases/:id/plan': HEAD,
  'POST /api/v1/rectification/cases/:id/ledger': HEAD,
  'PATCH /api/v1/rectification/cases/:id/ledger/:entryId': HEAD,
  'POST /api/v1/rectification/cases/:id/progress': HEAD,
  'POST /api/v1/rectification/cases/:id/submit': HEAD,
  'POST /api/v1/rectification/cases/:id/review': A,
  'POST /api/v1/rectification/cases/:id/ledger/:entryId/callbacks': A,
  'GET /api/v1/requests/options': PUBLIC, // the enterprise's form (requests.test.ts)
  'POST /api/v1/requests': PUBLIC, // a counted receipt is the credential
  'GET /api/v1/requests/by-code/:code': PUBLIC, // the request's own code is the credential
  'POST /api/v1/requests/by-code/:code/feedback': PUBLIC,
  'GET /api/v1/requests': ALL, // heads: own department only
  'GET /api/v1/requests/stats': READ,
  'POST /api/v1/requests/:id/replies': ['dept_head', 'admin'], // heads: own department only
  'GET /api/v1/units': POINTS,
  'POST /api/v1/units': ORG,
  'GET /api/v1/cadres': POINTS,
  'GET /api/v1/cadres/:id': POINTS,
  'POST /api/v1/cadres': ORG,
  'PATCH /api/v1/cadres/:id': ORG,
  'POST /api/v1/cadres/:id/tenures': ORG,
  'PUT /api/v1/department-heads/:id/cadre': ORG,
  'POST /api/v1/cadres/import/preview': ORG,
  'POST /api/v1/cadres/import/apply': ORG,
  'GET /api/v1/points/rules': BUSINESS,
  'POST /api/v1/points/rules': ORG,
  'GET /api/v1/points/entries': POINTS,
  'POST /api/v1/points/entries': ORG,
  'POST /api/v1/points/entries/:id/approve': ORG,
  'POST /api/v1/points/entries/:id/reject': ORG,
  'POST /api/v1/points/entries/:id/reverse': ORG,
  'GET /api/v1/cadres/:id/points': POINTS,
  'GET /api/v1/points/standings': POINTS,
  'GET /api/v1/points/shortlist': SHORTLIST,
  'GET /api/v1/points/shortlist.xlsx': SHORTLIST,
};

const ctx = await makeTestContext();
const cookies: Record<Who, string | undefined> = {
  anon: undefined,
  admin: await ctx.as('admin'),
  leader: await ctx.as('leader'),
  supervisor: await ctx.as('supervisor'),
  dept_head: await ctx.as('dept_head'),
  org: await ctx.as('org'),
  security: await ctx.as('security'),
};
const forged = cookies.admin!.slice(0, -6) + 'forged';
const expired = `pingyi_session=${ctx.app.jwt.sign({ id: 1, sv: 0, auth: Date.now(), seen: Date.now() }, { expiresIn: -60 })}`;

// Account routes act on the security administrator's own account, which they refuse (own_account):
// trying every route must not deactivate or reset the other callers of this table.
const securityId = (await ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: cookies.security! } })).json().id as number;
const concrete = (url: string) =>
  url
    .replace(/^\/api\/v1\/users\/:id/, `/api/v1/users/${securityId}`)
    .replace(/^\/api\/v1\/rounds\/:id/, '/api/v1/rounds/2099Q1')
    .replace(':id', String(ctx.departmentIds.own))
    .replace(':uscc', '91429004MA0000000X')
    .replace(':token', 'x'.repeat(22))
    .replace(':roundId', '2099Q1')
    .replace(':receipt', 'AAAA-BBBB-CCCC')
    .replace(':entryId', '1')
    .replace(':measure', 'pledge');

describe('role matrix', () => {
  it('covers exactly the registered routes', () => {
    const registered = ctx.app.routeAccess.map((r) => `${r.method} ${r.url}`).sort();
    expect(registered).toEqual(Object.keys(MATRIX).sort());
  });

  it('the declared access of every route matches the table', () => {
    for (const r of ctx.app.routeAccess) {
      const expected = MATRIX[`${r.method} ${r.url}`];
      expect(r.access === 'public' ? 'public' : [...r.access].sort(), `${r.method} ${r.url}`).toEqual(
        expected === 'public' ? 'public' : [...expected!].sort(),
      );
    }
  });

  for (const [route, allowed] of Object.entries(MATRIX)) {
    const [method, url] = route.split(' ') as [string, string];
    it(`${route}`, async () => {
      // Logging out ends the caller's sessions (sessions.test.ts), so only the anonymous caller tries it here.
      const callers: Who[] =
        route === 'POST /api/v1/auth/logout' ? ['anon'] : ['anon', 'admin', 'leader', 'supervisor', 'dept_head', 'org', 'security'];
      for (const who of callers) {
        const res = await ctx.app.inject({
          method: method as 'GET',
          url: concrete(url),
          headers: cookies[who] ? { cookie: cookies[who]! } : {},
          ...(method === 'GET' ? {} : { payload: {} }),
        });
        const ok = allowed === 'public' || allowed.includes(who);
        if (ok) expect([401, 403], `${who} should reach ${route} (got ${res.statusCode})`).not.toContain(res.statusCode);
        else expect(res.statusCode, `${who} must be refused ${route}`).toBe(who === 'anon' ? 401 : 403);
        expect(res.statusCode, `${who} ${route}: ${res.body}`).toBeLessThan(500);
      }
      if (allowed !== 'public') {
        for (const cookie of [forged, expired]) {
          const res = await ctx.app.inject({
            method: method as 'GET',
            url: concrete(url),
            headers: { cookie },
            ...(method === 'GET' ? {} : { payload: {} }),
          });
          expect(res.statusCode).toBe(401);
        }
      }
    });
  }
});
