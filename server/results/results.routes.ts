import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamSchema } from '#shared/schemas/common.ts';
import { roundParamSchema } from '#shared/schemas/rounds.ts';
import {
  correctBodySchema,
  departmentHistorySchema,
  departmentStatesQuerySchema,
  departmentStatesSchema,
  escalationBoardSchema,
  escalationPatchSchema,
  escalationSchema,
  measureParamSchema,
  measurePatchSchema,
  resultsSchema,
} from '#shared/schemas/results.ts';
import type { RouteDeps } from '../app.ts';
import { ALL_ROLES, READERS, userOf } from '../auth/access.ts';
import { Forbidden } from '../errors.ts';
import { departmentStates } from '../departments/states.service.ts';
import { escalationBoard } from '../escalations/board.ts';
import { updateEscalation, updateMeasure } from '../escalations/follow-up.ts';
import { departmentHistory } from '../escalations/history.ts';
import { reviewWatch } from '../escalations/watches.ts';
import { watchReviewBodySchema, watchSchema } from '#shared/schemas/escalation-guard.ts';
import { attachment, XLSX_TYPE } from '../exports/workbook.ts';
import { resultsWorkbook } from './results.export.ts';
import { computeRound, correctRound, publishRound, readResults } from './results.service.ts';

const ADMIN = ['admin'] as const;

export const resultRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { database: { db }, context }) => {
  app.post(
    '/rounds/:id/compute',
    {
      schema: { tags: ['results'], params: roundParamSchema, response: { 200: resultsSchema } },
      config: { access: ADMIN },
    },
    async (request) => computeRound(context(request), { roundId: request.params.id }),
  );

  app.post(
    '/rounds/:id/publish',
    {
      schema: { tags: ['results'], params: roundParamSchema, response: { 200: resultsSchema } },
      config: { access: ADMIN, decides: true },
    },
    async (request) => publishRound(context(request), { roundId: request.params.id }),
  );

  app.post(
    '/rounds/:id/results/correct',
    {
      schema: { tags: ['results'], params: roundParamSchema, body: correctBodySchema, response: { 200: resultsSchema } },
      config: { access: ADMIN, decides: true },
    },
    async (request) => correctRound(context(request), { roundId: request.params.id, reason: request.body.reason }),
  );

  // Department heads see results only once published: the public figures, and their own distribution.
  app.get(
    '/rounds/:id/results',
    {
      schema: { tags: ['results'], params: roundParamSchema, response: { 200: resultsSchema } },
      config: { access: ALL_ROLES },
    },
    async (request) => {
      const user = userOf(request);
      return readResults(
        db,
        request.params.id,
        user.role === 'dept_head' ? { full: false, departmentId: user.departmentId } : { full: true },
      );
    },
  );

  app.get(
    '/rounds/:id/results.xlsx',
    {
      schema: { tags: ['results'], params: roundParamSchema },
      config: { access: READERS },
    },
    async (request, reply) => {
      const body = await resultsWorkbook(await readResults(db, request.params.id, { full: true }));
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', attachment(`results-${request.params.id}.xlsx`))
        .send(body);
    },
  );

  app.get(
    '/departments/:id/history',
    {
      schema: { tags: ['results'], params: idParamSchema, response: { 200: departmentHistorySchema } },
      config: { access: ALL_ROLES },
    },
    async (request) => {
      const user = userOf(request);
      if (user.role === 'dept_head' && user.departmentId !== request.params.id) throw new Forbidden('You can see your own department only');
      return departmentHistory(context(request), { departmentId: request.params.id });
    },
  );

  // One state per department and quarter, for every page that shows one: a head reads their own only.
  app.get(
    '/department-states',
    {
      schema: { tags: ['escalations'], querystring: departmentStatesQuerySchema, response: { 200: departmentStatesSchema } },
      config: { access: ALL_ROLES },
    },
    async (request) => {
      const user = userOf(request);
      const { departmentId, roundId, all } = request.query;
      if (user.role === 'dept_head' && departmentId !== undefined && departmentId !== user.departmentId)
        throw new Forbidden('You can see your own department only');
      const only = user.role === 'dept_head' ? (user.departmentId ?? -1) : departmentId;
      return departmentStates(context(request), { departmentId: only, roundId, all: all === 'true' });
    },
  );

  app.get(
    '/escalations',
    {
      schema: { tags: ['escalations'], response: { 200: escalationBoardSchema } },
      config: { access: ALL_ROLES },
    },
    async (request) => {
      const user = userOf(request);
      return escalationBoard(context(request), { departmentId: user.role === 'dept_head' ? (user.departmentId ?? -1) : null });
    },
  );

  app.patch(
    '/escalations/:id',
    {
      schema: { tags: ['escalations'], params: idParamSchema, body: escalationPatchSchema, response: { 200: escalationSchema } },
      config: { access: ADMIN, decides: true },
    },
    async (request) => updateEscalation(context(request), { id: request.params.id, patch: request.body }),
  );

  // The 纪委 reviews each watch the statistical guard gave (2027-guard): confirm, or override so measures apply.
  app.post(
    '/escalations/watches/review',
    {
      schema: { tags: ['escalations'], body: watchReviewBodySchema, response: { 200: watchSchema } },
      config: { access: ['supervisor'], decides: true },
    },
    async (request) => reviewWatch(context(request), request.body),
  );

  // One measure at a time: each done measure is a consequence for the responsible head on its own.
  app.patch(
    '/escalations/:id/measures/:measure',
    {
      schema: { tags: ['escalations'], params: measureParamSchema, body: measurePatchSchema, response: { 200: escalationSchema } },
      config: { access: ADMIN, decides: true },
    },
    async (request) => {
      const { id, measure } = request.params;
      return updateMeasure(context(request), { id, measure, patch: request.body });
    },
  );
};
