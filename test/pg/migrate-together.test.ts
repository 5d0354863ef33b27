// Replicas starting together on a new PostgreSQL database: one migrates, the others wait for it, and
// all come up (without the migration lock the second would fail on "relation already exists").
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '#server/db/client.ts';
import { withDatabase } from '../support/global-setup.ts';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('this test needs DATABASE_URL (PostgreSQL)');
const admin = async (text: string) => {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
};

describe('migrations on a shared database', () => {
  it('three replicas opening a new database at once all start, with every migration applied once', async () => {
    const name = `pingyi_m_${randomBytes(6).toString('hex')}`;
    await admin(`create database ${name}`);
    try {
      const opened = await Promise.all([0, 1, 2].map(() => openDatabase({ kind: 'postgres', url: withDatabase(url, name) })));
      const rows = (await opened[0]!.db.execute(
        'select count(*)::int as n, count(distinct hash)::int as d from drizzle.__drizzle_migrations' as never,
      )) as unknown as { rows: { n: number; d: number }[] };
      expect(rows.rows[0]!.n).toBe(rows.rows[0]!.d);
      expect(rows.rows[0]!.n).toBeGreaterThan(10);
      for (const d of opened) await d.close();
    } finally {
      await admin(`drop database if exists ${name} with (force)`);
    }
  });
});
