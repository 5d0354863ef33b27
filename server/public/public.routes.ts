// Unauthenticated: the public disclosure (公开通报) of published rounds, and the issuer every outward page names.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { publicRoundListSchema, publicRoundSchema } from '#shared/schemas/public.ts';
import { cityProfileSchema } from '#shared/schemas/profile.ts';
import { roundParamSchema } from '#shared/schemas/rounds.ts';
import type { RouteDeps } from '../app.ts';
import { issuerOf } from '../config.ts';
import { publicRound, publicRounds } from './public.service.ts';

export const publicRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { config, context }) => {
  const disclosure = config.publicDisclosure;
  const issuer = issuerOf(config.city);

  // The city, the organising office and the help line (server/config.ts): the same for every visitor, so cached.
  app.get(
    '/profile',
    {
      schema: { tags: ['public'], response: { 200: cityProfileSchema } },
      config: { access: 'public' },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return issuer;
    },
  );

  app.get(
    '/public/rounds',
    {
      schema: { tags: ['public'], response: { 200: publicRoundListSchema } },
      config: { access: 'public' },
    },
    async (request) => publicRounds(context(request)),
  );

  app.get(
    '/public/rounds/:id',
    {
      schema: { tags: ['public'], params: roundParamSchema, response: { 200: publicRoundSchema } },
      config: { access: 'public' },
    },
    async (request) => publicRound(context(request), { roundId: request.params.id, disclosure }),
  );
};
