// The databases the bench runs against: scratch PostgreSQL databases (created and dropped here, so
// nothing else on the server is touched) and PGlite in a temporary data folder (as `npm start` uses it).
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { openDatabase, type Database } from '#server/db/client.ts';
import { tempDir } from './util.ts';

export type Kind = 'postgres' | 'pglite';

/** Plain SQL beside the app's drizzle handle: the "raw limit" side of each comparison. */
export interface RawSql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs `fn` in one transaction on one connection. */
  transaction(fn: (query: (text: string, params?: unknown[]) => Promise<unknown>) => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

export interface Target {
  kind: Kind;
  label: string;
  database: Database;
  raw: RawSql;
  cleanup(): Promise<void>;
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

export function scratchUrl(adminUrl: string, dbName: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  return url.toString();
}

/** Creates an empty database `name` on the server of `adminUrl`; returns its URL and a dropper. */
export async function createScratchDatabase(adminUrl: string, name: string) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)}`);
    await admin.query(`CREATE DATABASE ${quoteIdent(name)}`);
  } finally {
    await admin.end();
  }
  return {
    url: scratchUrl(adminUrl, name),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

function pgRaw(url: string, max: number): RawSql {
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on('error', () => {});
  return {
    query: async <T>(text: string, params?: unknown[]) => (await pool.query(text, params)).rows as T[],
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await fn((text, params) => client.query(text, params));
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

function pgliteRaw(client: PGlite): RawSql {
  return {
    query: async <T>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as T[],
    transaction: async (fn) => void (await client.transaction(async (tx) => fn((text, params) => tx.query(text, params)))),
    close: async () => {}, // the app's Database owns the client
  };
}

/** A migrated scratch PostgreSQL database, the app's handle on it (pool of 20) and a raw pool of 20. */
export async function openPostgresTarget(adminUrl: string, name: string): Promise<Target> {
  const scratch = await createScratchDatabase(adminUrl, name);
  const database = await openDatabase({ kind: 'postgres', url: scratch.url });
  const raw = pgRaw(scratch.url, 20);
  return {
    kind: 'postgres',
    label: 'PostgreSQL',
    database,
    raw,
    cleanup: async () => {
      await raw.close().catch(() => {});
      await database.close().catch(() => {});
      await scratch.drop();
    },
  };
}

/** A migrated PGlite in a fresh temporary data folder (removed on cleanup). */
export async function openPgliteTarget(prefix: string): Promise<Target> {
  const dir = tempDir(prefix);
  const database = await openDatabase({ kind: 'pglite', dataDir: dir.path });
  const client = (database as unknown as { pglite: PGlite }).pglite;
  return {
    kind: 'pglite',
    label: 'PGlite',
    database,
    raw: pgliteRaw(client),
    cleanup: async () => {
      await database.close().catch(() => {});
      dir.remove();
    },
  };
}
