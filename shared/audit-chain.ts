// How an audit entry is hashed into the chain: one definition for the server's writer and verifier and
// for anyone recomputing a hash from what the audit page shows (GET /api/v1/audit gives every input).
import { canonicalJson } from './canonical-json.ts';
import { sha256Hex } from './draw/sha256.ts';

export const GENESIS_HASH = '0'.repeat(64);

/**
 * Summary fields, per audited round action, that would reveal the seed or who was drawn, replaced or
 * regenerated (a reason may name the enterprise). Such entries are salted, and the fields and the salt
 * are hidden from everyone but admins until the round's draw is public (shared/round-lifecycle.ts).
 */
export const SAMPLE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  'round.draw': ['seed'],
  'invitation.replace': ['out', 'in', 'reason'],
  // The link's generation counts regenerations of one hidden enterprise: it would tie entries together.
  'invitation.regenerate': ['uscc', 'generation'],
  // A call names the firm; its outcome (注销/停业, 拒访) would tell a supervisor about a firm in the sample.
  'invitation.follow_up': ['uscc', 'channel', 'outcome'],
};
export const carriesSample = (e: { action: string; entityType: string }) => e.entityType === 'round' && e.action in SAMPLE_FIELDS;

/** One placeholder for every hidden value and salt, so its length says nothing; the page words it. */
export const HIDDEN_UNTIL_CLOSE = '(hidden until the round closes)';

/** Bytes of random salt (128 bits): guessing it is as hard as guessing a server seed. */
export const SALT_BYTES = 16;

export interface ChainedEntry {
  at: Date | string;
  actorId: number | null;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string;
  summary: unknown;
  /** Null for entries that name nothing hidden: they hash exactly as before salts existed. */
  salt?: string | null;
}

export function auditEntryBody(row: ChainedEntry): string {
  const at = typeof row.at === 'string' ? new Date(row.at).toISOString() : row.at.toISOString();
  return canonicalJson({
    at,
    actorId: row.actorId,
    actorName: row.actorName,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    summary: row.summary,
    ...(row.salt ? { salt: row.salt } : {}),
  });
}

export const hashInput = (prevHash: string, row: ChainedEntry) => `${prevHash}\n${auditEntryBody(row)}`;

/** The entry's hash with the pure-TypeScript SHA-256 (the browser's way; the server uses node:crypto). */
export const recomputeEntryHash = (prevHash: string, row: ChainedEntry) => sha256Hex(hashInput(prevHash, row));
