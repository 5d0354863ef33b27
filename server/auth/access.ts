// Role guard: every /api route declares who may call it in its config; one hook enforces it, after
// resuming the caller's session from the database (so a revoked session or a changed role counts at once).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ROLES, type Role } from '../../shared/schemas/common.ts';
import { Forbidden, Unauthorized } from '../errors.ts';
import type { Actor } from '../audit/audit.writer.ts';
import type { Db } from '../db/client.ts';
import { resumeSession, type SessionPolicy, type SessionToken, type SessionUser } from './session.ts';

export { SESSION_COOKIE, type SessionUser } from './session.ts';

export type Access = 'public' | readonly Role[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** Reachable while the user must still replace a one-time password. */
    duringPasswordChange?: boolean;
  }
  interface FastifyRequest { sessionUser: SessionUser | null; sessionToken: SessionToken | null }
  interface FastifyInstance { routeAccess: RouteAccess[] }
}

export interface RouteAccess { method: string; url: string; access: Access }
declare module '@fastify/jwt' {
  interface FastifyJWT { payload: SessionToken; user: SessionToken }
}

export const READERS = ['admin', 'leader', 'supervisor'] as const satisfies readonly Role[];
/** The survey's roles (the organisation department, org, is not one of them). */
export const ALL_ROLES = ['admin', 'leader', 'supervisor', 'dept_head'] as const satisfies readonly Role[];
/** Everyone who can sign in, org included: the session itself and the public registries. */
export const SIGNED_IN = ROLES;

export function actorOf(request: FastifyRequest): Actor {
  const u = request.sessionUser;
  return u ? { id: u.id, name: u.username } : { id: null, name: 'anonymous' };
}

/** The signed-in user; routes behind a role guard can rely on it. */
export function userOf(request: FastifyRequest): SessionUser {
  if (!request.sessionUser) throw new Unauthorized();
  return request.sessionUser;
}

export const accessPlugin = fp(async (app: FastifyInstance, opts: { db: Db; session: SessionPolicy }) => {
  app.decorateRequest('sessionUser', null);
  app.decorateRequest('sessionToken', null);
  // Every API route with who may call it: the role-matrix test checks this against its own table.
  app.decorate('routeAccess', [] as RouteAccess[]);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1')) return;
    if (!route.config?.access) throw new Error(`route ${route.method} ${route.url} declares no access (config.access)`);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') app.routeAccess.push({ method, url: route.url, access: route.config.access });
    }
  });

  app.addHook('onRequest', async (request, reply) => {
    const access = request.routeOptions.config?.access;
    if (!access) return;
    // Without a cookie (the survey's enterprises) this costs nothing; with one, one primary-key read.
    const session = await resumeSession(request, reply, opts.db, opts.session);
    request.sessionUser = session?.user ?? null;
    request.sessionToken = session?.token ?? null;
    if (access === 'public') return;
    if (!request.sessionUser) throw new Unauthorized();
    if (!access.includes(request.sessionUser.role)) throw new Forbidden();
    if (request.sessionUser.mustChangePassword && !request.routeOptions.config.duringPasswordChange) {
      throw new Forbidden('Change your one-time password first', 'password_change_required');
    }
  });
});
