// Which round the dashboard shows, and how long an open round has left.
import type { RoundStatus } from '../schemas/rounds.ts';

type Summary = { id: string; status: RoundStatus };

/** Rounds that have something to show (a sample at least), newest first. */
export function selectableRounds<R extends Summary>(rounds: readonly R[]): R[] {
  const shown: RoundStatus[] = ['drawn', 'open', 'closed', 'published'];
  return rounds.filter((r) => shown.includes(r.status)).sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

/** The latest published round; without one, the latest open or closed round; else null. */
export function defaultRoundId(rounds: readonly Summary[]): string | null {
  const newest = selectableRounds(rounds);
  return newest.find((r) => r.status === 'published')?.id ?? newest.find((r) => r.status === 'open' || r.status === 'closed')?.id ?? null;
}

/** Published rounds up to and including `id`, oldest first, at most the last `limit`. */
export function publishedUpTo(rounds: readonly Summary[], id: string, limit = 8): string[] {
  const ids = rounds
    .filter((r) => r.status === 'published' && r.id <= id)
    .map((r) => r.id)
    .sort();
  return ids.slice(Math.max(0, ids.length - limit));
}

export type Countdown = { past: boolean; days: number; hours: number; minutes: number };

/** Whole days, hours and minutes left until the deadline (rounded down); past once it is reached. */
export function countdown(closesAt: string | Date, now: Date): Countdown {
  const ms = new Date(closesAt).getTime() - now.getTime();
  if (!(ms > 0)) return { past: true, days: 0, hours: 0, minutes: 0 };
  const minutes = Math.floor(ms / 60_000);
  return { past: false, days: Math.floor(minutes / 1440), hours: Math.floor((minutes % 1440) / 60), minutes: minutes % 60 };
}

/** Groups (townships, industries) with the lowest response rate first, where follow-up helps most; ties by size, larger first. */
export function followUpOrder<G extends { key: string; invited: number; responseRate: number }>(groups: readonly G[]): G[] {
  return [...groups].sort(
    (a, b) => a.responseRate - b.responseRate || b.invited - a.invited || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}
