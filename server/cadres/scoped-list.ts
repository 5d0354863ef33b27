// GET a page of cadre records (cadres, points entries) that every points reader may call: the query's
// `unit` narrowed to what the reader may see (heads: their own unit), the same route for both lists.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { pageOf } from '#shared/schemas/common.ts';
import type { RouteDeps } from '../app.ts';
import { POINTS_READERS, userOf } from '../auth/access.ts';
import type { Tx } from '../db/client.ts';
import { unitFilter } from './scope.ts';

type ZodApp = Parameters<FastifyPluginAsyncZod<RouteDeps>>[0];

/** A plugin's unit-scoped lists under its OpenAPI tag: `lists(path, { query, item }, list)`. */
export function scopedListRoutes(app: ZodApp, db: Tx, tag: string) {
  return <Q extends z.ZodType<{ unit?: string | undefined }>, I extends z.ZodType>(
    path: string,
    spec: { query: Q; item: I },
    list: (tx: Tx, query: z.output<Q>, unitId: number | null) => Promise<z.input<ReturnType<typeof pageOf<I>>>>,
  ): void => {
    // Widened for the zod provider, which cannot resolve generic schemas (both still parse and check).
    const schema = { tags: [tag], querystring: spec.query as z.ZodType, response: { 200: pageOf(spec.item) as z.ZodType } };
    app.get(path, { schema, config: { access: POINTS_READERS } }, async (request) => {
      const query = request.query as z.output<Q>;
      return list(db, query, await unitFilter(db, userOf(request), query.unit));
    });
  };
}
