import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  createdRequestSchema,
  createRequestSchema,
  feedbackBodySchema,
  replyBodySchema,
  requestCodeParamSchema,
  requestIdParamSchema,
  requestItemSchema,
  requestListQuerySchema,
  requestListSchema,
  requestOptionsSchema,
  requestStatsSchema,
  requestThreadSchema,
} from '#shared/schemas/requests.ts';
import type { RouteDeps } from '../app.ts';
import { ALL_ROLES, READERS } from '../auth/access.ts';
import { limitAll } from '../http/rate-limits.ts';
import { makeReceiptUseKey } from './receipt-uses.ts';
import * as service from './requests.service.ts';

const BODY_LIMIT = 16 * 1024;

export const requestRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { config, timeZone, limitCounter, context }) => {
  const policy = { timeZone, replyWorkingDays: config.requestReplyWorkingDays, receiptKey: makeReceiptUseKey(config.jwtSecret) };
  // The enterprise's routes: limited per address, and not logged at info, where a line would carry the
  // address, the time and (in the URL) the request's code: enough to join a request to a survey submit.
  const limited = limitAll(
    limitCounter,
    'requests',
    [{ max: config.requestRateLimit, windowMs: 60_000, keyGenerator: (r) => `request:${r.ip}` }],
    'Too many requests from this address; please wait a minute and try again',
  );
  const enterprise = { config: { access: 'public' as const }, preHandler: limited, logLevel: 'warn' as const, bodyLimit: BODY_LIMIT };

  app.get(
    '/requests/options',
    {
      schema: { tags: ['requests'], response: { 200: requestOptionsSchema } },
      ...enterprise,
    },
    async (request) => service.options(context(request)),
  );

  app.post(
    '/requests',
    {
      schema: { tags: ['requests'], body: createRequestSchema, response: { 201: createdRequestSchema } },
      ...enterprise,
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return reply.status(201).send(await service.raiseRequest(context(request), { request: request.body, policy }));
    },
  );

  app.get(
    '/requests/by-code/:code',
    {
      schema: { tags: ['requests'], params: requestCodeParamSchema, response: { 200: requestThreadSchema } },
      ...enterprise,
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return service.readThread(context(request), { code: request.params.code });
    },
  );

  app.post(
    '/requests/by-code/:code/feedback',
    {
      schema: { tags: ['requests'], params: requestCodeParamSchema, body: feedbackBodySchema, response: { 200: requestThreadSchema } },
      ...enterprise,
    },
    async (request) => service.giveFeedback(context(request), { code: request.params.code, feedback: request.body }),
  );

  app.get(
    '/requests',
    {
      schema: { tags: ['requests'], querystring: requestListQuerySchema, response: { 200: requestListSchema } },
      config: { access: ALL_ROLES },
    },
    async (request) => service.listRequests(context(request), request.query),
  );

  app.get(
    '/requests/stats',
    {
      schema: { tags: ['requests'], response: { 200: requestStatsSchema } },
      config: { access: READERS },
    },
    async (request) => service.stats(context(request)),
  );

  // The department's head answers for it; the admin may too (a head on leave, a department without an account).
  app.post(
    '/requests/:id/replies',
    {
      schema: { tags: ['requests'], params: requestIdParamSchema, body: replyBodySchema, response: { 200: requestItemSchema } },
      config: { access: ['dept_head', 'admin'] },
    },
    async (request) => service.reply(context(request), { id: request.params.id, text: request.body.text }),
  );
};
