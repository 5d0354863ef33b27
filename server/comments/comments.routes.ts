import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { commentsQuerySchema, commentsSchema } from '#shared/schemas/comments.ts';
import { okSchema } from '#shared/schemas/common.ts';
import { roundParamSchema } from '#shared/schemas/rounds.ts';
import type { RouteDeps } from '../app.ts';
import { ALL_ROLES } from '../auth/access.ts';
import { readComments, releaseComments } from './comments.service.ts';

export const commentRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { context }) => {
  app.get(
    '/rounds/:id/comments',
    {
      schema: { tags: ['comments'], params: roundParamSchema, querystring: commentsQuerySchema, response: { 200: commentsSchema } },
      config: { access: ALL_ROLES },
    },
    async (request) => readComments(context(request), { roundId: request.params.id, departmentId: request.query.departmentId }),
  );

  app.post(
    '/rounds/:id/comments/release',
    {
      schema: { tags: ['comments'], params: roundParamSchema, response: { 200: okSchema } },
      config: { access: ['admin'] },
    },
    async (request) => {
      await releaseComments(context(request), { roundId: request.params.id });
      return { ok: true as const };
    },
  );
};
