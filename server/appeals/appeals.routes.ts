import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appealDeadline } from '#shared/appeals.ts';
import {
  appealDecisionSchema,
  appealListQuerySchema,
  appealSchema,
  appealWindowSchema,
  fileAppealSchema,
} from '#shared/schemas/appeals.ts';
import { roundParamSchema } from '#shared/schemas/rounds.ts';
import { NotFound } from '../errors.ts';
import { findRound } from '../rounds/rounds.queries.ts';
import { idParamSchema } from '#shared/schemas/common.ts';
import type { RouteDeps } from '../app.ts';
import { ALL_ROLES } from '../auth/access.ts';
import { decideAppeal, fileAppeal, readAppeal, readAppeals } from './appeals.service.ts';

export const appealRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { database: { db }, config, context }) => {
  const windowDays = config.appealWindowDays;

  app.post(
    '/appeals',
    {
      schema: { tags: ['appeals'], body: fileAppealSchema, response: { 201: appealSchema } },
      config: { access: ['dept_head'] },
    },
    async (request, reply) => reply.status(201).send(await fileAppeal(context(request), { appeal: request.body, windowDays })),
  );

  app.get(
    '/appeals',
    {
      schema: { tags: ['appeals'], querystring: appealListQuerySchema, response: { 200: z.array(appealSchema) } },
      config: { access: ALL_ROLES },
    },
    async (request) => readAppeals(context(request), request.query),
  );

  // When the window of a round closes, so that the form says it before anyone files.
  app.get(
    '/appeals/window/:id',
    {
      schema: { tags: ['appeals'], params: roundParamSchema, response: { 200: appealWindowSchema } },
      config: { access: ALL_ROLES },
    },
    async (request) => {
      const round = await findRound(db, request.params.id);
      if (!round) throw new NotFound(`No round ${request.params.id}`);
      return { windowDays, deadline: round.publishedAt ? appealDeadline(round.publishedAt, windowDays).toISOString() : null };
    },
  );

  app.get(
    '/appeals/:id',
    {
      schema: { tags: ['appeals'], params: idParamSchema, response: { 200: appealSchema } },
      config: { access: ALL_ROLES },
    },
    async (request) => readAppeal(context(request), { id: request.params.id }),
  );

  app.post(
    '/appeals/:id/decision',
    {
      schema: { tags: ['appeals'], params: idParamSchema, body: appealDecisionSchema, response: { 200: appealSchema } },
      config: { access: ['admin'], decides: true },
    },
    async (request) => decideAppeal(context(request), { id: request.params.id, decision: request.body }),
  );
};
