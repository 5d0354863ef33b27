// What whoever holds the database can do: disable the guards, rewrite an entry and re-hash the chain
// from there on, so that the chain verifies on its own again.
import { asc, eq, gte, sql } from 'drizzle-orm';
import { entryHash } from '#server/audit/audit.writer.ts';
import type { Db } from '#server/db/client.ts';
import { auditHead, auditLog } from '#server/db/schema.ts';

export async function rechain(db: Db, fromId: number, summary: unknown): Promise<void> {
  await db.execute(sql`alter table audit_log disable trigger user`);
  await db.update(auditLog).set({ summary }).where(eq(auditLog.id, fromId));
  const rows = await db.select().from(auditLog).where(gte(auditLog.id, fromId)).orderBy(asc(auditLog.id));
  let prev = rows[0]!.prevHash;
  for (const r of rows) {
    const hash = entryHash(prev, r);
    await db.update(auditLog).set({ prevHash: prev, hash }).where(eq(auditLog.id, r.id));
    prev = hash;
  }
  await db.update(auditHead).set({ lastHash: prev }).where(eq(auditHead.id, 1));
  await db.execute(sql`alter table audit_log enable trigger user`);
}
