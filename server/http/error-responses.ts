// Every API route's OpenAPI entry declares the error bodies it can answer, in one place rather than on
// each route: the one error body (shared/schemas/common.ts, its code one of shared/errors.ts), under
// each 4xx status the route can give, read from what the route declares (its access, method, path
// parameters and rate limits). The same schemas check the bodies as they are sent.
import type { RouteOptions } from 'fastify';
import type { z } from 'zod';
import { errorBodySchema } from '#shared/schemas/common.ts';
import { isRateLimiter } from './rate-limits.ts';

const body = (description: string) => errorBodySchema.describe(description);

const ERROR_BODIES = {
  400: body('The request is malformed or fails its schema (bad_request, validation_failed, control_characters, reminder_after_deadline)'),
  401: body('Not signed in, or the session has ended (unauthorized)'),
  403: body('The role may not do this, or the request comes from another site (forbidden, foreign_origin, …)'),
  404: body('No such record (not_found)'),
  409: body('The record is not in a state that allows this (conflict, duplicate, and the domain codes)'),
  422: body('The request is well formed but breaks a rule (invalid, constraint_violated, and the domain codes)'),
  429: body('Too many requests; wait and retry (rate_limited)'),
} as const;
export type ErrorStatus = keyof typeof ERROR_BODIES;

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

type RouteShape = Pick<RouteOptions, 'method' | 'url' | 'config' | 'preHandler'>;

/** The 4xx statuses a route can answer, from what it declares. */
export function errorStatuses(route: RouteShape): ErrorStatus[] {
  const methods = [route.method].flat().map((m) => m.toUpperCase());
  const signedIn = route.config?.access !== 'public';
  const changes = methods.some((m) => STATE_CHANGING.has(m));
  const limited = Boolean(route.config?.rateLimit) || [route.preHandler ?? []].flat().some(isRateLimiter);
  const statuses: [ErrorStatus, boolean][] = [
    // Any request can be malformed (a bad path or query, a control character).
    [400, true],
    [401, signedIn],
    // The role guard; a state-changing request from another site (server/http/edges.ts).
    [403, signedIn || changes],
    [404, route.url.includes(':')],
    [409, changes],
    [422, changes],
    [429, limited],
  ];
  return statuses.filter(([, applies]) => applies).map(([status]) => status);
}

/** An onRoute hook: adds the error bodies to every API route with a schema (a route's own entry for a status wins). */
export function declareErrorResponses(route: RouteOptions): void {
  if (!route.url.startsWith('/api/v1') || !route.schema) return;
  const declared = (route.schema.response ?? {}) as Record<string | number, unknown>;
  const errors: Partial<Record<ErrorStatus, z.ZodType>> = {};
  for (const status of errorStatuses(route)) errors[status] = ERROR_BODIES[status];
  route.schema.response = { ...errors, ...declared };
}
