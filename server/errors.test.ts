import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Conflict, Forbidden, Invalid, NotFound, registerErrorHandler } from './errors.ts';

async function appThrowing(err: unknown) {
  const app = Fastify({ logger: false });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  app.get('/boom', async () => {
    throw err;
  });
  app.post('/body', { schema: { body: z.object({ n: z.number().int().min(1) }) } }, async () => ({ ok: true }));
  return app;
}

describe('the one error handler', () => {
  it.each([
    [new NotFound('no such round'), 404, 'not_found'],
    [new Conflict('already drawn'), 409, 'conflict'],
    [new Forbidden(), 403, 'forbidden'],
    [new Invalid('bad seed', { min: 6 }), 422, 'invalid'],
  ])('maps %s to its status and code', async (err, status, code) => {
    const res = await (await appThrowing(err)).inject({ method: 'GET', url: '/boom' });
    expect(res.statusCode).toBe(status);
    expect(res.json().error.code).toBe(code);
    expect(res.json().error.message).toBe((err as Error).message);
  });

  it('never leaks a 500s internals', async () => {
    const res = await (await appThrowing(new Error('password=hunter2 at /srv/db.ts:12'))).inject({ method: 'GET', url: '/boom' });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: { code: 'internal', message: 'Internal error' } });
  });

  it('answers 503 when the database is unreachable', async () => {
    const err = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const res = await (await appThrowing(new Error('query failed', { cause: err }))).inject({ method: 'GET', url: '/boom' });
    expect(res.statusCode).toBe(503);
    expect(res.json().error.code).toBe('database_unavailable');
  });

  it.each(['57014', '55P03', '25P03'])('answers 503 with Retry-After for a cancelled or timed-out statement (%s)', async (code) => {
    const err = Object.assign(new Error('canceling statement due to statement timeout'), { code });
    const res = await (await appThrowing(new Error('Failed query: insert … params: secret', { cause: err }))).inject({
      method: 'GET',
      url: '/boom',
    });
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.json().error.code).toBe('database_unavailable');
  });

  it('turns schema failures and malformed JSON into 400s naming the field', async () => {
    const app = await appThrowing(null);
    const bad = await app.inject({ method: 'POST', url: '/body', payload: { n: 0 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'validation_failed', message: expect.stringContaining('body.n') });
    const broken = await app.inject({ method: 'POST', url: '/body', payload: '{"n":', headers: { 'content-type': 'application/json' } });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.code).toBe('bad_request');
  });

  it.each(['53300', '55000', '57P01', '08006', '08001'])('answers 503 with Retry-After for SQLSTATE %s', async (code) => {
    const pgError = Object.assign(new Error('database says no'), { code });
    const res = await (await appThrowing(new Error('Failed query', { cause: pgError }))).inject({ method: 'GET', url: '/boom' });
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.json()).toEqual({ error: { code: 'database_unavailable', message: expect.any(String) } });
  });

  it('turns a unique violation into 409 naming the field, never the value', async () => {
    const pgError = Object.assign(new Error('duplicate key value violates unique constraint "invitations_submission_id_unique"'), {
      code: '23505',
      constraint: 'invitations_submission_id_unique',
      detail: 'Key (submission_id)=(0b0c3e4e-1111-4a4a-8b8b-123456789abc) already exists.',
    });
    const res = await (await appThrowing(new Error('Failed query', { cause: pgError }))).inject({ method: 'GET', url: '/boom' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'duplicate', details: { fields: ['submissionId'] } });
    expect(res.json().error.message).toContain('submissionId');
    expect(res.body).not.toContain('0b0c3e4e');
  });

  it('turns a data exception (a NUL the database refuses) into 400', async () => {
    const pgError = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021' });
    const res = await (await appThrowing(pgError)).inject({ method: 'GET', url: '/boom' });
    expect(res.statusCode).toBe(400);
  });
});
