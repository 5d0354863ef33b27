// Token guessing: unknown links count against the caller's address; past the limit it gets 429s.
// Counted in the database (shared-limits.ts), so every replica sees the same count.
import type { FastifyRequest } from 'fastify';
import type { Limit } from '../http/rate-limits.ts';
import type { Counter } from '../http/shared-limits.ts';

export function makeTokenGuard(counter: Counter, limit = 20, windowMs = 60_000) {
  const key = (request: FastifyRequest) => `token-miss:${request.ip}`;
  return {
    /** Checked with the route's other limits (limitAll), in the same statement. */
    limit: {
      max: limit,
      windowMs,
      keyGenerator: key,
      readOnly: true,
      message: 'Too many invalid links from this address; please wait a minute and try again',
    } satisfies Limit,
    async miss(request: FastifyRequest) {
      await counter.hit(key(request), windowMs);
    },
  };
}
