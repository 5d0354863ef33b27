import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { loginBodySchema, userSchema, healthSchema } from '#shared/schemas/auth.ts';
import { okSchema } from '#shared/schemas/common.ts';
import { passwordChangeSchema } from '#shared/schemas/users.ts';
import { appendAudit, type Actor } from '../audit/audit.writer.ts';
import { Unauthorized } from '../errors.ts';
import { changeOwnPassword } from '../users/users.service.ts';
import { findUserByUsername, updateUser } from '../users/users.queries.ts';
import { SIGNED_IN, actorOf, userOf } from './access.ts';
import type { DeviceCookies } from './device-cookie.ts';
import { AccountThrottled, type Admission, type LoginThrottle } from './login-throttle.ts';
import { dummyHash, verifyPassword } from './password.ts';
import { clearSessionCookie, startSession, writeSessionCookie, type SessionPolicy } from './session.ts';
import type { RouteDeps } from '../app.ts';

export interface AuthDeps {
  session: SessionPolicy;
  loginThrottle: LoginThrottle;
  devices: DeviceCookies;
}

export const authRoutes: FastifyPluginAsyncZod<RouteDeps & AuthDeps> = async (
  app,
  { database, now, context, session, loginThrottle, devices },
) => {
  const { db } = database;

  // Per address: the route's rate limit. Per account: the throttle's backoff, whatever the address, for
  // unknown browsers; a browser with the account's device cookie has its own count (login-throttle.ts).
  app.post(
    '/auth/login',
    {
      schema: { tags: ['auth'], body: loginBodySchema, response: { 200: userSchema } },
      config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      let admission: Admission;
      try {
        admission = await loginThrottle.admit(username, devices.read(request, username));
      } catch (err) {
        if (err instanceof AccountThrottled) reply.header('retry-after', String(err.retryAfterSeconds));
        throw err;
      }
      const knownDevice = admission.kind === 'device';
      const user = await findUserByUsername(db, username);
      const ok = user?.active
        ? await verifyPassword(user.passwordHash, password)
        : (await verifyPassword(await dummyHash(), password), false);
      if (!user || !ok) {
        await loginThrottle.failure(username, admission);
        const actor: Actor = { id: null, name: 'anonymous' };
        await db.transaction((tx) =>
          appendAudit(
            tx,
            actor,
            {
              action: 'auth.login_failed',
              entityType: 'user',
              entityId: username.slice(0, 100),
              summary: { username: username.slice(0, 100), address: request.ip, knownDevice },
            },
            now(),
          ),
        );
        throw new Unauthorized('Wrong username or password');
      }
      await loginThrottle.success(username, admission);
      await db.transaction((tx) =>
        appendAudit(
          tx,
          { id: user.id, name: user.username },
          { action: 'auth.login', entityType: 'user', entityId: user.id, summary: { address: request.ip, knownDevice } },
          now(),
        ),
      );
      startSession(reply, user, session);
      // A fresh nonce on every sign-in: a cookie that piled up failures is replaced by a clean one.
      devices.issue(reply, user.username);
      return {
        id: user.id,
        username: user.username,
        displayName: user.displayName,
        role: user.role,
        departmentId: user.departmentId,
        mustChangePassword: user.mustChangePassword,
      };
    },
  );

  // Ends every session of the person, not only this browser's.
  app.post(
    '/auth/logout',
    {
      schema: { tags: ['auth'], response: { 200: okSchema } },
      config: { access: 'public', duringPasswordChange: true },
    },
    async (request, reply) => {
      const user = request.sessionUser;
      if (user) {
        await db.transaction(async (tx) => {
          await updateUser(tx, user.id, {}, true);
          await appendAudit(
            tx,
            actorOf(request),
            { action: 'auth.logout', entityType: 'user', entityId: user.id, summary: { address: request.ip } },
            now(),
          );
        });
      }
      clearSessionCookie(reply, session);
      return { ok: true as const };
    },
  );

  app.post(
    '/auth/password',
    {
      schema: { tags: ['auth'], body: passwordChangeSchema, response: { 200: userSchema } },
      config: { access: SIGNED_IN, duringPasswordChange: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const me = userOf(request);
      const row = await changeOwnPassword(context(request), {
        id: me.id,
        current: request.body.currentPassword,
        next: request.body.newPassword,
      });
      // Other sessions ended with the version change; this one carries on under the new version.
      writeSessionCookie(reply, { ...request.sessionToken!, sv: row.sessionVersion, seen: session.now() }, session);
      return {
        id: row.id,
        username: row.username,
        displayName: row.displayName,
        role: row.role,
        departmentId: row.departmentId,
        mustChangePassword: false,
      };
    },
  );

  app.get(
    '/me',
    {
      schema: { tags: ['auth'], response: { 200: userSchema } },
      config: { access: SIGNED_IN, duringPasswordChange: true },
    },
    async (request) => userOf(request),
  );

  app.get(
    '/health',
    {
      schema: { tags: ['auth'], response: { 200: healthSchema, 503: healthSchema } },
      config: { access: 'public' },
    },
    async (_request, reply) => {
      const reachable = await database.ping().then(
        () => true,
        () => false,
      );
      return reply
        .status(reachable ? 200 : 503)
        .send({ status: reachable ? 'ok' : 'degraded', database: { kind: database.kind, reachable } });
    },
  );
};
