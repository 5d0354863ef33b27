import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamSchema } from '#shared/schemas/common.ts';
import {
  asOfQuerySchema,
  cadrePointsSchema,
  entryInputSchema,
  entryListQuerySchema,
  entrySchema,
  reverseInputSchema,
  reviewInputSchema,
  rulebookInputSchema,
  rulesResponseSchema,
  shortlistQuerySchema,
  shortlistSchema,
  standingsQuerySchema,
  standingsSchema,
} from '#shared/schemas/points.ts';
import type { RouteDeps } from '../app.ts';
import { createRoutes } from '../http/create-route.ts';
import { scopedListRoutes } from '../cadres/scoped-list.ts';
import { BUSINESS_ROLES, ORG, POINTS_READERS, SHORTLIST_READERS } from '../auth/access.ts';
import { attachment, XLSX_TYPE } from '../exports/workbook.ts';
import { listEntries } from './entries.queries.ts';
import { reverseEntry, reviewEntry, submitEntry } from './entries.service.ts';
import { addRulebook, rulesView } from './rules.service.ts';
import { shortlistFileName, shortlistWorkbook } from './shortlist.export.ts';
import { cadrePoints, promotionShortlist, standings } from './standings.service.ts';

export const pointsRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { database: { db }, context }) => {
  const creates = createRoutes(app, context, 'points');
  const lists = scopedListRoutes(app, db, 'points');
  // The rulebook is no secret: every business role may read how points are scored.
  app.get(
    '/points/rules',
    {
      schema: { tags: ['points'], response: { 200: rulesResponseSchema } },
      config: { access: BUSINESS_ROLES },
    },
    async (request) => rulesView(context(request)),
  );

  creates('/points/rules', { access: ORG, body: rulebookInputSchema, made: rulesResponseSchema }, addRulebook);

  lists('/points/entries', { query: entryListQuerySchema, item: entrySchema }, listEntries);

  app.post(
    '/points/entries',
    {
      schema: { tags: ['points'], body: entryInputSchema, response: { 201: entrySchema } },
      config: { access: ORG },
    },
    async (request, reply) => reply.status(201).send(await submitEntry(context(request), request.body)),
  );

  app.post(
    '/points/entries/:id/approve',
    {
      schema: { tags: ['points'], params: idParamSchema, body: reviewInputSchema, response: { 200: entrySchema } },
      config: { access: ORG, decides: true },
    },
    async (request) => reviewEntry(context(request), { id: request.params.id, decision: 'approved', note: request.body?.note }),
  );

  app.post(
    '/points/entries/:id/reject',
    {
      schema: { tags: ['points'], params: idParamSchema, body: reviewInputSchema, response: { 200: entrySchema } },
      config: { access: ORG, decides: true },
    },
    async (request) => reviewEntry(context(request), { id: request.params.id, decision: 'rejected', note: request.body?.note }),
  );

  app.post(
    '/points/entries/:id/reverse',
    {
      schema: { tags: ['points'], params: idParamSchema, body: reverseInputSchema, response: { 201: entrySchema } },
      config: { access: ORG },
    },
    async (request, reply) =>
      reply.status(201).send(await reverseEntry(context(request), { id: request.params.id, reversal: request.body })),
  );

  app.get(
    '/cadres/:id/points',
    {
      schema: { tags: ['points'], params: idParamSchema, querystring: asOfQuerySchema, response: { 200: cadrePointsSchema } },
      config: { access: POINTS_READERS },
    },
    async (request) => cadrePoints(context(request), { cadreId: request.params.id, asOf: request.query.asOf }),
  );

  app.get(
    '/points/standings',
    {
      schema: { tags: ['points'], querystring: standingsQuerySchema, response: { 200: standingsSchema } },
      config: { access: POINTS_READERS },
    },
    async (request) => standings(context(request), request.query),
  );

  // The shortlist goes to the 组织部 meeting; heads do not see other units' cadres.
  app.get(
    '/points/shortlist',
    {
      schema: { tags: ['points'], querystring: shortlistQuerySchema, response: { 200: shortlistSchema } },
      config: { access: SHORTLIST_READERS },
    },
    async (request) => promotionShortlist(context(request), request.query),
  );

  app.get(
    '/points/shortlist.xlsx',
    {
      schema: { tags: ['points'], querystring: shortlistQuerySchema },
      config: { access: SHORTLIST_READERS },
    },
    async (request, reply) => {
      const list = await promotionShortlist(context(request), request.query);
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', attachment(shortlistFileName(list)))
        .send(await shortlistWorkbook(list));
    },
  );
};
