import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { integritySchema } from '#shared/schemas/integrity.ts';
import { roundParamSchema } from '#shared/schemas/rounds.ts';
import type { RouteDeps } from '../app.ts';
import { readIntegrity } from './integrity.service.ts';

/** Admins and the supervisor only: heads must not learn how their ratings are being checked, nor the public. */
export const INTEGRITY_READERS = ['admin', 'supervisor'] as const;

export const integrityRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { context }) => {
  app.get(
    '/rounds/:id/integrity',
    {
      schema: { tags: ['integrity'], params: roundParamSchema, response: { 200: integritySchema } },
      config: { access: INTEGRITY_READERS },
    },
    async (request) => readIntegrity(context(request), { roundId: request.params.id }),
  );
};
