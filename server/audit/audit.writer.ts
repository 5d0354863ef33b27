// The one audit writer: every mutating admin action goes through appendAudit, inside the action's transaction.
import { createHash, randomBytes } from 'node:crypto';
import { asc, desc, eq, isNotNull, sql } from 'drizzle-orm';
import { carriesSample, GENESIS_HASH as GENESIS, hashInput, SALT_BYTES, type ChainedEntry } from '#shared/audit-chain.ts';
import type { Db, Tx } from '../db/client.ts';
import { auditHead, auditLog, rounds } from '../db/schema.ts';

export interface Actor {
  id: number | null;
  name: string;
}
export const SYSTEM_ACTOR: Actor = { id: null, name: 'system' };

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string | number;
  /** Before/after or whatever a reader needs to understand the change. */
  summary: Record<string, unknown>;
}

// Serialises appends so the chain has one order even with concurrent transactions.
const CHAIN_LOCK = 7_310_001;

export function entryHash(prevHash: string, row: ChainedEntry): string {
  return createHash('sha256').update(hashInput(prevHash, row)).digest('hex');
}

/**
 * Appends one entry; call it with the transaction that makes the change, so both commit or neither.
 * Returns the entry as the chain's new head.
 */
export async function appendAudit(tx: Tx, actor: Actor, entry: AuditEntry, now: Date): Promise<Checkpoint> {
  await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`);
  const [head] = await tx.select().from(auditHead).where(eq(auditHead.id, 1));
  const prevHash = head?.lastHash ?? GENESIS;
  // Millisecond precision survives the round trip through timestamptz, so the hash re-verifies.
  const row = {
    at: new Date(now.getTime()),
    actorId: actor.id,
    actorName: actor.name,
    action: entry.action,
    entityType: entry.entityType,
    entityId: String(entry.entityId),
    summary: JSON.parse(JSON.stringify(entry.summary)) as unknown,
    // An entry naming the seed or the sample hashes with a secret salt: its visible hash tests no guess.
    salt: carriesSample(entry) ? randomBytes(SALT_BYTES).toString('hex') : null,
  };
  const hash = entryHash(prevHash, row);
  const [inserted] = await tx
    .insert(auditLog)
    .values({ ...row, prevHash, hash })
    .returning({ id: auditLog.id });
  await tx
    .insert(auditHead)
    .values({ id: 1, lastId: inserted!.id, lastHash: hash })
    .onConflictDoUpdate({ target: auditHead.id, set: { lastId: inserted!.id, lastHash: hash } });
  return { id: inserted!.id, hash, at: row.at.toISOString() };
}

/** The chain's head as a supervisor keeps it outside the database: entry id, its hash and its time. */
export interface Checkpoint {
  id: number;
  hash: string;
  at: string | null;
  roundId?: string;
}

/** The head written by publishing a round, printed on its public page and report. */
export interface PublishedHead {
  roundId: string;
  id: number;
  hash: string;
  at: string;
}

/** Why a chain fails: the page words these codes. */
export type ChainFailure =
  | 'prev_hash'
  | 'content'
  | 'tip'
  | 'checkpoint_missing'
  | 'checkpoint_diverges'
  | 'published_missing'
  | 'published_diverges';

export interface ChainCheck {
  ok: boolean;
  entries: number;
  /** The newest entry read (id 0 and the genesis hash for an empty log): the checkpoint to keep next. */
  head: { id: number; hash: string };
  /** The last published round's head, always required; null when no round carries one. */
  published: PublishedHead | null;
  brokenAt?: number | null;
  reason?: string;
  code?: ChainFailure;
}

export async function auditCheckpoint(db: Tx): Promise<Checkpoint> {
  const [head] = await db.select().from(auditHead).where(eq(auditHead.id, 1));
  if (!head) return { id: 0, hash: GENESIS, at: null };
  const [entry] = await db.select({ at: auditLog.at }).from(auditLog).where(eq(auditLog.id, head.lastId));
  return { id: head.lastId, hash: head.lastHash, at: entry?.at.toISOString() ?? null };
}

/** The head stored by the newest publication (publishing appends, so the highest entry id is the newest). */
export async function lastPublishedHead(db: Tx): Promise<PublishedHead | null> {
  const [r] = await db
    .select({ roundId: rounds.id, id: rounds.auditHeadId, hash: rounds.auditHeadHash, at: rounds.auditHeadAt })
    .from(rounds)
    .where(isNotNull(rounds.auditHeadId))
    .orderBy(desc(rounds.auditHeadId))
    .limit(1);
  return r ? { roundId: r.roundId, id: r.id!, hash: r.hash!, at: r.at!.toISOString() } : null;
}

/** The head stored at a round's publication, or null (not published, or published before heads were stored). */
export async function publishedHeadOf(db: Tx, roundId: string): Promise<Checkpoint | null> {
  const [r] = await db
    .select({ id: rounds.auditHeadId, hash: rounds.auditHeadHash, at: rounds.auditHeadAt })
    .from(rounds)
    .where(eq(rounds.id, roundId));
  return r?.id ? { id: r.id, hash: r.hash!, at: r.at!.toISOString(), roundId } : null;
}

interface Anchor {
  id: number;
  hash: string;
  kind: 'checkpoint' | 'published';
  what: string;
}

/**
 * Walks the whole chain and reports the first broken link. It must also contain, with the same hash,
 * the head printed on the last published round and the checkpoint given (one saved earlier): a chain
 * recomputed after an edit, shortened or emptied verifies on its own (the hash is unkeyed), but it can
 * no longer reproduce a hash someone kept outside the database.
 */
export async function verifyAuditChain(db: Db, checkpoint?: Pick<Checkpoint, 'id' | 'hash'>): Promise<ChainCheck> {
  const rows = await db.select().from(auditLog).orderBy(asc(auditLog.id));
  const [head] = await db.select().from(auditHead).where(eq(auditHead.id, 1));
  const published = await lastPublishedHead(db);
  const anchors: Anchor[] = [
    ...(published
      ? [
          {
            id: published.id,
            hash: published.hash,
            kind: 'published' as const,
            what: `the chain head printed on round ${published.roundId}'s publication (entry ${published.id}, ${published.hash.slice(0, 12)}…)`,
          },
        ]
      : []),
    ...(checkpoint && checkpoint.id > 0
      ? [
          {
            ...checkpoint,
            kind: 'checkpoint' as const,
            what: `the saved checkpoint (entry ${checkpoint.id}, ${checkpoint.hash.slice(0, 12)}…)`,
          },
        ]
      : []),
  ];
  const seen = new Set<Anchor>();
  let prev = GENESIS;
  const tip = () => ({ id: rows.at(-1)?.id ?? 0, hash: rows.at(-1)?.hash ?? GENESIS });
  const fail = (brokenAt: number | null, code: ChainFailure, reason: string): ChainCheck => ({
    ok: false,
    entries: rows.length,
    head: tip(),
    published,
    brokenAt,
    reason,
    code,
  });
  for (const r of rows) {
    if (r.prevHash !== prev) return fail(r.id, 'prev_hash', 'previous entry missing or altered (prev_hash does not match)');
    if (entryHash(prev, r) !== r.hash) return fail(r.id, 'content', 'entry altered (hash does not match its content)');
    for (const a of anchors) {
      if (r.id === a.id) {
        if (r.hash !== a.hash)
          return fail(
            r.id,
            `${a.kind}_diverges`,
            `checkpoint diverges: entry ${r.id} now hashes to ${r.hash.slice(0, 12)}…, ${a.what} says otherwise (this entry or an earlier one was rewritten)`,
          );
        seen.add(a);
      } else if (r.id > a.id && !seen.has(a)) {
        return fail(r.id, `${a.kind}_missing`, `checkpoint diverges: entry ${a.id} of ${a.what} is missing`);
      }
    }
    prev = r.hash;
  }
  const unseen = anchors.find((a) => !seen.has(a));
  if (unseen)
    return fail(
      unseen.id,
      `${unseen.kind}_missing`,
      `checkpoint diverges: the log ends before entry ${unseen.id} of ${unseen.what} (${rows.length} entries left)`,
    );
  const last = rows.at(-1);
  if ((head?.lastHash ?? GENESIS) !== prev || (head && head.lastId !== last?.id)) {
    return fail(last?.id ?? null, 'tip', 'newest entries deleted (chain tip does not match)');
  }
  return { ok: true, entries: rows.length, head: tip(), published };
}
