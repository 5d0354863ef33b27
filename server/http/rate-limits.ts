// Several rate limits on one route. @fastify/rate-limit's app.rateLimit() handlers mark the request as
// limited once the first has run, so a second handler in the same preHandler list silently never counts
// (the survey's per-token limit did nothing). Each limit here is checked through createRateLimit instead.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CreateRateLimitOptions } from '@fastify/rate-limit';
import { AppError } from '../errors.ts';

export interface Limit {
  max: number;
  timeWindow: string | number;
  keyGenerator: (request: FastifyRequest) => string;
}

/** A preHandler counting the request against every limit; the first one exceeded answers 429. */
export function limitAll(app: FastifyInstance, limits: readonly Limit[], message = 'Too many requests; please wait a minute and try again') {
  const checks = limits.map((l) => app.createRateLimit(l as CreateRateLimitOptions));
  return async (request: FastifyRequest, reply: FastifyReply) => {
    for (const check of checks) {
      const result = await check(request);
      if (!result.isAllowed && result.isExceeded) {
        reply.header('retry-after', String(result.ttlInSeconds));
        throw new AppError(429, 'rate_limited', message);
      }
    }
  };
}
