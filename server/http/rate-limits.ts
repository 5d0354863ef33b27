// Several rate limits on one route, counted together. @fastify/rate-limit's app.rateLimit() handlers mark
// the request as limited once the first has run, so a second handler in the same preHandler list silently
// never counts (the survey's per-token limit did nothing); and each would be its own upsert on PostgreSQL.
// Here every limit of a route is counted in one call to the shared counter (one statement).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import type { Counter, Rider } from './shared-limits.ts';

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
const riderRowsOf = new WeakMap<FastifyRequest, Record<string, unknown>[]>();

/** Whether a route's hook is a limitAll preHandler (so the route may answer 429: server/http/error-responses.ts). */
export const isRateLimiter = (hook: unknown): boolean => typeof hook === 'function' && limiters.has(hook);

/**
 * The rows of the request's rider (limitAll's `rider`), read in the limits' own statement; undefined
 * where the counter could not carry it (PGlite's in-process books): the handler runs its query itself.
 */
export const riderRows = (request: FastifyRequest) => riderRowsOf.get(request);

/**
 * A preHandler counting the request against every limit; the first one exceeded answers 429. `name`
 * keeps the books of each limitAll apart (the same name in every replica, so they count together), so
 * two limitAll of the same name and limits count into the same books. A `rider` (a read-only query the
 * handler needs first) runs in the same statement as the counts, one round trip for both; its rows are
 * used only once no limit refused the request (riderRows).
 */
export function limitAll(
  counter: Counter,
  name: string,
  limits: readonly Limit[],
  message = 'Too many requests; please wait a minute and try again',
  rider?: (request: FastifyRequest) => Rider,
) {
  const limiter = async (request: FastifyRequest, reply: FastifyReply) => {
    const hits = limits.map((l, i) => ({
      key: l.readOnly ? l.keyGenerator(request) : `${name}#${i}\n${l.keyGenerator(request)}`,
      windowMs: l.windowMs,
      readOnly: l.readOnly,
    }));
    let results: { current: number; ttl: number }[];
    if (rider) {
      const both = await counter.hitAllWith(hits, rider(request));
      results = both.results;
      if (both.rows) riderRowsOf.set(request, both.rows);
    } else results = await counter.hitAll(hits);
    const over = results.findIndex((r, i) => (limits[i]!.readOnly ? r.current >= limits[i]!.max : r.current > limits[i]!.max));
    if (over >= 0) {
      if (!limits[over]!.readOnly) reply.header('retry-after', String(Math.ceil(results[over]!.ttl / 1000)));
      throw new AppError(429, 'rate_limited', limits[over]!.message ?? message);
    }
  };
  limiters.add(limiter);
  return limiter;
}
