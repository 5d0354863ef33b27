// The limits' books commit without waiting for the disk, and only they do (PostgreSQL only: PGlite counts
// in the process). A count sets synchronous_commit off for its own transaction; were the setting to
// outlive it, the connection's next submission would be acknowledged before it is on disk.
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { Db } from '#server/db/client.ts';
import { dbCounter, keyHasher } from '#server/http/shared-limits.ts';
import { freshDatabase } from '../support/database.ts';

const database = await freshDatabase();
if (!database.url) throw new Error('the limits commit test needs DATABASE_URL (PostgreSQL)');
// One connection, so the transaction after a count runs on the connection the count ran on.
const pool = new pg.Pool({ connectionString: database.url, max: 1 });
const db = drizzle(pool) as unknown as Db;
afterAll(async () => {
  await pool.end();
  await database.close();
});
const hash = keyHasher('test-secret');
const setting = async (db: Db) =>
  ((await db.execute(sql`select current_setting('synchronous_commit') as s`)) as unknown as { rows: { s: string }[] }).rows[0]!.s;

describe("the limits' commit", () => {
  it.each([
    ['a count', (db: Db) => dbCounter(db, hash).hit('address 1', 60_000)],
    [
      'counts with a read',
      (db: Db) =>
        dbCounter(db, hash).hitAll([
          { key: 'address 2', windowMs: 60_000 },
          { key: 'guard', windowMs: 60_000, readOnly: true },
        ]),
    ],
    [
      'counts with a rider',
      (db: Db) =>
        dbCounter(db, hash).hitAllWith([{ key: 'address 3', windowMs: 60_000 }], { name: 'one', query: sql`select 1 as one`, values: {} }),
    ],
  ])("%s: off in its transaction, the server's setting again after it on the same connection", async (_, count) => {
    const server = await setting(db);
    expect(server).not.toBe('off');
    const inside = await db.transaction(async (tx) => {
      await count(tx as unknown as Db);
      return setting(tx as unknown as Db);
    });
    expect(inside).toBe('off');
    await count(db);
    expect(await setting(db)).toBe(server);
    expect(await db.transaction((tx) => setting(tx as unknown as Db))).toBe(server);
  });

  it('each count still counts', async () => {
    const counter = dbCounter(db, hash);
    for (let i = 1; i <= 3; i++) expect((await counter.hit('address 4', 60_000)).current).toBe(i);
    expect((await counter.read('address 4')).current).toBe(3);
  });
});
