// Token guessing: unknown links count against the caller's address; past the limit it gets 429s.
// In memory and per process: enough to make guessing 128-bit tokens pointless.
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';

export function makeTokenGuard(limit = 20, windowMs = 60_000) {
  const misses = new Map<string, { count: number; resetAt: number }>();
  return {
    check(request: FastifyRequest) {
      const entry = misses.get(request.ip);
      if (entry && entry.resetAt > Date.now() && entry.count >= limit) {
        throw new AppError(429, 'rate_limited', 'Too many invalid links from this address; please wait a minute and try again');
      }
    },
    miss(request: FastifyRequest) {
      const now = Date.now();
      if (misses.size > 10_000) for (const [k, v] of misses) if (v.resetAt <= now) misses.delete(k);
      const entry = misses.get(request.ip);
      if (!entry || entry.resetAt <= now) misses.set(request.ip, { count: 1, resetAt: now + windowMs });
      else entry.count++;
    },
  };
}
