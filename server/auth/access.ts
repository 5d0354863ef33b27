// Role guard: every /api route declares who may call it in its config; one hook enforces it.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ROLES, type Role } from '../../shared/schemas/common.ts';
import { Forbidden, Unauthorized } from '../errors.ts';
import type { Actor } from '../audit/audit.writer.ts';

export type Access = 'public' | readonly Role[];

export interface SessionUser { id: number; username: string; displayName: string; role: Role; departmentId: number | null }

declare module 'fastify' {
  interface FastifyContextConfig { access?: Access }
  interface FastifyRequest { sessionUser: SessionUser | null }
  interface FastifyInstance { routeAccess: RouteAccess[] }
}

export interface RouteAccess { method: string; url: string; access: Access }
declare module '@fastify/jwt' {
  interface FastifyJWT { payload: SessionUser; user: SessionUser }
}

export const SESSION_COOKIE = 'pingyi_session';
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

export const accessPlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest('sessionUser', null);
  // Every API route with who may call it: the role-matrix test checks this against its own table.
  app.decorate('routeAccess', [] as RouteAccess[]);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1')) return;
    if (!route.config?.access) throw new Error(`route ${route.method} ${route.url} declares no access (config.access)`);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') app.routeAccess.push({ method, url: route.url, access: route.config.access });
    }
  });

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access;
    if (!access) return;
    if (request.cookies[SESSION_COOKIE]) {
      try {
        const payload = await request.jwtVerify<SessionUser>();
        request.sessionUser = { id: payload.id, username: payload.username, displayName: payload.displayName, role: payload.role, departmentId: payload.departmentId };
      } catch {
        request.sessionUser = null; // expired or forged: treated as no login
      }
    }
    if (access === 'public') return;
    if (!request.sessionUser) throw new Unauthorized();
    if (!access.includes(request.sessionUser.role)) throw new Forbidden();
  });
});
