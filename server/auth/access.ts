// Role guard: every /api route declares who may call it in its config; one hook enforces it, after
// resuming the caller's session from the database (so a revoked session or a changed role counts at once).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { decidesFrom, mayDecide } from '#shared/accounts/decide-wait.ts';
import type { Role } from '#shared/schemas/common.ts';
import { AppError, Forbidden, Unauthorized } from '../errors.ts';
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
    /**
     * Approves or decides something (four eyes, appeals, reviews, escalation measures, publication):
     * refused until the holder has replaced a password someone else set and a day has passed.
     */
    decides?: boolean;
  }
  interface FastifyRequest {
    sessionUser: SessionUser | null;
    sessionToken: SessionToken | null;
  }
  interface FastifyInstance {
    routeAccess: RouteAccess[];
  }
}

export interface RouteAccess {
  method: string;
  url: string;
  access: Access;
  decides: boolean;
}
declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: SessionToken;
    user: SessionToken;
  }
}

export {
  ACCOUNT_ADMINS,
  ALL_ROLES,
  AUDIT_READERS,
  BUSINESS_ROLES,
  ORG,
  POINTS_READERS,
  READERS,
  SHORTLIST_READERS,
  SIGNED_IN,
} from '#shared/role-groups.ts';

export function actorOf(request: FastifyRequest): Actor {
  const u = request.sessionUser;
  return u ? { id: u.id, name: u.username } : { id: null, name: 'anonymous' };
}

/** The signed-in user; routes behind a role guard can rely on it. */
export function userOf(request: FastifyRequest): SessionUser {
  if (!request.sessionUser) throw new Unauthorized();
  return request.sessionUser;
}

/** The refusal of a deciding route to an account whose password someone else set, or set less than a day ago. */
export class RecentlyReset extends AppError {
  constructor(from: Date | null) {
    super(
      403,
      'recently_reset',
      from
        ? `This account's password was set by someone else until recently; it may approve or decide from ${from.toISOString()}`
        : "This account's password was set by someone else; set your own, then it may approve or decide a day later",
      { decidesFrom: from?.toISOString() ?? null },
    );
  }
}

/** `now` is the domain clock (the one decisions are recorded with), not the session's wall clock. */
export const accessPlugin = fp(async (app: FastifyInstance, opts: { db: Db; session: SessionPolicy; now: () => Date }) => {
  app.decorateRequest('sessionUser', null);
  app.decorateRequest('sessionToken', null);
  // Every API route with who may call it: the role-matrix test checks this against its own table.
  app.decorate('routeAccess', [] as RouteAccess[]);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1')) return;
    if (!route.config?.access) throw new Error(`route ${route.method} ${route.url} declares no access (config.access)`);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD')
        app.routeAccess.push({ method, url: route.url, access: route.config.access, decides: route.config.decides === true });
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
    if (request.routeOptions.config.decides && !mayDecide(session!.ownPasswordSince, opts.now())) {
      throw new RecentlyReset(decidesFrom(session!.ownPasswordSince));
    }
  });
});
