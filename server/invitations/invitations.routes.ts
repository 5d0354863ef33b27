import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  invitationParamSchema,
  invitationSchema,
  progressSchema,
  reasonBodySchema,
  replaceResultSchema,
  roundParamSchema,
} from '#shared/schemas/rounds.ts';
import type { RouteDeps } from '../app.ts';
import { NotFound } from '../errors.ts';
import { attachment, XLSX_TYPE } from '../exports/workbook.ts';
import { findRound } from '../rounds/rounds.queries.ts';
import { invitationsWorkbook, listInvitations, regenerateInvitation, replaceInvitation } from './invitations.service.ts';
import { roundProgress } from './progress.ts';
import { makeLinkMaker } from './tokens.ts';

// Links and contacts are for the admins who send them out, nobody else.
const ADMIN = ['admin'] as const;

export const invitationRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { database: { db }, config, context }) => {
  const links = makeLinkMaker(config.jwtSecret, config.publicBaseUrl);
  const requireRound = async (id: string) => {
    if (!(await findRound(db, id))) throw new NotFound(`No round ${id}`);
  };

  app.get(
    '/rounds/:id/invitations',
    {
      schema: { tags: ['invitations'], params: roundParamSchema, response: { 200: z.array(invitationSchema) } },
      config: { access: ADMIN },
    },
    async (request) => {
      await requireRound(request.params.id);
      return listInvitations(context(request), { roundId: request.params.id, links });
    },
  );

  app.get(
    '/rounds/:id/progress',
    {
      schema: { tags: ['invitations'], params: roundParamSchema, response: { 200: progressSchema } },
      config: { access: ['admin', 'leader', 'supervisor'] },
    },
    async (request) => roundProgress(context(request), { roundId: request.params.id }),
  );

  // For follow-up calls: who has not submitted yet, with contacts (admins only).
  app.get(
    '/rounds/:id/non-responders',
    {
      schema: { tags: ['invitations'], params: roundParamSchema, response: { 200: z.array(invitationSchema) } },
      config: { access: ADMIN },
    },
    async (request) => {
      await requireRound(request.params.id);
      return (await listInvitations(context(request), { roundId: request.params.id, links })).filter(
        (i) => i.status !== 'submitted' && i.status !== 'replaced',
      );
    },
  );

  app.get(
    '/rounds/:id/invitations.xlsx',
    {
      schema: { tags: ['invitations'], params: roundParamSchema },
      config: { access: ADMIN },
    },
    async (request, reply) => {
      await requireRound(request.params.id);
      const body = await invitationsWorkbook(context(request), { roundId: request.params.id, links });
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', attachment(`invitations-${request.params.id}.xlsx`))
        .send(body);
    },
  );

  app.get(
    '/rounds/:id/invitations/:uscc/qr.svg',
    {
      schema: { tags: ['invitations'], params: invitationParamSchema },
      config: { access: ADMIN },
    },
    async (request, reply) => {
      const inv = (await listInvitations(context(request), { roundId: request.params.id, links })).find(
        (i) => i.uscc === request.params.uscc,
      );
      if (!inv?.link) throw new NotFound('No live invitation for this enterprise');
      const { default: QRCode } = await import('qrcode'); // loaded on the first code asked for
      const svg = await QRCode.toString(inv.link, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
      return reply.type('image/svg+xml').header('cache-control', 'private, no-store').send(svg);
    },
  );

  app.post(
    '/rounds/:id/invitations/:uscc/replace',
    {
      schema: { tags: ['invitations'], params: invitationParamSchema, body: reasonBodySchema, response: { 200: replaceResultSchema } },
      config: { access: ADMIN },
    },
    async (request) =>
      replaceInvitation(context(request), { roundId: request.params.id, uscc: request.params.uscc, reason: request.body.reason, links }),
  );

  app.post(
    '/rounds/:id/invitations/:uscc/regenerate',
    {
      schema: { tags: ['invitations'], params: invitationParamSchema, response: { 200: invitationSchema } },
      config: { access: ADMIN },
    },
    async (request) => regenerateInvitation(context(request), { roundId: request.params.id, uscc: request.params.uscc, links }),
  );
};
