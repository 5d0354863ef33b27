import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '#server/db/client.ts';
import { testDatabasePrefix, withDatabase } from './global-setup.ts';

/** A fresh, migrated database of its own: PGlite by default, PostgreSQL when DATABASE_URL is set. */
export async function freshDatabase(): Promise<Database & { url?: string }> {
  const pgTemplate = inject('pgTemplate');
  const url = process.env.DATABASE_URL;
  if (pgTemplate && url) {
    const name = `${testDatabasePrefix(pgTemplate)}${randomBytes(6).toString('hex')}`;
    await adminQuery(url, `create database ${name} template ${pgTemplate}`);
    const dbUrl = withDatabase(url, name);
    const database = await openDatabase({ kind: 'postgres', url: dbUrl }, { migrate: false });
    return {
      ...database,
      url: dbUrl,
      close: async () => {
        await database.close();
        await adminQuery(url, `drop database if exists ${name} with (force)`);
      },
    };
  }
  const tar = await readFile(inject('pgliteTemplate'));
  return openDatabase({ kind: 'pglite', loadDataDir: new Blob([tar]) }, { migrate: false });
}

async function adminQuery(url: string, text: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}
