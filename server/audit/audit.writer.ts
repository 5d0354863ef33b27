// The one audit writer: every mutating admin action goes through appendAudit, inside the action's transaction.
import { createHash } from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import { canonicalJson } from '../../shared/canonical-json.ts';
import type { Db, Tx } from '../db/client.ts';
import { auditHead, auditLog } from '../db/schema.ts';

export interface Actor { id: number | null; name: string }
export const SYSTEM_ACTOR: Actor = { id: null, name: 'system' };

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string | number;
  /** Before/after or whatever a reader needs to understand the change. */
  summary: Record<string, unknown>;
}

const GENESIS = '0'.repeat(64);
// Serialises appends so the chain has one order even with concurrent transactions.
const CHAIN_LOCK = 7_310_001;

export function entryHash(prevHash: string, row: { at: Date; actorId: number | null; actorName: string; action: string; entityType: string; entityId: string; summary: unknown }): string {
  const body = canonicalJson({
    at: row.at.toISOString(), actorId: row.actorId, actorName: row.actorName, action: row.action,
    entityType: row.entityType, entityId: row.entityId, summary: row.summary,
  });
  return createHash('sha256').update(`${prevHash}\n${body}`).digest('hex');
}

/** Appends one entry; call it with the transaction that makes the change, so both commit or neither. */
export async function appendAudit(tx: Tx, actor: Actor, entry: AuditEntry, now: Date): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`);
  const [head] = await tx.select().from(auditHead).where(eq(auditHead.id, 1));
  const prevHash = head?.lastHash ?? GENESIS;
  // Millisecond precision survives the round trip through timestamptz, so the hash re-verifies.
  const row = {
    at: new Date(now.getTime()), actorId: actor.id, actorName: actor.name, action: entry.action,
    entityType: entry.entityType, entityId: String(entry.entityId), summary: JSON.parse(JSON.stringify(entry.summary)) as unknown,
  };
  const hash = entryHash(prevHash, row);
  const [inserted] = await tx.insert(auditLog).values({ ...row, prevHash, hash }).returning({ id: auditLog.id });
  await tx
    .insert(auditHead)
    .values({ id: 1, lastId: inserted!.id, lastHash: hash })
    .onConflictDoUpdate({ target: auditHead.id, set: { lastId: inserted!.id, lastHash: hash } });
}

export type ChainCheck =
  | { ok: true; entries: number }
  | { ok: false; entries: number; brokenAt: number | null; reason: string };

/** Walks the whole chain and reports the first broken link. */
export async function verifyAuditChain(db: Db): Promise<ChainCheck> {
  const rows = await db.select().from(auditLog).orderBy(asc(auditLog.id));
  const [head] = await db.select().from(auditHead).where(eq(auditHead.id, 1));
  let prev = GENESIS;
  for (const r of rows) {
    if (r.prevHash !== prev) return { ok: false, entries: rows.length, brokenAt: r.id, reason: 'previous entry missing or altered (prev_hash does not match)' };
    if (entryHash(prev, r) !== r.hash) return { ok: false, entries: rows.length, brokenAt: r.id, reason: 'entry altered (hash does not match its content)' };
    prev = r.hash;
  }
  const last = rows.at(-1);
  if ((head?.lastHash ?? GENESIS) !== prev || (head && head.lastId !== last?.id)) {
    return { ok: false, entries: rows.length, brokenAt: last?.id ?? null, reason: 'newest entries deleted (chain tip does not match)' };
  }
  return { ok: true, entries: rows.length };
}
