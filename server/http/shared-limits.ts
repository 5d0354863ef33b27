// Limits shared by every replica: on PostgreSQL request counters live in the database (rate_limits), so
// N processes behind a balancer allow what one would, and a restart forgets nothing; on the embedded
// PGlite, which one process owns, they live in that process (processCounter). Keys are stored as an HMAC
// under the app's secret: a dump names no address, survey token or username. Expired rows are swept
// by the limits job (server/jobs). One upsert per count, atomic under concurrent replicas.
import { createHmac } from 'node:crypto';
import { lt, sql, type SQL } from 'drizzle-orm';
import type { FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { preparedStatement, type Database, type Db, type PreparedStatement } from '../db/client.ts';
import { rateLimits } from '../db/schema.ts';

export type KeyHasher = (key: string) => string;
/**
 * The same keys come back request after request (an address, a survey link's token): each HMAC is kept
 * in process for a while instead of being made again on every request (the books are forgotten whole
 * once they hold `remember` keys, so a flood of new keys cannot grow them).
 */
export function keyHasher(secret: string, remember = 10_000): KeyHasher {
  const known = new Map<string, string>();
  return (key) => {
    let hashed = known.get(key);
    if (hashed === undefined) {
      hashed = createHmac('sha256', secret).update(`limits\n${key}`).digest('base64url');
      if (known.size >= remember) known.clear();
      known.set(key, hashed);
    }
    return hashed;
  };
}

/**
 * A read-only query carried by a count, in its statement (one round trip for both): its SQL, whose
 * placeholders are none of the count's (now, k…, e…, r…), a name for the statement, and the values.
 */
export interface Rider {
  name: string;
  query: SQL;
  values: Record<string, unknown>;
}

export interface Counter {
  /** Counts one hit against `key`; the window starts at the first hit. */
  hit(key: string, windowMs: number): Promise<{ current: number; ttl: number }>;
  /**
   * Counts one hit against each key at once, and reads the `readOnly` ones without counting (one statement
   * on PostgreSQL); the results in the same order.
   */
  hitAll(hits: readonly { key: string; windowMs: number; readOnly?: boolean }[]): Promise<{ current: number; ttl: number }[]>;
  /**
   * hitAll, with the rider's rows from the same statement; rows null where the counter holds its books
   * apart from the database (processCounter), and the caller runs the query itself.
   */
  hitAllWith(
    hits: readonly { key: string; windowMs: number; readOnly?: boolean }[],
    rider: Rider,
  ): Promise<{ results: { current: number; ttl: number }[]; rows: Record<string, unknown>[] | null }>;
  /** The key's hits in its current window, counting none. */
  read(key: string): Promise<{ current: number; ttl: number }>;
}

const ts = (ms: number) => sql`${new Date(ms).toISOString()}::timestamptz`;
const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
const p = (name: string) => sql.placeholder(name);

type HitRow = { key: string; hits: number; expires_ms: string | number };

/**
 * The statement counting `counted` keys and reading `read` ones, built once per shape (a survey request:
 * two counted, one read) and run as a named prepared statement: no query builder per request.
 * Values: now, k0…, e0… (each counted key and the end of the window it would start), r0….
 * With a rider, its rows come back with the counts as one json column (limits_) on each of them, or on
 * one row of nulls if it found none (rider_row_ tells its rows apart).
 *
 * A count commits without waiting for the disk (synchronous_commit off, for its own transaction only):
 * waiting made every survey request wait for a WAL flush twice (its count, then its answer), and those
 * from one address, which update one row, wait behind each other's flushes with that row locked (the
 * bench's submissions went from about 800/s to 1,050/s). A crash can forget the last fraction of a second
 * of counts; they are the limits' books, never an answer or an audit entry, which still commit as before.
 */
function hitStatement(counted: number, read: number, rider?: Rider): PreparedStatement<HitRow & Record<string, unknown>> {
  const now = sql`${p('now')}::timestamptz`;
  const upsert = counted
    ? sql`
        insert into rate_limits as r (key, hits, expires_at) values ${sql.join(
          Array.from({ length: counted }, (_, i) => sql`(${p(`k${i}`)}, 1, ${p(`e${i}`)}::timestamptz)`),
          sql`, `,
        )}
        on conflict (key) do update set
          hits = case when r.expires_at <= ${now} then 1 else r.hits + 1 end,
          expires_at = case when r.expires_at <= ${now} then excluded.expires_at else r.expires_at end
        returning key, hits, (extract(epoch from expires_at) * 1000)::bigint as expires_ms`
    : null;
  const lookup = read
    ? sql`
        select key, hits, (extract(epoch from expires_at) * 1000)::bigint as expires_ms from rate_limits
        where key in (${sql.join(
          Array.from({ length: read }, (_, i) => p(`r${i}`)),
          sql`, `,
        )}) and expires_at > ${now}`
    : null;
  const name = `rate_limits_hit_${counted}_${read}`;
  // The counted rows are never none (each key is inserted or updated), so the join runs set_config.
  const countedRows = sql`select counted.* from counted, (select set_config('synchronous_commit', 'off', true)) async_`;
  if (!rider) {
    const query = upsert ? sql`with counted as (${upsert}) ${countedRows}${lookup ? sql` union all ${lookup}` : sql``}` : lookup!;
    return preparedStatement(name, query);
  }
  // A data-modifying WITH must be at the top: the counts, then the rider beside them.
  const hits = [upsert ? countedRows : null, lookup].filter((x) => x !== null);
  const counts = hits.length
    ? sql`select coalesce(json_agg(json_build_array(h.key, h.hits, h.expires_ms)), '[]'::json) as limits_ from (${sql.join(hits, sql` union all `)}) h`
    : sql`select '[]'::json as limits_`;
  return preparedStatement(
    `${name}_${rider.name}`,
    sql`${upsert ? sql`with counted as (${upsert}) ` : sql``}
      select c.limits_, q.* from (${counts}) c left join (select true as rider_row_, x.* from (${rider.query}) x) q on true`,
  );
}

export function dbCounter(db: Db, hash: KeyHasher, now: () => number = Date.now): Counter {
  const statements = new Map<string, PreparedStatement<HitRow & Record<string, unknown>>>();
  const statementFor = (counted: number, read: number, rider?: Rider) => {
    const shape = `${counted}_${read}_${rider?.name ?? ''}`;
    let statement = statements.get(shape);
    if (!statement) statements.set(shape, (statement = hitStatement(counted, read, rider)));
    return statement;
  };
  // A survey request counts against two limits and reads the link guard's: one statement (one round
  // trip, one commit) for all three, not one each; its link lookup may ride along (hitAllWith).
  const run = async (hits: Parameters<Counter['hitAll']>[0], rider?: Rider) => {
    const t = now();
    const keys = hits.map((h) => hash(h.key));
    // In key order, so two requests sharing two keys lock them in the same order (no deadlock).
    const counted = keys
      .map((k, i) => ({ k, h: hits[i]! }))
      .filter((x) => !x.h.readOnly)
      .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
    const read = keys.filter((_, i) => hits[i]!.readOnly);
    const values: Record<string, unknown> = { ...rider?.values, now: new Date(t).toISOString() };
    counted.forEach((x, i) => {
      values[`k${i}`] = x.k;
      values[`e${i}`] = new Date(t + x.h.windowMs).toISOString();
    });
    read.forEach((k, i) => {
      values[`r${i}`] = k;
    });
    const rows = await statementFor(counted.length, read.length, rider).run(db, values);
    const counts: HitRow[] = rider
      ? ((rows[0]?.limits_ ?? []) as [string, number, number][]).map(([key, hits, expires_ms]) => ({ key, hits, expires_ms }))
      : rows;
    const byKey = new Map(counts.map((row) => [row.key, { current: Number(row.hits), ttl: Math.max(0, Number(row.expires_ms) - t) }]));
    return { results: keys.map((k) => byKey.get(k) ?? { current: 0, ttl: 0 }), rows: rider ? rows.filter((r) => r.rider_row_) : null };
  };
  const counter: Counter = {
    async hit(key, windowMs) {
      return (await counter.hitAll([{ key, windowMs }]))[0]!;
    },
    async hitAll(hits) {
      return (await run(hits)).results;
    },
    hitAllWith: run,
    async read(key) {
      const t = now();
      const [row] = rowsOf<{ hits: number; expires_ms: string | number }>(
        await db.execute(sql`
        select hits, (extract(epoch from expires_at) * 1000)::bigint as expires_ms from rate_limits
        where key = ${hash(key)} and expires_at > ${ts(t)}`),
      );
      return row ? { current: Number(row.hits), ttl: Math.max(0, Number(row.expires_ms) - t) } : { current: 0, ttl: 0 };
    },
  };
  return counter;
}

/**
 * The counter for an embedded PGlite database, which one process owns by design (no replica can share
 * its data folder): counting in memory spares its single connection three statements per survey request.
 * Kept per database object, so every app instance on that database counts into the same books.
 */
const inProcess = new WeakMap<object, Counter>();
export function processCounter(owner: object, now: () => number = Date.now): Counter {
  const existing = inProcess.get(owner);
  if (existing) return existing;
  const books = new Map<string, { hits: number; expiresMs: number }>();
  const live = (key: string, t: number) => {
    const entry = books.get(key);
    return entry && entry.expiresMs > t ? entry : undefined;
  };
  const counter: Counter = {
    async hit(key, windowMs) {
      const t = now();
      // Expired windows go when the books grow, so a flood of addresses cannot keep them forever.
      if (books.size >= 10_000) for (const [k, v] of books) if (v.expiresMs <= t) books.delete(k);
      const entry = live(key, t) ?? { hits: 0, expiresMs: t + windowMs };
      entry.hits++;
      books.set(key, entry);
      return { current: entry.hits, ttl: entry.expiresMs - t };
    },
    async hitAll(hits) {
      const out = [];
      for (const h of hits) out.push(await (h.readOnly ? counter.read(h.key) : counter.hit(h.key, h.windowMs)));
      return out;
    },
    // No statement to carry the rider: the caller runs its query.
    hitAllWith: async (hits) => ({ results: await counter.hitAll(hits), rows: null }),
    async read(key) {
      const t = now();
      const entry = live(key, t);
      return entry ? { current: entry.hits, ttl: entry.expiresMs - t } : { current: 0, ttl: 0 };
    },
  };
  inProcess.set(owner, counter);
  return counter;
}

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/**
 * @fastify/rate-limit's store over the counter. Like its memory store, every limit counts apart: a
 * route's own limit under the route's name, each createRateLimit (limitAll) under its place in the
 * registration order, which is the same in every replica.
 */
export function counterRateLimitStore(counter: Counter): FastifyRateLimitStoreCtor {
  // Not declared as FastifyRateLimitStore: its typing of child() omits the routeInfo the plugin passes.
  class CounterStore {
    private children = 0;
    readonly prefix: string;
    constructor(prefix = '') {
      this.prefix = prefix;
    }
    incr(key: string, callback: Callback, timeWindow: number) {
      counter.hit(`${this.prefix}${key}`, timeWindow).then(
        (r) => callback(null, r),
        (err: Error) => callback(err),
      );
    }
    read(key: string, callback: Callback) {
      counter.read(`${this.prefix}${key}`).then(
        (r) => callback(null, r),
        (err: Error) => callback(err),
      );
    }
    child(params: { routeInfo?: { method?: string | string[]; url?: string } }) {
      const route = params.routeInfo?.url ? `${String(params.routeInfo.method)} ${params.routeInfo.url}` : `limit#${++this.children}`;
      return new CounterStore(`${route}\n`);
    }
  }
  return CounterStore as unknown as FastifyRateLimitStoreCtor;
}

/** Drops the counters whose window has ended. */
export async function sweepRateLimits(db: Db, now: Date) {
  await db.delete(rateLimits).where(lt(rateLimits.expiresAt, now));
}

/** The app's counter: in the database on PostgreSQL (shared by replicas), in the process on PGlite. */
export function counterFor(database: Database, hash: KeyHasher): Counter {
  return database.kind === 'postgres' ? dbCounter(database.db, hash) : processCounter(database.db);
}
