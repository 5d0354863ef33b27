import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  callbackBodySchema,
  caseDetailSchema,
  caseListQuerySchema,
  caseParamSchema,
  caseSummarySchema,
  ledgerBodySchema,
  ledgerParamSchema,
  ledgerPatchSchema,
  planBodySchema,
  progressBodySchema,
  reviewBodySchema,
} from '#shared/schemas/rectification.ts';
import type { RouteDeps } from '../app.ts';
import { ALL_ROLES } from '../auth/access.ts';
import * as cases from './rectification.service.ts';

// Heads work on their own department's cases (checked in the service); admins review; leaders and supervisors read.
const HEAD = ['dept_head'] as const;
const detail = { params: caseParamSchema, response: { 200: caseDetailSchema } };

export const rectificationRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { context }) => {
  app.get(
    '/rectification/cases',
    {
      schema: { tags: ['rectification'], querystring: caseListQuerySchema, response: { 200: z.array(caseSummarySchema) } },
      config: { access: ALL_ROLES },
    },
    async (request) => cases.listCases(context(request), request.query),
  );

  app.get(
    '/rectification/cases/:id',
    {
      schema: { tags: ['rectification'], ...detail },
      config: { access: ALL_ROLES },
    },
    async (request) => cases.caseDetail(context(request), { id: request.params.id }),
  );

  app.put(
    '/rectification/cases/:id/plan',
    {
      schema: { tags: ['rectification'], body: planBodySchema, ...detail },
      config: { access: HEAD },
    },
    async (request) => cases.savePlan(context(request), { id: request.params.id, plan: request.body }),
  );

  app.post(
    '/rectification/cases/:id/ledger',
    {
      schema: { tags: ['rectification'], body: ledgerBodySchema, ...detail },
      config: { access: HEAD },
    },
    async (request) => cases.addLedgerEntry(context(request), { id: request.params.id, entry: request.body }),
  );

  app.patch(
    '/rectification/cases/:id/ledger/:entryId',
    {
      schema: { tags: ['rectification'], params: ledgerParamSchema, body: ledgerPatchSchema, response: { 200: caseDetailSchema } },
      config: { access: HEAD },
    },
    async (request) =>
      cases.setLedgerStatus(context(request), { id: request.params.id, entryId: request.params.entryId, status: request.body.status }),
  );

  app.post(
    '/rectification/cases/:id/progress',
    {
      schema: { tags: ['rectification'], body: progressBodySchema, ...detail },
      config: { access: HEAD },
    },
    async (request) => cases.addProgress(context(request), { id: request.params.id, progress: request.body }),
  );

  app.post(
    '/rectification/cases/:id/submit',
    {
      schema: { tags: ['rectification'], ...detail },
      config: { access: HEAD },
    },
    async (request) => cases.submitCase(context(request), { id: request.params.id }),
  );

  app.post(
    '/rectification/cases/:id/ledger/:entryId/callbacks',
    {
      schema: { tags: ['rectification'], params: ledgerParamSchema, body: callbackBodySchema, response: { 200: caseDetailSchema } },
      config: { access: ['admin'] },
    },
    async (request) =>
      cases.addCallback(context(request), { id: request.params.id, entryId: request.params.entryId, callback: request.body }),
  );

  app.post(
    '/rectification/cases/:id/review',
    {
      schema: { tags: ['rectification'], body: reviewBodySchema, ...detail },
      config: { access: ['admin'], decides: true },
    },
    async (request) => cases.reviewCase(context(request), { id: request.params.id, review: request.body }),
  );
};
