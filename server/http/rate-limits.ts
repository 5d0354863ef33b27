// Several rate limits on one route, counted together. @fastify/rate-limit's app.rateLimit() handlers mark
// the request as limited once the first has run, so a second handler in the same preHandler list silently
// never counts (the survey's per-token limit did nothing); and each would be its own upsert on PostgreSQL.
// Here every limit of a route is counted in one call to the shared counter (one statement).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import type { Counter } from './shared-limits.ts';

export interface Limit {
  max: number;
  /** Milliseconds. */
  windowMs: number;
  keyGenerator: (request: FastifyRequest) => string;
  /** Checked but not counted here (the request is refused once `max` are already counted): the token guard's misses. */
  readOnly?: boolean;
  message?: string;
}

const limiters = new WeakSet<object>();

/** Whether a route's hook is a limitAll preHandler (so the route may answer 429: server/http/error-responses.ts). */
export const isRateLimiter = (hook: unknown): boolean => typeof hook === 'function' && limiters.has(hook);

/**
 * A preHandler counting the request against every limit; the first one exceeded answers 429. `name`
 * keeps the books of each limitAll apart (the same name in every replica, so they count together).
 */
export function limitAll(
  counter: Counter,
  name: string,
  limits: readonly Limit[],
  message = 'Too many requests; please wait a minute and try again',
) {
  const limiter = async (request: FastifyRequest, reply: FastifyReply) => {
    const results = await counter.hitAll(
      limits.map((l, i) => ({
        key: l.readOnly ? l.keyGenerator(request) : `${name}#${i}\n${l.keyGenerator(request)}`,
        windowMs: l.windowMs,
        readOnly: l.readOnly,
      })),
    );
    const over = results.findIndex((r, i) => (limits[i]!.readOnly ? r.current >= limits[i]!.max : r.current > limits[i]!.max));
    if (over >= 0) {
      if (!limits[over]!.readOnly) reply.header('retry-after', String(Math.ceil(results[over]!.ttl / 1000)));
      throw new AppError(429, 'rate_limited', limits[over]!.message ?? message);
    }
  };
  limiters.add(limiter);
  return limiter;
}
