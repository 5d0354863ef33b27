// Upgrading to the security administrator (migration 0016): accounts whose holders chose their own
// password keep deciding, counted from their last own change (audit log) or their creation; an account
// with a pending one-time password (a reset nobody has replaced yet) waits; the database keeps it so.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { appendAudit } from '#server/audit/audit.writer.ts';
import { MIGRATIONS_DIR, migrateDatabase, openDatabase, type Database } from '#server/db/client.ts';
import { withDatabase } from '../support/global-setup.ts';

const MINE = 16;

/** The migrations as they were before this one. */
function migrationsBefore(idx: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'pingyi-migrations-'));
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as {
    entries: { idx: number; tag: string }[];
  };
  const kept = journal.entries.filter((e) => e.idx < idx);
  cpSync(join(MIGRATIONS_DIR, 'meta'), join(dir, 'meta'), { recursive: true });
  writeFileSync(join(dir, 'meta/_journal.json'), JSON.stringify({ ...journal, entries: kept }));
  for (const f of readdirSync(MIGRATIONS_DIR).filter((f) => kept.some((e) => `${e.tag}.sql` === f)))
    cpSync(join(MIGRATIONS_DIR, f), join(dir, f));
  return dir;
}

async function emptyDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (!url) return openDatabase({ kind: 'pglite' }, { migrate: false });
  const name = `pingyi_upgrade_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const database = await openDatabase({ kind: 'postgres', url: withDatabase(url, name) }, { migrate: false });
  return {
    ...database,
    close: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        await c.query(`drop database if exists ${name} with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}

const database = await emptyDatabase();
afterAll(() => database.close());

describe('upgrading accounts to own_password_since', () => {
  it('keeps accounts deciding from their own last change or creation, and a pending reset waiting', async () => {
    const folder = migrationsBefore(MINE);
    try {
      if (database.kind === 'postgres') await migratePg(database.db as never, { migrationsFolder: folder });
      else await migratePglite(database.db as never, { migrationsFolder: folder });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    const { db } = database;
    const rows = async <T>(query: ReturnType<typeof sql>) => ((await db.execute(query)) as unknown as { rows: T[] }).rows;
    const inserted = await rows<{ id: number; username: string }>(sql`
      insert into users (username, display_name, password_hash, role, must_change_password, created_at) values
        ('alice', 'Alice', 'x', 'admin', false, '2026-01-01T00:00:00Z'),
        ('bob', 'Bob', 'x', 'org', false, '2026-01-01T00:00:00Z'),
        ('carol', 'Carol', 'x', 'org', true, '2026-01-01T00:00:00Z')
      returning id, username`);
    const id = Object.fromEntries(inserted.map((r) => [r.username, r.id]));
    await db.transaction((tx) =>
      appendAudit(
        tx,
        { id: id.bob!, name: 'bob' },
        { action: 'auth.password_change', entityType: 'user', entityId: id.bob!, summary: { username: 'bob' } },
        new Date('2026-02-10T00:00:00Z'),
      ),
    );

    await migrateDatabase(database);
    const after = await rows<{ username: string; own: Date | string | null }>(
      sql`select username, own_password_since as own from users order by username`,
    );
    const own = Object.fromEntries(after.map((r) => [r.username, r.own === null ? null : new Date(r.own).toISOString()]));
    expect(own).toEqual({ alice: '2026-01-01T00:00:00.000Z', bob: '2026-02-10T00:00:00.000Z', carol: null });
    // A one-time password is never the holder's own: the database refuses the contradiction.
    await expect(db.execute(sql`update users set own_password_since = now() where username = 'carol'`)).rejects.toThrow();
    // The new role exists.
    await db.execute(sql`insert into users (username, display_name, password_hash, role) values ('sec', 'Sec', 'x', 'security')`);
  });
});
