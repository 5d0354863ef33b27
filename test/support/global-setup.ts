// Migrate once, then every test file gets its own copy: PGlite from a dumped data dir,
// PostgreSQL from CREATE DATABASE … TEMPLATE (style.md, habit 12).
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase, type Database } from '#server/db/client.ts';

declare module 'vitest' {
  interface ProvidedContext {
    pgliteTemplate: string;
    pgTemplate: string | null;
  }
}

export const TEMPLATE_DB = `pingyi_template_${process.pid}`;

export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${TEMPLATE_DB}`);
    await admin.query(`create database ${TEMPLATE_DB}`);
    await admin.end();
    const templateUrl = withDatabase(url, TEMPLATE_DB);
    const db = await openDatabase({ kind: 'postgres', url: templateUrl });
    await db.close();
    project.provide('pgTemplate', TEMPLATE_DB);
    project.provide('pgliteTemplate', '');
    return async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        await c.query(`drop database if exists ${TEMPLATE_DB}`);
        // Every file closes the databases it made (the close drops them): one left behind is a file that
        // never closed it, and CI's PostgreSQL would keep it run after run.
        const { rows } = await c.query<{ datname: string }>('select datname from pg_database where starts_with(datname, $1)', [
          testDatabasePrefix(TEMPLATE_DB),
        ]);
        for (const { datname } of rows) await c.query(`drop database if exists ${datname} with (force)`);
        if (rows.length) {
          // Vitest prints an error thrown here and still exits 0: the exit code says it.
          process.exitCode = 1;
          throw new Error(`${rows.length} test database(s) were never closed by their test files (now dropped)`);
        }
      } finally {
        await c.end();
      }
    };
  }
  const file = await writePgliteTemplate(await openDatabase({ kind: 'pglite' }), 'template');
  project.provide('pgliteTemplate', file);
  project.provide('pgTemplate', null);
  return () => rm(file, { force: true });
}

type PgliteHandle = { pglite: { exec(sql: string): Promise<unknown>; dumpDataDir(c: 'none'): Promise<Blob> } };

/**
 * Closes a PGlite database into a template file, compacted first: every test file loads its own copy, and
 * what it loads is what the template holds. Rows left dead by the set-up go (VACUUM FULL), and so does
 * the write-ahead log beyond one segment (no recycling, the smallest reserve, then a checkpoint): the demo's
 * copy is half the size (57 MB, not 120) and opens in 0.4 s instead of 1.1.
 */
export async function writePgliteTemplate(database: Database, name: string): Promise<string> {
  const { pglite } = database as unknown as PgliteHandle;
  // One statement each: ALTER SYSTEM and VACUUM refuse to run inside a transaction block.
  for (const statement of [
    'set wal_recycle = off',
    "alter system set min_wal_size = '32MB'",
    'select pg_reload_conf()',
    'vacuum full',
    'analyze',
    'checkpoint',
  ])
    await pglite.exec(statement);
  const dump = await pglite.dumpDataDir('none');
  await database.close();
  const file = join(tmpdir(), `pingyi-${name}-${process.pid}.tar`);
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  return file;
}

/** The names of the databases made from a template for test files (freshDatabase): one prefix per run. */
export const testDatabasePrefix = (template: string) => `${template.replace('_template_', '_t_')}_`;

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
