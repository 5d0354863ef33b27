import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cityDay } from '#shared/city-day.ts';
import { idParamSchema } from '#shared/schemas/common.ts';
import {
  departmentDetailSchema,
  departmentInputSchema,
  departmentPatchSchema,
  departmentSchema,
  headInputSchema,
} from '#shared/schemas/departments.ts';
import type { RouteDeps } from '../app.ts';
import { createRoutes } from '../http/create-route.ts';
import { BUSINESS_ROLES, SIGNED_IN } from '../auth/access.ts';
import { listDepartments } from './departments.queries.ts';
import { appointHead, createDepartment, getDepartmentDetail, updateDepartment } from './departments.service.ts';

// The registry is public knowledge inside government: every business role may read it; the security
// administrator reads the list only, to give a department head's account its department.
export const departmentRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { database: { db }, now, timeZone, context }) => {
  const clock = now;
  const creates = createRoutes(app, context, 'departments');

  app.get(
    '/departments',
    {
      schema: { tags: ['departments'], response: { 200: z.array(departmentSchema) } },
      config: { access: SIGNED_IN },
    },
    async () => listDepartments(db, cityDay(clock(), timeZone)),
  );

  app.get(
    '/departments/:id',
    {
      schema: { tags: ['departments'], params: idParamSchema, response: { 200: departmentDetailSchema } },
      config: { access: BUSINESS_ROLES },
    },
    async (request) => getDepartmentDetail(context(request), { id: request.params.id }),
  );

  creates('/departments', { access: ['admin'], body: departmentInputSchema, made: departmentSchema }, createDepartment);

  app.patch(
    '/departments/:id',
    {
      schema: { tags: ['departments'], params: idParamSchema, body: departmentPatchSchema, response: { 200: departmentSchema } },
      config: { access: ['admin'] },
    },
    async (request) => updateDepartment(context(request), { id: request.params.id, patch: request.body }),
  );

  app.post(
    '/departments/:id/head',
    {
      schema: { tags: ['departments'], params: idParamSchema, body: headInputSchema, response: { 200: departmentSchema } },
      config: { access: ['admin'] },
    },
    async (request) => appointHead(context(request), { id: request.params.id, head: request.body }),
  );
};
