import { z } from 'zod';
import { roundIdSchema } from './rounds.ts';

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actorName: z.string(),
  /** The person's name as the app shows it (the login name when the account is unknown; "system" for the system). */
  actorDisplayName: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  summary: z.unknown(),
  hash: z.string(),
  /** With actorId and salt, everything needed to recompute hash (shared/audit-chain.ts). */
  prevHash: z.string(),
  actorId: z.number().int().nullable(),
  /** Entries naming the seed or the sample only; hidden like those fields until the draw is public. */
  salt: z.string().nullable(),
});

const day = z.iso.date({ message: 'expected a date YYYY-MM-DD' });
export const auditQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  entityType: z.string().max(50).optional(),
  entityId: z.string().max(100).optional(),
  /** Who did it: the login name as recorded. */
  actor: z.string().max(100).optional(),
  /** What was done, e.g. round.publish. */
  action: z.string().max(100).optional(),
  /** The city's calendar days, both included. */
  from: day.optional(),
  to: day.optional(),
});

export const auditFacetsSchema = z.object({
  actors: z.array(z.object({ name: z.string(), displayName: z.string() })),
  actions: z.array(z.string()),
});

export const AUDIT_CHAIN_FAILURES = [
  'prev_hash',
  'content',
  'tip',
  'checkpoint_missing',
  'checkpoint_diverges',
  'published_missing',
  'published_diverges',
] as const;
const hash64 = z.string().regex(/^[0-9a-f]{64}$/, 'hash: 64 hex digits');

export const auditVerifySchema = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  brokenAt: z.number().int().nullable().optional(),
  reason: z.string().optional(),
  /** Why it failed, for the page to word. */
  code: z.enum(AUDIT_CHAIN_FAILURES).optional(),
  /** The newest entry read: the checkpoint to keep for the next verification. */
  head: z.object({ id: z.number().int().min(0), hash: hash64 }),
  /** The head printed on the last published round, always required to be in the chain; null before any. */
  published: z.object({ roundId: z.string(), id: z.number().int().min(1), hash: hash64, at: z.string() }).nullable(),
});

export const auditCheckpointSchema = z.object({
  id: z.number().int().min(0),
  hash: hash64,
  at: z.string().nullable(),
  /** Set when this is the head stored at that round's publication (the one its public page shows). */
  roundId: z.string().optional(),
});
/** A published round's checkpoint is the one stored at its publication; otherwise the current head. */
export const auditCheckpointQuerySchema = z.object({ roundId: roundIdSchema.optional() });
export type AuditCheckpoint = z.infer<typeof auditCheckpointSchema>;

/** Verify against a checkpoint kept outside the database (both or neither). */
export const auditVerifyQuerySchema = z
  .object({
    checkpointId: z.coerce.number().int().min(0).optional(),
    checkpointHash: z
      .string()
      .regex(/^[0-9a-f]{64}$/, 'checkpointHash: 64 hex digits')
      .optional(),
  })
  .refine((q) => (q.checkpointId === undefined) === (q.checkpointHash === undefined), {
    message: 'give checkpointId and checkpointHash together',
  });
