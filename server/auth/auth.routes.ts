import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { loginBodySchema, userSchema, healthSchema } from '../../shared/schemas/auth.ts';
import { okSchema } from '../../shared/schemas/common.ts';
import { Unauthorized } from '../errors.ts';
import { findUserById, findUserByUsername } from '../users/users.queries.ts';
import { SIGNED_IN, SESSION_COOKIE, type SessionUser, userOf } from './access.ts';
import { dummyHash, verifyPassword } from './password.ts';
import type { RouteDeps } from '../app.ts';

const SESSION_HOURS = 8;

export const authRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { database }) => {
  const { db } = database;

  app.post('/auth/login', {
    schema: { tags: ['auth'], body: loginBodySchema, response: { 200: userSchema } },
    config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
  }, async (request, reply) => {
    const { username, password } = request.body;
    const user = await findUserByUsername(db, username);
    const ok = user?.active ? await verifyPassword(user.passwordHash, password) : (await verifyPassword(await dummyHash(), password), false);
    if (!user || !ok) throw new Unauthorized('Wrong username or password');
    const session: SessionUser = { id: user.id, username: user.username, displayName: user.displayName, role: user.role, departmentId: user.departmentId };
    const token = await reply.jwtSign(session, { expiresIn: `${SESSION_HOURS}h` });
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/', httpOnly: true, sameSite: 'strict', secure: request.protocol === 'https', maxAge: SESSION_HOURS * 3600,
    });
    return session;
  });

  app.post('/auth/logout', {
    schema: { tags: ['auth'], response: { 200: okSchema } },
    config: { access: 'public' },
  }, async (_request, reply) => {
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  app.get('/me', {
    schema: { tags: ['auth'], response: { 200: userSchema } },
    config: { access: SIGNED_IN },
  }, async (request) => {
    // Re-read so a deactivated account loses access before its token expires.
    const user = await findUserById(db, userOf(request).id);
    if (!user?.active) throw new Unauthorized('Your account is no longer active');
    return { id: user.id, username: user.username, displayName: user.displayName, role: user.role, departmentId: user.departmentId };
  });

  app.get('/health', {
    schema: { tags: ['auth'], response: { 200: healthSchema, 503: healthSchema } },
    config: { access: 'public' },
  }, async (_request, reply) => {
    const reachable = await database.ping().then(() => true, () => false);
    return reply.status(reachable ? 200 : 503).send({ status: reachable ? 'ok' : 'degraded', database: { kind: database.kind, reachable } });
  });
};
