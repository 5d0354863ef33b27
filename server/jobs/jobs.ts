// Every piece of background work, in one list: the app starts them once (buildApp), whatever route
// file the work belongs to. Request deadlines and overdue flags need no job: they are computed from
// the stored dates on each read (shared/requests), so there is nothing to flip on a timer.
import { sweepLoginFailures } from '../auth/login-failures.ts';
import type { Db } from '../db/client.ts';
import { sweepRateLimits } from '../http/shared-limits.ts';
import type { ReleasePolicy } from '../requests/requests.service.ts';
import { ballotMoverTick } from '../survey/ballot-mover.ts';
import { leaseFor, type Job } from './runner.ts';
import { OUTBOX_EVERY_MS, type Outbound } from '../outbound/outbound.ts';

export interface JobSettings {
  /** The ballot box's interval (ms); 0 leaves the job unscheduled (tests run its tick themselves). */
  ballotMoveEveryMs: number;
  /** The city's clock and the first-reply target for requests the ballot box releases. */
  release: ReleasePolicy;
  /** The outbox: its interval (ms; 0 leaves it unscheduled) and the gateways it sends through. */
  outbox?: { everyMs?: number; outbound: Outbound };
}

export function appJobs(settings: JobSettings): Job[] {
  const jobs: Job[] = [];
  const ballotEvery = settings.ballotMoveEveryMs;
  // Moves answers out of the box, closes and seals rounds past their deadline, reports invitation states
  // and releases held requests in batches, vacuums after a close. Looks back to the previous run for closes
  // an admin made in between (they release held requests too).
  if (ballotEvery > 0) {
    jobs.push({
      name: 'ballot-box',
      everyMs: ballotEvery,
      run: (db: Db, now: Date, previousRunAt) => ballotMoverTick(db, now, settings.release, previousRunAt ?? undefined),
    });
  }
  // Counters whose window has ended and login failures an hour old: the limits tables stay small.
  jobs.push({
    name: 'limits-sweep',
    everyMs: LIMITS_SWEEP_EVERY_MS,
    run: async (db: Db, now: Date) => {
      await sweepRateLimits(db, now);
      await sweepLoginFailures(db, now);
    },
  });
  // Plans the rounds' invitations and reminders for today and sends what is due, one leased message at a time.
  const outboxEvery = settings.outbox?.everyMs ?? OUTBOX_EVERY_MS;
  if (settings.outbox && outboxEvery > 0) {
    const { outbound } = settings.outbox;
    // Its batch stops well inside the job's lease (runner.ts leaseFor), so no other process takes the job mid-batch.
    jobs.push({ name: 'outbox', everyMs: outboxEvery, run: (_db: Db, now: Date) => outbound.tick(now, leaseFor(outboxEvery) / 2) });
  }
  return jobs;
}

export const LIMITS_SWEEP_EVERY_MS = 60_000;
