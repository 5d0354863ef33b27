// POST that makes one thing from its body through a context service and answers 201 with it: the same
// route for units, cadres, departments, enterprises, rounds, accounts and rulebooks, declared once.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { RouteDeps } from '../app.ts';
import type { Access } from '../auth/access.ts';
import type { ServiceContext } from '../context.ts';

type ZodApp = Parameters<FastifyPluginAsyncZod<RouteDeps>>[0];

export interface CreateSpec<B extends z.ZodType, R extends z.ZodType> {
  access: Access;
  body: B;
  /** What is answered with 201: the thing made. */
  made: R;
}

/** A plugin's create routes under its OpenAPI tag: `creates(path, spec, service)`. */
export function createRoutes(app: ZodApp, context: RouteDeps['context'], tag: string) {
  return <B extends z.ZodType, R extends z.ZodType>(
    path: string,
    spec: CreateSpec<B, R>,
    create: (ctx: ServiceContext, input: z.output<B>) => Promise<z.input<R>>,
  ): void => {
    // The zod provider types a handler from its schemas; generic ones it cannot resolve, so they are widened
    // here (the body is still parsed by spec.body, the answer still checked against spec.made).
    const schema = { tags: [tag], body: spec.body as z.ZodType, response: { 201: spec.made as z.ZodType } };
    app.post(path, { schema, config: { access: spec.access } }, async (request, reply) =>
      reply.status(201).send(await create(context(request), request.body as z.output<B>)),
    );
  };
}
