import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { breakdownsSchema } from '#shared/schemas/breakdowns.ts';
import { roundParamSchema } from '#shared/schemas/rounds.ts';
import type { RouteDeps } from '../app.ts';
import { READERS } from '../auth/access.ts';
import { readBreakdowns } from './breakdowns.service.ts';

export const breakdownRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { context }) => {
  app.get(
    '/rounds/:id/breakdowns',
    {
      schema: { tags: ['results'], params: roundParamSchema, response: { 200: breakdownsSchema } },
      config: { access: READERS },
    },
    async (request) => readBreakdowns(context(request), { roundId: request.params.id }),
  );
};
