import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { mayReadDraw } from '#shared/round-lifecycle.ts';
import { followUpBodySchema, followUpLogSchema, followUpSummarySchema, responseRatesSchema } from '#shared/schemas/follow-ups.ts';
import { invitationParamSchema, roundParamSchema, type RoundStatus } from '#shared/schemas/rounds.ts';
import type { RouteDeps } from '../app.ts';
import { READERS } from '../auth/access.ts';
import { userIn } from '../context.ts';
import { Forbidden } from '../errors.ts';
import { getRound } from '../rounds/rounds.service.ts';
import { followUpLog, followUpSummaries, recordFollowUp } from './follow-ups.service.ts';
import { responseRates } from './rates.ts';

export const followUpRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { context }) => {
  // The list names who was drawn: the admin's while the round runs, like the non-responders it sits beside.
  app.get(
    '/rounds/:id/follow-ups',
    {
      schema: { tags: ['follow-ups'], params: roundParamSchema, response: { 200: z.array(followUpSummarySchema) } },
      config: { access: ['admin'] },
    },
    async (request) => followUpSummaries(context(request), { roundId: request.params.id }),
  );

  // A supervisor checks the office's calls once the draw is public, with the numbers masked.
  app.get(
    '/rounds/:id/invitations/:uscc/follow-ups',
    {
      schema: { tags: ['follow-ups'], params: invitationParamSchema, response: { 200: followUpLogSchema } },
      config: { access: ['admin', 'supervisor'] },
    },
    async (request) => {
      const ctx = context(request);
      const round = await getRound(ctx, { id: request.params.id });
      if (!mayReadDraw(userIn(ctx).role, round))
        throw new Forbidden('Who was called is shown when the round closes for good (its results computed)');
      return followUpLog(ctx, { roundId: round.id, roundStatus: round.status as RoundStatus, uscc: request.params.uscc });
    },
  );

  app.post(
    '/rounds/:id/invitations/:uscc/follow-ups',
    {
      schema: { tags: ['follow-ups'], params: invitationParamSchema, body: followUpBodySchema, response: { 201: followUpLogSchema } },
      config: { access: ['admin'] },
    },
    async (request, reply) => {
      const log = await recordFollowUp(context(request), { roundId: request.params.id, uscc: request.params.uscc, followUp: request.body });
      return reply.code(201).send(log);
    },
  );

  app.get(
    '/rounds/:id/response-rates',
    {
      schema: { tags: ['follow-ups'], params: roundParamSchema, response: { 200: responseRatesSchema } },
      config: { access: READERS },
    },
    async (request) => responseRates(context(request), { roundId: request.params.id }),
  );
};
