// Unauthenticated: the public disclosure (公开通报) of published rounds.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { publicRoundListSchema, publicRoundSchema } from '../../shared/schemas/public.ts';
import { roundParamSchema } from '../../shared/schemas/rounds.ts';
import type { RouteDeps } from '../app.ts';
import { publicRound, publicRounds } from './public.service.ts';

export const publicRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { database: { db }, config, now, timeZone }) => {
  const disclosure = config.publicDisclosure ?? 'full';

  app.get('/public/rounds', {
    schema: { tags: ['public'], response: { 200: publicRoundListSchema } },
    config: { access: 'public' },
  }, async () => publicRounds(db));

  app.get('/public/rounds/:id', {
    schema: { tags: ['public'], params: roundParamSchema, response: { 200: publicRoundSchema } },
    config: { access: 'public' },
  }, async (request) => publicRound(db, request.params.id, disclosure, now(), timeZone));
};
