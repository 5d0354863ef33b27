import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cadreImportResultSchema } from '#shared/cadre-import.ts';
import { idParamSchema } from '#shared/schemas/common.ts';
import {
  cadreDetailSchema,
  cadreInputSchema,
  cadreListQuerySchema,
  cadrePatchSchema,
  cadreSchema,
  headCadreSchema,
  tenureInputSchema,
  unitInputSchema,
  unitSchema,
} from '#shared/schemas/cadres.ts';
import type { RouteDeps } from '../app.ts';
import { createRoutes } from '../http/create-route.ts';
import { scopedListRoutes } from './scoped-list.ts';
import { ORG, POINTS_READERS, userOf } from '../auth/access.ts';
import { Invalid } from '../errors.ts';
import { readTable } from '../enterprises/spreadsheet.ts';
import { listCadres, listUnits } from './cadres.queries.ts';
import { importCadres } from './cadres.import.ts';
import { appointPost, cadreDetail, createCadre, createUnit, linkHeadToCadre, updateCadre } from './cadres.service.ts';
import { assertInScope, unitScope } from './scope.ts';

// The organisation department (组织部) manages; leaders and supervisors read all; heads read their own unit.
export const cadreRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { database: { db }, context }) => {
  const creates = createRoutes(app, context, 'cadres');
  const lists = scopedListRoutes(app, db, 'cadres');
  app.get(
    '/units',
    {
      schema: { tags: ['cadres'], response: { 200: z.array(unitSchema) } },
      config: { access: POINTS_READERS },
    },
    async (request) => listUnits(db, await unitScope(db, userOf(request))),
  );

  creates('/units', { access: ORG, body: unitInputSchema, made: unitSchema }, createUnit);

  lists('/cadres', { query: cadreListQuerySchema, item: cadreSchema }, listCadres);

  app.get(
    '/cadres/:id',
    {
      schema: { tags: ['cadres'], params: idParamSchema, response: { 200: cadreDetailSchema } },
      config: { access: POINTS_READERS },
    },
    async (request) => {
      const detail = await cadreDetail(context(request), { cadreId: request.params.id });
      assertInScope(await unitScope(db, userOf(request)), detail.unitId);
      return detail;
    },
  );

  creates('/cadres', { access: ORG, body: cadreInputSchema, made: cadreSchema }, createCadre);

  app.patch(
    '/cadres/:id',
    {
      schema: { tags: ['cadres'], params: idParamSchema, body: cadrePatchSchema, response: { 200: cadreSchema } },
      config: { access: ORG },
    },
    async (request) => updateCadre(context(request), { cadreId: request.params.id, patch: request.body }),
  );

  app.post(
    '/cadres/:id/tenures',
    {
      schema: { tags: ['cadres'], params: idParamSchema, body: tenureInputSchema, response: { 200: cadreSchema } },
      config: { access: ORG },
    },
    async (request) => appointPost(context(request), { cadreId: request.params.id, tenure: request.body }),
  );

  app.put(
    '/department-heads/:id/cadre',
    {
      schema: {
        tags: ['cadres'],
        params: idParamSchema,
        body: headCadreSchema,
        response: { 200: z.object({ headId: z.number().int(), departmentId: z.number().int(), cadreId: z.number().int().nullable() }) },
      },
      config: { access: ORG },
    },
    async (request) => linkHeadToCadre(context(request), { headId: request.params.id, cadreId: request.body.cadreId }),
  );

  // multipart/form-data: `file` (.xlsx or .csv). Preview checks; apply writes every row or none.
  for (const [path, apply] of [
    ['/cadres/import/preview', false],
    ['/cadres/import/apply', true],
  ] as const) {
    app.post(
      path,
      {
        schema: { tags: ['cadres'], consumes: ['multipart/form-data'], response: { 200: cadreImportResultSchema } },
        config: { access: ORG },
      },
      async (request) => {
        if (!request.isMultipart())
          throw new Invalid('Upload the file as multipart/form-data with a "file" field', undefined, 'file_required');
        let file: { filename: string; data: Buffer } | undefined;
        for await (const part of request.parts()) {
          if (part.type === 'file') file = { filename: part.filename, data: await part.toBuffer() };
        }
        if (!file) throw new Invalid('No file uploaded: add a "file" field with an .xlsx or .csv file', undefined, 'file_required');
        const table = await readTable(file.filename, file.data);
        const result = await importCadres(context(request), { table, apply, filename: file.filename });
        if (apply && !result.applied) {
          const problem = result.errors.length ? `${result.errors.length} problem(s) in the file` : 'the file has no rows';
          throw new Invalid(`Nothing was imported: ${problem}`, result, 'import_has_errors');
        }
        return result;
      },
    );
  }
};
