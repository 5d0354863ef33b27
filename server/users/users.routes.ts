import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamSchema } from '#shared/schemas/common.ts';
import { accountCreateSchema, accountPatchSchema, accountSchema, accountWithPasswordSchema } from '#shared/schemas/users.ts';
import type { RouteDeps } from '../app.ts';
import { createRoutes } from '../http/create-route.ts';
import { ACCOUNT_ADMINS } from '../auth/access.ts';
import * as accounts from './users.service.ts';

export const userRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { context }) => {
  const creates = createRoutes(app, context, 'users');
  app.get(
    '/users',
    {
      schema: { tags: ['users'], response: { 200: z.array(accountSchema) } },
      config: { access: ACCOUNT_ADMINS },
    },
    async (request) => accounts.listAccounts(context(request)),
  );

  app.get(
    '/users/:id',
    {
      schema: { tags: ['users'], params: idParamSchema, response: { 200: accountSchema } },
      config: { access: ACCOUNT_ADMINS },
    },
    async (request) => accounts.getAccount(context(request), { id: request.params.id }),
  );

  // The one-time password is in this answer only; the person must replace it at first login.
  creates('/users', { access: ACCOUNT_ADMINS, body: accountCreateSchema, made: accountWithPasswordSchema }, accounts.createAccount);

  app.patch(
    '/users/:id',
    {
      schema: { tags: ['users'], params: idParamSchema, body: accountPatchSchema, response: { 200: accountSchema } },
      config: { access: ACCOUNT_ADMINS },
    },
    async (request) => accounts.updateAccount(context(request), { id: request.params.id, patch: request.body }),
  );

  // Accounts are never deleted (the audit log names them): DELETE and /deactivate both deactivate.
  for (const [method, url] of [
    ['POST', '/users/:id/deactivate'],
    ['DELETE', '/users/:id'],
  ] as const) {
    app.route({
      method,
      url,
      schema: { tags: ['users'], params: idParamSchema, response: { 200: accountSchema } },
      config: { access: ACCOUNT_ADMINS },
      handler: async (request) => accounts.updateAccount(context(request), { id: request.params.id, patch: { active: false } }),
    });
  }

  app.post(
    '/users/:id/reset-password',
    {
      schema: { tags: ['users'], params: idParamSchema, response: { 200: accountWithPasswordSchema } },
      config: { access: ACCOUNT_ADMINS },
    },
    async (request) => accounts.resetPassword(context(request), { id: request.params.id }),
  );
};
