import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { JSON_COMPRESSION } from '../web/compression.ts';
import { z } from 'zod';
import { roundParamSchema } from '#shared/schemas/rounds.ts';
import {
  draftSavedSchema,
  draftSchema,
  receiptCheckResultSchema,
  receiptCheckSchema,
  submissionSchema,
  submitResultSchema,
  surveyViewSchema,
  tokenParamSchema,
} from '#shared/survey.ts';
import type { RouteDeps } from '../app.ts';
import { actorOf } from '../auth/access.ts';
import { issuerOf } from '../config.ts';
import type { ServiceContext } from '../context.ts';
import { Gone, NotFound } from '../errors.ts';
import { limitAll, riderRows } from '../http/rate-limits.ts';
import { markOpened, openSurvey, receiptCounted, saveDraft, submitSurvey } from './survey.service.ts';
import { surveyLimits } from './survey-limits.ts';

// Public: the token is the credential. Limited per address and per token (survey-limits.ts); small bodies only.
const BODY_LIMIT = 256 * 1024;

export const surveyRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { database: { db }, config, now, timeZone, limitCounter }) => {
  // The survey's callers are enterprises, never a user (a session cookie the browser happens to hold
  // included): the context carries no user, so nothing of a session can reach the answers.
  const surveyContext = (request: FastifyRequest): ServiceContext => ({
    tx: db,
    actor: actorOf(request),
    user: null,
    now: now(),
    zone: timeZone,
  });
  const { guard, perAddress, limits, limitsAndLink } = surveyLimits(limitCounter, config.surveyRateLimit);
  const issuer = issuerOf(config.city);
  const guarded = async <T>(request: FastifyRequest, run: () => Promise<T>) => {
    try {
      return await run();
    } catch (err) {
      if (err instanceof NotFound) await guard.miss(request);
      throw err;
    }
  };

  app.get(
    '/survey/:token',
    {
      schema: { tags: ['survey'], params: tokenParamSchema, response: { 200: surveyViewSchema } },
      config: { access: 'public' },
      preHandler: limits,
      compress: JSON_COMPRESSION,
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return { ...(await guarded(request, () => openSurvey(surveyContext(request), request.params))), issuer };
    },
  );

  // The page says the questions are on screen (the GET above records nothing). No body; idempotent.
  app.post(
    '/survey/:token/opened',
    {
      schema: { tags: ['survey'], params: tokenParamSchema, response: { 204: z.null().describe('Recorded, or nothing to record') } },
      config: { access: 'public' },
      bodyLimit: 1024,
      preHandler: limitsAndLink,
    },
    async (request, reply) => {
      await guarded(request, () => markOpened(surveyContext(request), { token: request.params.token, found: riderRows(request) }));
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/survey/:token/draft',
    {
      schema: { tags: ['survey'], params: tokenParamSchema, body: draftSchema, response: { 200: draftSavedSchema } },
      config: { access: 'public' },
      bodyLimit: BODY_LIMIT,
      preHandler: limits,
    },
    async (request) => guarded(request, () => saveDraft(surveyContext(request), { token: request.params.token, draft: request.body })),
  );

  app.post(
    '/survey/:token/submit',
    {
      schema: { tags: ['survey'], params: tokenParamSchema, body: submissionSchema, response: { 200: submitResultSchema } },
      config: { access: 'public' },
      bodyLimit: BODY_LIMIT,
      preHandler: limitsAndLink,
    },
    async (request) =>
      guarded(request, () =>
        submitSurvey(surveyContext(request), { token: request.params.token, submission: request.body, found: riderRows(request) }),
      ),
  );

  // An enterprise checks that its response was counted, by its receipt code alone: in the body, never in a
  // URL (proxies and the request log keep URLs), and logged at warn only, so no line carries the call at all.
  app.post(
    '/rounds/:id/receipts',
    {
      schema: { tags: ['survey'], params: roundParamSchema, body: receiptCheckSchema, response: { 200: receiptCheckResultSchema } },
      config: { access: 'public' },
      logLevel: 'warn',
      bodyLimit: 1024,
      preHandler: limitAll(limitCounter, 'receipts', [perAddress]),
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return receiptCounted(surveyContext(request), { roundId: request.params.id, receipt: request.body.receipt });
    },
  );

  // The old check put the code in the path. A page loaded before an upgrade may still call it: it is told to
  // reload, and nothing of the call is logged (an unknown route would log its URL, the code with it).
  app.get(
    '/rounds/:id/receipts/:receipt',
    {
      schema: { tags: ['survey'], deprecated: true, summary: 'Moved: POST /rounds/:id/receipts with the code in the body (410)' },
      config: { access: 'public' },
      logLevel: 'silent',
    },
    async () => {
      throw new Gone(
        'Receipts are checked with POST /api/v1/rounds/:id/receipts and the code in the body; reload the page',
        'receipt_check_moved',
      );
    },
  );
};
