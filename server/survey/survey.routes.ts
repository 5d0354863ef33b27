import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { roundParamSchema } from '../../shared/schemas/rounds.ts';
import { draftSavedSchema, draftSchema, submissionSchema, submitResultSchema, surveyViewSchema, tokenParamSchema } from '../../shared/survey.ts';
import type { RouteDeps } from '../app.ts';
import { NotFound } from '../errors.ts';
import { limitAll } from '../http/rate-limits.ts';
import { compressJson } from '../web/compress.ts';
import { openSurvey, receiptCounted, saveDraft, submitSurvey } from './survey.service.ts';
import { scrubDatabaseError } from './scrub.ts';
import { makeTokenGuard } from './token-guard.ts';

// Public: the token is the credential. Limited per address and per token; small bodies only.
const PER_TOKEN = { max: 60, timeWindow: '1 minute' };
const BODY_LIMIT = 256 * 1024;

export const surveyRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { database: { db }, config, now, timeZone, limitCounter }) => {
  const guard = makeTokenGuard(limitCounter);
  const perAddress = { max: config.surveyRateLimit ?? 600, timeWindow: '1 minute', keyGenerator: (r: { ip: string }) => `ip:${r.ip}` };
  const limits = limitAll(app, [perAddress, { ...PER_TOKEN, keyGenerator: (r) => `token:${(r.params as { token?: string }).token}` }]);
  // Unknown links count against the caller, so guessing tokens is slow and pointless.
  const guarded = async <T>(request: Parameters<typeof guard.check>[0], run: () => Promise<T>) => {
    await guard.check(request);
    try {
      return await run();
    } catch (err) {
      if (err instanceof NotFound) await guard.miss(request);
      throw scrubDatabaseError(err);
    }
  };

  app.get('/survey/:token', {
    schema: { tags: ['survey'], params: tokenParamSchema, response: { 200: surveyViewSchema } },
    config: { access: 'public' },
    preHandler: limits,
    onSend: compressJson,
  }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    return guarded(request, () => openSurvey(db, request.params.token, now()));
  });

  app.put('/survey/:token/draft', {
    schema: { tags: ['survey'], params: tokenParamSchema, body: draftSchema, response: { 200: draftSavedSchema } },
    config: { access: 'public' },
    bodyLimit: BODY_LIMIT,
    preHandler: limits,
  }, async (request) => guarded(request, () => saveDraft(db, request.params.token, request.body, now())));

  app.post('/survey/:token/submit', {
    schema: { tags: ['survey'], params: tokenParamSchema, body: submissionSchema, response: { 200: submitResultSchema } },
    config: { access: 'public' },
    bodyLimit: BODY_LIMIT,
    preHandler: limits,
  }, async (request) => guarded(request, () => submitSurvey(db, request.params.token, request.body, now(), timeZone)));

  // An enterprise checks that its response was counted, by its receipt code alone.
  app.get('/rounds/:id/receipts/:receipt', {
    schema: { tags: ['survey'], params: roundParamSchema.extend({ receipt: z.string().trim().min(4).max(40) }), response: { 200: z.object({ counted: z.boolean() }) } },
    config: { access: 'public' },
    preHandler: limitAll(app, [perAddress]),
  }, async (request) => {
    try {
      return await receiptCounted(db, request.params.id, request.params.receipt);
    } catch (err) {
      throw scrubDatabaseError(err);
    }
  });
};
