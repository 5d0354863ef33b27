// The survey's limits, per address and per link, with the token guard's misses: built once per app, used by
// its routes and by the benchmark that measures the route's own work without HTTP (bench/submit.ts).
import type { FastifyRequest } from 'fastify';
import { limitAll } from '../http/rate-limits.ts';
import type { Counter } from '../http/shared-limits.ts';
import { findRider } from './survey.queries.ts';
import { makeTokenGuard } from './token-guard.ts';

const PER_TOKEN = { max: 60, windowMs: 60_000 };

export function surveyLimits(counter: Counter, perAddressMax: number) {
  const guard = makeTokenGuard(counter);
  const perAddress = { max: perAddressMax, windowMs: 60_000, keyGenerator: (r: { ip: string }) => `ip:${r.ip}` };
  // Unknown links count against the caller, so guessing tokens is slow and pointless: an address past the
  // guard's limit is refused with the other limits, before any lookup's answer.
  const limits = [
    perAddress,
    { ...PER_TOKEN, keyGenerator: (r: FastifyRequest) => `token:${(r.params as { token?: string }).token}` },
    guard.limit,
  ];
  return {
    guard,
    perAddress,
    limits: limitAll(counter, 'survey', limits),
    // The same books; the link lookup of a submission or an "opened" runs in the limits' statement (one round trip fewer).
    limitsAndLink: limitAll(counter, 'survey', limits, undefined, (r) => findRider((r.params as { token: string }).token)),
  };
}
