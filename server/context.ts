// The one service context: every service takes `(ctx, input)`. `ctx` says where the service reads and
// writes, who acts, when and in which zone; `input` is an object of named fields. Routes build it once
// per request (RouteDeps.context); jobs, the demo and tests build it with serviceContext.
import type { FastifyRequest } from 'fastify';
import { type Actor, SYSTEM_ACTOR } from './audit/audit.writer.ts';
import { actorOf, type SessionUser } from './auth/access.ts';
import type { Tx } from './db/client.ts';
import { Unauthorized } from './errors.ts';

export interface ServiceContext {
  /** The database, or the transaction a caller already holds; a service that writes opens its own on it. */
  tx: Tx;
  /** Who acts: the audit log's actor. */
  actor: Actor;
  /** The signed-in user, for scope checks; null for the public, the survey, jobs and the demo. */
  user: SessionUser | null;
  /** The domain clock, read once per request. */
  now: Date;
  /** The city's time zone (TZ_CITY): where its days begin and end. */
  zone: string;
}

/** A context outside a request (jobs, the demo, tests): the system acts unless told otherwise. */
export function serviceContext(tx: Tx, fields: Partial<Omit<ServiceContext, 'tx'>> & { now: Date; zone: string }): ServiceContext {
  return { actor: SYSTEM_ACTOR, user: null, ...fields, tx };
}

/** Builds the context of a request: the one place routes get their database, actor, clock and zone. */
export function requestContexts(tx: Tx, now: () => Date, zone: string) {
  return (request: FastifyRequest): ServiceContext => ({ tx, actor: actorOf(request), user: request.sessionUser, now: now(), zone });
}

/** The signed-in user of a context; services behind a role guard can rely on it. */
export function userIn(ctx: ServiceContext): SessionUser {
  if (!ctx.user) throw new Unauthorized();
  return ctx.user;
}
