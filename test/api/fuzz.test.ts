// Every registered route, enumerated from the app itself (the access hook's onRoute list, with the
// field names from the app's own OpenAPI document), fed control characters in its path, query and
// body and, when it changes state, bodies of the wrong content type. Whatever arrives: never a 5xx,
// always the one error shape, never a success, and nothing changes (audit log, accounts, sessions).
import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '#shared/errors.ts';
import type { Role } from '#shared/schemas/common.ts';
import { auditLog, departments, enterprises, users } from '#server/db/schema.ts';
import { makeUscc } from '#shared/uscc.ts';
import { makeTestContext, type TestRole } from '../support/app.ts';

const ctx = await makeTestContext();
const cookies: Partial<Record<Role, string>> = {
  admin: await ctx.as('admin'),
  leader: await ctx.as('leader'),
  supervisor: await ctx.as('supervisor'),
  dept_head: await ctx.as('dept_head'),
  org: await ctx.as('org'),
  security: await ctx.as('security'),
};
// One enterprise and the two departments exist, so that ids in the paths may name something real.
const USCC = makeUscc('91429004MA49E1234');
const created = await ctx.app.inject({
  method: 'POST',
  url: '/api/v1/enterprises',
  headers: { cookie: cookies.admin! },
  payload: { uscc: USCC, name: '仙桃市测试有限公司', industry: '制造业', sizeClass: 'small', township: '郑场镇' },
});
if (created.statusCode !== 201) throw new Error(`set-up: ${created.body}`);

interface OpenApiOperation {
  parameters?: { in: string; name: string }[];
  requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> };
}
const openApi = ctx.app.swagger() as { paths: Record<string, Record<string, OpenApiOperation>> };
const operationOf = (method: string, url: string) => openApi.paths[url.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()];

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const CONTROLS = ['\u0000', '\u0001', '\u0007', '\u001b', '\u007f', '\u000b'];
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const snapshot = async () => {
  const [a] = await ctx.database.db.select({ n: count() }).from(auditLog);
  const [d] = await ctx.database.db.select({ n: count() }).from(departments);
  const [e] = await ctx.database.db.select({ n: count() }).from(enterprises);
  const accounts = await ctx.database.db
    .select({ id: users.id, v: users.sessionVersion, active: users.active, role: users.role, hash: users.passwordHash })
    .from(users)
    .orderBy(users.id);
  return { audit: a!.n, departments: d!.n, enterprises: e!.n, accounts };
};

/** A plausible value for a path parameter, so that only the injected characters are wrong. */
const plausible = (name: string) =>
  ({
    id: String(ctx.departmentIds.own),
    roundId: '2026Q1',
    uscc: USCC,
    token: 'x'.repeat(22),
    receipt: 'AAAA-BBBB-CCCC',
    entryId: '1',
    measure: 'pledge',
  })[name] ?? '1';

/** The path with each parameter plausible, or with `bad` (already encoded) in the one named. */
const pathOf = (url: string, badParam?: string, bad = '') =>
  url.replace(/:(\w+)/g, (_m, name: string) => (name === badParam ? bad : encodeURIComponent(plausible(name))));

function requestsFor(method: Method, url: string) {
  const op = operationOf(method, url);
  const params = [...url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  const queryNames = (op?.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
  const bodyFields = Object.keys(op?.requestBody?.content?.['application/json']?.schema?.properties ?? {});
  const upload = Boolean(op?.requestBody?.content?.['multipart/form-data']);
  const out: { what: string; method: Method; url: string; headers?: Record<string, string>; payload?: string; expect?: number }[] = [];
  CONTROLS.forEach((c, i) => {
    const enc = encodeURIComponent(c);
    for (const p of params) out.push({ what: `param ${p} ${enc}`, method, url: pathOf(url, p, `a${enc}b`) });
    const query = (queryNames.length ? queryNames : ['q']).map((q) => `${q}=${enc}${i}`).join('&');
    out.push({ what: `query ${enc}`, method, url: `${pathOf(url)}?${query}` });
    if (STATE_CHANGING.has(method) && !upload) {
      const body = Object.fromEntries((bodyFields.length ? bodyFields : ['fuzz']).map((f) => [f, `x${c}y`]));
      out.push({
        what: `body values ${enc}`,
        method,
        url: pathOf(url),
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify(body),
      });
      out.push({
        what: `body key ${enc}`,
        method,
        url: pathOf(url),
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ [`k${c}`]: 'v', nested: { list: [`a${c}`] } }),
      });
    }
  });
  if (STATE_CHANGING.has(method)) {
    const fields = bodyFields.length ? bodyFields : ['fuzz'];
    out.push({
      what: 'text/plain',
      method,
      url: pathOf(url),
      headers: { 'content-type': 'text/plain' },
      payload: fields.map((f) => `${f}=x`).join('\n'),
      expect: 415,
    });
    out.push({
      what: 'form-urlencoded',
      method,
      url: pathOf(url),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: fields.map((f) => `${f}=x%00`).join('&'),
      expect: 415,
    });
    out.push({ what: 'text/plain, empty', method, url: pathOf(url), headers: { 'content-type': 'text/plain' }, payload: '', expect: 415 });
    if (upload)
      out.push({
        what: 'JSON to an upload',
        method,
        url: pathOf(url),
        headers: { 'content-type': 'application/json' },
        payload: '{"file":"x"}',
        expect: 415,
      });
  }
  return out;
}

const routes = ctx.app.routeAccess;

describe('fuzz over every route', () => {
  it('finds the routes on the app itself, with their OpenAPI operations', () => {
    expect(routes.length).toBeGreaterThan(90);
    for (const r of routes) expect(operationOf(r.method, r.url), `${r.method} ${r.url} in the OpenAPI document`).toBeDefined();
    expect(routes.filter((r) => STATE_CHANGING.has(r.method)).length).toBeGreaterThan(40);
  });

  it('refuses control characters and wrong content types everywhere, in the one error shape, changing nothing', async () => {
    const before = await snapshot();
    let sent = 0;
    for (const route of routes) {
      const access = route.access;
      // As admin; a route admins may not use is tried as a role it admits, so its own checks are reached.
      const role: Role = access === 'public' || access.includes('admin') ? 'admin' : access[0]!;
      for (const req of requestsFor(route.method as Method, route.url)) {
        const label = `${route.method} ${route.url} (${req.what}) as ${role}`;
        const res = await ctx.app.inject({
          method: req.method,
          url: req.url,
          headers: { cookie: cookies[role]!, ...req.headers },
          ...(req.payload !== undefined ? { payload: req.payload } : {}),
        });
        sent++;
        expect(res.statusCode, `${label}: ${res.body.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, `${label}: ${res.body.slice(0, 300)}`).toBeLessThan(500);
        if (req.expect) expect(res.statusCode, label).toBe(req.expect);
        expect(res.headers['content-type'], label).toMatch(/^application\/json/);
        const body = res.json() as { error?: { code?: unknown; message?: unknown } };
        expect(Object.keys(body), label).toEqual(['error']);
        expect(ERROR_CODES, `${label}: code ${String(body.error?.code)} is listed in shared/errors.ts`).toContain(body.error?.code);
        expect(typeof body.error?.message, label).toBe('string');
      }
    }
    expect(sent).toBeGreaterThan(1_000);
    expect(await snapshot()).toEqual(before);
    // Nobody was signed out on the way (logout was among the routes).
    for (const role of Object.keys(cookies) as TestRole[]) {
      expect(
        (await ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: cookies[role as Role]! } })).statusCode,
        role,
      ).toBe(200);
    }
    // A ceiling against a hang, not a speed check: on a busy 2-core machine this took over 4 minutes.
  }, 600_000);
});
