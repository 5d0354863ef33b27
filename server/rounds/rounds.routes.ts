import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createRoundSchema,
  drawBodySchema,
  drawResultSchema,
  freezeResultSchema,
  reasonBodySchema,
  reopenBodySchema,
  roundParamSchema,
  roundSchema,
  roundSummarySchema,
  updateRoundSchema,
} from '#shared/schemas/rounds.ts';
import { drawRecordSchema } from '#shared/draw/draw.ts';
import type { RouteDeps } from '../app.ts';
import { createRoutes } from '../http/create-route.ts';
import { mayReadDraw } from '#shared/round-lifecycle.ts';
import { ALL_ROLES } from '../auth/access.ts';
import { drawRecord, drawRound, freezePool } from '../draw/draw.service.ts';
import { Forbidden } from '../errors.ts';
import { makeLinkMaker } from '../invitations/tokens.ts';
import * as rounds from './rounds.service.ts';

const ADMIN = ['admin'] as const;
const params = roundParamSchema;

export const roundRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { config, context }) => {
  const creates = createRoutes(app, context, 'rounds');
  const links = makeLinkMaker(config.jwtSecret, config.publicBaseUrl);

  // Every role may see which rounds exist and their settings; the sample is never listed here.
  app.get(
    '/rounds',
    {
      schema: { tags: ['rounds'], response: { 200: z.array(roundSummarySchema) } },
      config: { access: ALL_ROLES },
    },
    async (request) => rounds.listRounds(context(request)),
  );

  app.get(
    '/rounds/:id',
    {
      schema: { tags: ['rounds'], params, response: { 200: roundSchema } },
      config: { access: ALL_ROLES },
    },
    async (request) => {
      const round = await rounds.getRound(context(request), { id: request.params.id });
      return mayReadDraw(request.sessionUser?.role, round) ? round : { ...round, seed: null };
    },
  );

  creates('/rounds', { access: ADMIN, body: createRoundSchema, made: roundSchema }, rounds.createRound);

  app.patch(
    '/rounds/:id',
    {
      schema: { tags: ['rounds'], params, body: updateRoundSchema, response: { 200: roundSchema } },
      config: { access: ADMIN },
    },
    async (request) => rounds.updateRound(context(request), { id: request.params.id, patch: request.body }),
  );

  app.post(
    '/rounds/:id/freeze',
    {
      schema: { tags: ['rounds'], params, response: { 200: freezeResultSchema } },
      config: { access: ADMIN },
    },
    async (request) => freezePool(context(request), { id: request.params.id }),
  );

  app.post(
    '/rounds/:id/draw',
    {
      schema: { tags: ['rounds'], params, body: drawBodySchema.optional(), response: { 200: drawResultSchema } },
      config: { access: ADMIN },
    },
    async (request) => drawRound(context(request), { id: request.params.id, seed: request.body?.seed, links }),
  );

  app.post(
    '/rounds/:id/open',
    {
      schema: { tags: ['rounds'], params, response: { 200: roundSchema } },
      config: { access: ADMIN },
    },
    async (request) => rounds.openRound(context(request), { id: request.params.id }),
  );

  app.post(
    '/rounds/:id/close',
    {
      schema: { tags: ['rounds'], params, response: { 200: roundSchema } },
      config: { access: ADMIN },
    },
    async (request) => rounds.closeRound(context(request), { id: request.params.id }),
  );

  app.post(
    '/rounds/:id/reopen',
    {
      schema: { tags: ['rounds'], params, body: reopenBodySchema, response: { 200: roundSchema } },
      config: { access: ADMIN },
    },
    async (request) => rounds.reopenRound(context(request), { id: request.params.id, ...request.body }),
  );

  app.post(
    '/rounds/:id/void',
    {
      schema: { tags: ['rounds'], params, body: reasonBodySchema, response: { 200: roundSchema } },
      config: { access: ADMIN },
    },
    async (request) => rounds.voidRound(context(request), { id: request.params.id, reason: request.body.reason }),
  );

  // The admin at once; everyone else (supervisors and the public included) only once the round has
  // closed, because knowing who was drawn while it is open would let a department lobby them.
  app.get(
    '/rounds/:id/draw-record',
    {
      schema: { tags: ['rounds'], params, response: { 200: drawRecordSchema } },
      config: { access: 'public' },
    },
    async (request, reply) => {
      const round = await rounds.getRound(context(request), { id: request.params.id });
      if (!mayReadDraw(request.sessionUser?.role, round)) {
        throw new Forbidden('The draw record is published when the round closes for good (its results computed)');
      }
      reply.header('content-disposition', `inline; filename="draw-record-${round.id}.json"`);
      return drawRecord(context(request), { id: round.id });
    },
  );
};
