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

/** The chain's head as a supervisor keeps it outside the database: entry id, its hash and its time. */
export interface Checkpoint { id: number; hash: string; at: string | null }

export async function auditCheckpoint(db: Tx): Promise<Checkpoint> {
  const [head] = await db.select().from(auditHead).where(eq(auditHead.id, 1));
  if (!head) return { id: 0, hash: GENESIS, at: null };
  const [entry] = await db.select({ at: auditLog.at }).from(auditLog).where(eq(auditLog.id, head.lastId));
  return { id: head.lastId, hash: head.lastHash, at: entry?.at.toISOString() ?? null };
}

/**
 * Walks the whole chain and reports the first broken link. With a checkpoint saved earlier, also
 * requires that entry to be there with the same hash: a chain recomputed after an edit verifies on its
 * own (the hash is unkeyed), but it can no longer reproduce a hash someone kept outside the database.
 */
export async function verifyAuditChain(db: Db, checkpoint?: Pick<Checkpoint, 'id' | 'hash'>): Promise<ChainCheck> {
  const rows = await db.select().from(auditLog).orderBy(asc(auditLog.id));
  const [head] = await db.select().from(auditHead).where(eq(auditHead.id, 1));
  let prev = GENESIS;
  let checkpointSeen = !checkpoint || checkpoint.id === 0;
  for (const r of rows) {
    if (r.prevHash !== prev) return { ok: false, entries: rows.length, brokenAt: r.id, reason: 'previous entry missing or altered (prev_hash does not match)' };
    if (entryHash(prev, r) !== r.hash) return { ok: false, entries: rows.length, brokenAt: r.id, reason: 'entry altered (hash does not match its content)' };
    if (checkpoint && r.id === checkpoint.id) {
      if (r.hash !== checkpoint.hash) {
        return { ok: false, entries: rows.length, brokenAt: r.id, reason: `checkpoint diverges: entry ${r.id} now hashes to ${r.hash.slice(0, 12)}…, the saved checkpoint says ${checkpoint.hash.slice(0, 12)}… (this entry or an earlier one was rewritten)` };
      }
      checkpointSeen = true;
    }
    if (checkpoint && !checkpointSeen && r.id > checkpoint.id) {
      return { ok: false, entries: rows.length, brokenAt: r.id, reason: `checkpoint diverges: entry ${checkpoint.id} of the saved checkpoint is missing` };
    }
    prev = r.hash;
  }
  if (!checkpointSeen) return { ok: false, entries: rows.length, brokenAt: checkpoint!.id, reason: `checkpoint diverges: the log ends before entry ${checkpoint!.id} of the saved checkpoint` };
  const last = rows.at(-1);
  if ((head?.lastHash ?? GENESIS) !== prev || (head && head.lastId !== last?.id)) {
    return { ok: false, entries: rows.length, brokenAt: last?.id ?? null, reason: 'newest entries deleted (chain tip does not match)' };
  }
  return { ok: true, entries: rows.length };
}
