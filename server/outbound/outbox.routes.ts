import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { outboxSchema, remindersResultSchema } from '#shared/schemas/outbox.ts';
import { roundParamSchema } from '#shared/schemas/rounds.ts';
import type { RouteDeps } from '../app.ts';
import { attachment, XLSX_TYPE } from '../exports/workbook.ts';
import { outboxWorkbook, remindNow, roundOutbox } from './outbox.service.ts';

// Who is messaged tells who was drawn: the admin running the round only, like the invitation list.
const ADMIN = ['admin'] as const;
const dayQuery = z.object({ day: z.iso.date({ message: 'expected a day such as 2026-03-05' }).optional() });

export const outboxRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { context, outbound }) => {
  app.get(
    '/rounds/:id/outbox',
    {
      schema: { tags: ['outbox'], params: roundParamSchema, response: { 200: outboxSchema } },
      config: { access: ADMIN },
    },
    async (request) => roundOutbox(context(request), { outbound, roundId: request.params.id }),
  );

  app.get(
    '/rounds/:id/outbox.xlsx',
    {
      schema: { tags: ['outbox'], params: roundParamSchema, querystring: dayQuery },
      config: { access: ADMIN },
    },
    async (request, reply) => {
      const { day, workbook } = await outboxWorkbook(context(request), { outbound, roundId: request.params.id, day: request.query.day });
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', attachment(`sms-${request.params.id}-${day}.xlsx`))
        .send(workbook);
    },
  );

  app.post(
    '/rounds/:id/reminders',
    {
      schema: { tags: ['outbox'], params: roundParamSchema, response: { 200: remindersResultSchema } },
      config: { access: ADMIN },
    },
    async (request) => remindNow(context(request), { outbound, roundId: request.params.id }),
  );
};
