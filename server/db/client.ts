// One factory, two drivers: embedded PGlite (a data folder) or PostgreSQL (DATABASE_URL).
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { is, Param, Placeholder, SQL, sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { PgDialect, type PgDatabase, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction or the database itself: query functions accept either (services own transactions). */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  ping(): Promise<void>;
  close(): Promise<void>;
}

const dialect = new PgDialect();

export interface PreparedStatement<Row> {
  run(tx: Tx, values: Record<string, unknown>): Promise<Row[]>;
}

/**
 * A named prepared statement for the survey's hot path: PostgreSQL parses and plans it once per
 * connection instead of on every call, and the SQL text is built once here. Values go in through
 * `sql.placeholder(name)`. PGlite runs it as an ordinary query.
 */
export function preparedStatement<Row>(name: string, query: SQL): PreparedStatement<Row> {
  const built = dialect.sqlToQuery(query);
  // Each parameter: a placeholder's name, or a value fixed in the statement.
  const slots = built.params.map((p) => (is(p, Placeholder) ? { name: p.name } : is(p, Param) || is(p, SQL) ? null : { value: p }));
  const direct = slots.every((x) => x !== null);
  const config = { name, text: built.sql, types: PG_TYPES };
  return {
    run: async (tx, values) => {
      const client = (tx._.session as unknown as { client: unknown }).client;
      // On PostgreSQL straight to the pool or the transaction's connection: drizzle's prepared query (a new
      // object, spans, its own parsers) would run on every call of the hottest statements for nothing.
      if (direct && (client instanceof pg.Pool || client instanceof pg.Client)) {
        const params = slots.map((x) => {
          if ('value' in x!) return x.value;
          if (!(x!.name in values)) throw new Error(`No value for placeholder "${x!.name}" of ${name}`);
          return values[x!.name];
        });
        return (await client.query<Row & pg.QueryResultRow>({ ...config, values: params })).rows;
      }
      const result = await tx._.session.prepareQuery(built, undefined, name, false).execute(values);
      // Both drivers answer with { rows }.
      return (result as { rows: Row[] }).rows;
    },
  };
}

// Dates, times and intervals as the text PostgreSQL sends, as drizzle's node-postgres session reads them.
const AS_TEXT = new Set([
  pg.types.builtins.TIMESTAMPTZ,
  pg.types.builtins.TIMESTAMP,
  pg.types.builtins.DATE,
  pg.types.builtins.INTERVAL,
  1231,
  1115,
  1185,
  1187,
  1182,
]);
const asText = (v: string) => v;
const PG_TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    AS_TEXT.has(oid) ? asText : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations', import.meta.url));

export type DatabaseTarget = { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir?: string; loadDataDir?: Blob | File };

/** Opens the database and applies pending migrations. */
export async function openDatabase(target: DatabaseTarget, opts: { migrate?: boolean } = {}): Promise<Database> {
  const database = target.kind === 'postgres' ? openPostgres(target.url) : await openPglite(target);
  if (opts.migrate !== false) await migrateDatabase(database);
  return database;
}

/** Any fixed number: the advisory lock replicas take so that one at a time migrates a shared database. */
const MIGRATION_LOCK = 20_261_124;

export async function migrateDatabase(database: Database): Promise<void> {
  // Both migrators take the same options; the cast only bridges the two driver types.
  if (database.kind === 'postgres') {
    // Replicas starting together on a new database would each run the same CREATE TABLEs: the first
    // migrates, the others wait on the lock and then find nothing left to do.
    const pool = (database as unknown as { pool: pg.Pool }).pool;
    const lock = await pool.connect();
    try {
      await lock.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
      await migratePg(database.db as never, { migrationsFolder: MIGRATIONS_DIR });
    } finally {
      await lock.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
      lock.release();
    }
  } else await migratePglite(database.db as never, { migrationsFolder: MIGRATIONS_DIR });
}

function openPostgres(url: string): Database {
  const pool = new pg.Pool({ connectionString: url, max: 20, connectionTimeoutMillis: 5_000 });
  // A client losing its server must not crash the process (an 'error' event with no listener throws):
  // idle clients report to the pool, checked-out ones to this listener; the failing query reports it too.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    ping: async () => void (await db.execute(sql`select 1`)),
    // pool.end() can wait forever on a client whose socket died with the server: bound it.
    close: () => Promise.race([pool.end(), new Promise<void>((r) => setTimeout(r, 5_000).unref())]),
    // For the migration lock (migrateDatabase); not part of the app's surface.
    ...({ pool } as object),
  };
}

/**
 * PGlite's two WebAssembly programs, compiled once per process and held for its life: every database opened
 * in it runs on the same compiled code (the test suite opens hundreds in one process), and that code is
 * never freed. Freeing WebAssembly code amid such churn can abort Node 24 (V8's check
 * "jit_page_->allocations_.erase(addr) == 1", nodejs/node#64500); the suite's workers also run with
 * --no-wasm-code-gc (vitest.config.ts), so nothing of it is freed while they live.
 */
let compiled: Promise<{ pgliteWasmModule: WebAssembly.Module; initdbWasmModule: WebAssembly.Module }> | undefined;
// The server's type library has WebAssembly's types but not its global (that is in the DOM's).
const wasm = (globalThis as unknown as { WebAssembly: { compile(bytes: Uint8Array): Promise<WebAssembly.Module> } }).WebAssembly;
const compile = (name: string) =>
  readFile(join(dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite')), name)).then((bytes) => wasm.compile(bytes));
const pglitePrograms = () =>
  (compiled ??= Promise.all([compile('pglite.wasm'), compile('initdb.wasm')]).then(([pgliteWasmModule, initdbWasmModule]) => ({
    pgliteWasmModule,
    initdbWasmModule,
  })));

async function openPglite(target: { dataDir?: string; loadDataDir?: Blob | File }): Promise<Database> {
  if (target.dataDir) mkdirSync(target.dataDir, { recursive: true });
  const client = await PGlite.create({
    ...(await pglitePrograms()),
    ...(target.dataDir ? { dataDir: target.dataDir } : {}),
    ...(target.loadDataDir ? { loadDataDir: target.loadDataDir } : {}),
  });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    ping: async () => void (await db.execute(sql`select 1`)),
    close: () => client.close(),
    // Exposed for the test template (dumpDataDir); not part of the app's surface.
    ...({ pglite: client } as object),
  };
}
