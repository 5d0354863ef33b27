import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { importMappingSchema, importResultSchema } from '#shared/enterprise-import.ts';
import { pageOf } from '#shared/schemas/common.ts';
import {
  enterpriseFacetsSchema,
  enterpriseInputSchema,
  enterpriseListQuerySchema,
  enterprisePatchSchema,
  enterpriseSchema,
  usccParamSchema,
} from '#shared/schemas/enterprises.ts';
import type { RouteDeps } from '../app.ts';
import { createRoutes } from '../http/create-route.ts';
import { Invalid, NotFound } from '../errors.ts';
import * as q from './enterprises.queries.ts';
import { createEnterprise, importEnterprises, updateEnterprise } from './enterprises.service.ts';
import { assertNoControlCharacters } from '../http/edges.ts';
import { MAX_IMPORT_BYTES, readUpload } from '../imports/bounded-import.ts';
import type { CheckedImport } from './import-rows.ts';

const IMPORT_ROWS = import.meta.resolve('./import-rows.ts');

// Contacts are personal data and the registry tells who could be drawn: admins and supervisors only.
const REGISTRY_READERS = ['admin', 'supervisor'] as const;

export const enterpriseRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { database: { db }, context }) => {
  const creates = createRoutes(app, context, 'enterprises');
  app.get(
    '/enterprises',
    {
      schema: { tags: ['enterprises'], querystring: enterpriseListQuerySchema, response: { 200: pageOf(enterpriseSchema) } },
      config: { access: REGISTRY_READERS },
    },
    async (request) => q.listEnterprises(db, request.query),
  );

  app.get(
    '/enterprises/facets',
    {
      schema: { tags: ['enterprises'], response: { 200: enterpriseFacetsSchema } },
      config: { access: REGISTRY_READERS },
    },
    async () => q.enterpriseFacets(db),
  );

  app.get(
    '/enterprises/:uscc',
    {
      schema: { tags: ['enterprises'], params: usccParamSchema, response: { 200: enterpriseSchema } },
      config: { access: REGISTRY_READERS },
    },
    async (request) => {
      const row = await q.findEnterpriseByUscc(db, request.params.uscc);
      if (!row) throw new NotFound(`No enterprise with code ${request.params.uscc}`);
      return q.toEnterprise(row);
    },
  );

  creates('/enterprises', { access: ['admin'], body: enterpriseInputSchema, made: enterpriseSchema }, createEnterprise);

  app.patch(
    '/enterprises/:uscc',
    {
      schema: { tags: ['enterprises'], params: usccParamSchema, body: enterprisePatchSchema, response: { 200: enterpriseSchema } },
      config: { access: ['admin'] },
    },
    async (request) => updateEnterprise(context(request), { uscc: request.params.uscc, patch: request.body }),
  );

  // multipart/form-data: `file` (.xlsx or .csv) and optional `mapping` (JSON: field → header), mapping first.
  // The size limit holds while the upload streams in; rows, columns and cells while the worker reads it.
  for (const [path, apply] of [
    ['/enterprises/import/preview', false],
    ['/enterprises/import/apply', true],
  ] as const) {
    app.post(
      path,
      {
        schema: { tags: ['enterprises'], consumes: ['multipart/form-data'], response: { 200: importResultSchema } },
        config: { access: ['admin'] },
      },
      async (request, reply) => {
        if (!request.isMultipart())
          throw new Invalid('Upload the file as multipart/form-data with a "file" field', undefined, 'file_required');
        let file: { filename: string; data: Buffer } | undefined;
        let mappingText: string | undefined;
        for await (const part of request.parts({ limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 5, fieldSize: 64 * 1024 } })) {
          if (part.type === 'file') {
            assertNoControlCharacters(part.filename, 'file.filename', true);
            file = { filename: part.filename, data: await part.toBuffer() };
          } else if (part.fieldname === 'mapping') mappingText = String(part.value);
        }
        if (!file) throw new Invalid('No file uploaded: add a "file" field with an .xlsx or .csv file', undefined, 'file_required');
        const mapping = mappingText ? parseMapping(mappingText) : undefined;
        const checked = await readUpload<CheckedImport>(file.filename, file.data, {
          processor: { module: IMPORT_ROWS, options: { mapping } },
        });
        const result = await importEnterprises(context(request), { checked, apply, filename: file.filename });
        if (apply && !result.applied) {
          const problem = result.errorCount ? `${result.errorCount} problem(s) in the file` : 'the file has no rows';
          throw new Invalid(`Nothing was imported: ${problem}`, result, 'import_has_errors');
        }
        return reply.send(result);
      },
    );
  }
};

function parseMapping(text: string) {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Invalid('mapping: expected JSON such as {"uscc":"统一社会信用代码"}');
  }
  const parsed = importMappingSchema.safeParse(json);
  if (!parsed.success) throw new Invalid(`mapping: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
