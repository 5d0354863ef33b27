// The API's OpenAPI document declares each route's error bodies (4xx) with the one error shape and its
// codes, as clients generated from it will see them; the bodies sent match what it declares.
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '#shared/errors.ts';
import { makeTestContext } from '../support/app.ts';

const ctx = await makeTestContext();
const admin = await ctx.as('admin');

type Responses = Record<string, { description?: string; content?: Record<string, { schema: Schema }> }>;
type Schema = { properties?: Record<string, Schema>; enum?: string[]; required?: string[] };
const doc = (await ctx.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
  paths: Record<string, Record<string, { responses: Responses }>>;
};
const responses = (method: string, path: string) => doc.paths[path]![method]!.responses;
const errorStatuses = (r: Responses) => Object.keys(r).filter((s) => s.startsWith('4'));

describe('the OpenAPI document', () => {
  it('declares the error body, its code one of the API’s codes, for each 4xx a route can answer', () => {
    const patch = responses('patch', '/api/v1/escalations/{id}');
    expect(errorStatuses(patch)).toEqual(['400', '401', '403', '404', '409', '422']);
    const schema = patch['409']!.content!['application/json']!.schema;
    expect(schema.required).toEqual(['error']);
    const error = schema.properties!.error!;
    expect(error.required).toEqual(expect.arrayContaining(['code', 'message']));
    expect(error.properties!.code!.enum).toEqual([...ERROR_CODES]);
    expect(error.properties!.code!.enum).toContain('superseded');
    expect(patch['404']!.description).toMatch(/not_found/);
    // The route's own success body is still there.
    expect(patch['200']).toBeDefined();
  });

  it('reads them from what the route declares: its access, method, parameters and rate limits', () => {
    // A signed-in read without parameters: malformed, not signed in, not allowed.
    expect(errorStatuses(responses('get', '/api/v1/escalations'))).toEqual(['400', '401', '403']);
    // A public read of one record: no session needed, so no 401 or 403.
    expect(errorStatuses(responses('get', '/api/v1/public/rounds/{id}'))).toEqual(['400', '404']);
    // The login is limited per address; the survey's submission by its own limits (limitAll).
    expect(errorStatuses(responses('post', '/api/v1/auth/login'))).toContain('429');
    expect(errorStatuses(responses('post', '/api/v1/survey/{token}/submit'))).toEqual(['400', '403', '404', '409', '422', '429']);
    // Every documented API route declares at least the malformed request.
    for (const [path, methods] of Object.entries(doc.paths).filter(([p]) => p.startsWith('/api/v1'))) {
      for (const [method, op] of Object.entries(methods)) expect(op.responses['400'], `${method} ${path}`).toBeDefined();
    }
  });

  it('the error bodies sent match the declared ones', async () => {
    const missing = await ctx.app.inject({
      method: 'PATCH',
      url: '/api/v1/escalations/999999',
      headers: { cookie: admin },
      payload: { notes: 'x' },
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
    const invalid = await ctx.app.inject({
      method: 'PATCH',
      url: '/api/v1/escalations/1',
      headers: { cookie: admin },
      payload: { status: 'nonsense' },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json()).toMatchObject({
      error: { code: 'validation_failed', details: [expect.objectContaining({ path: 'body.status' })] },
    });
  });
});
