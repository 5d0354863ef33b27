// A digest of every table's contents: equal digests before and after some calls prove they wrote nothing.
import { sql } from 'drizzle-orm';
import type { Db } from '#server/db/client.ts';

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

export async function tableDigests(db: Db, except: readonly string[] = []): Promise<Record<string, string>> {
  const tables = rowsOf<{ name: string }>(
    await db.execute(sql`select tablename as name from pg_tables where schemaname = 'public' order by 1`),
  );
  const out: Record<string, string> = {};
  for (const { name } of tables.filter((t) => !except.includes(t.name))) {
    const [row] = rowsOf<{ digest: string | null; n: number }>(
      await db.execute(
        sql`select md5(string_agg(t::text, ',' order by t::text)) as digest, count(*)::int as n from ${sql.identifier(name)} t`,
      ),
    );
    out[name] = `${row?.n ?? 0}:${row?.digest ?? '-'}`;
  }
  return out;
}
