import { z } from 'zod';

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

export const auditVerifySchema = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  brokenAt: z.number().int().nullable().optional(),
  reason: z.string().optional(),
});

export const auditCheckpointSchema = z.object({
  id: z.number().int().min(0),
  hash: z.string().regex(/^[0-9a-f]{64}$/, 'hash: 64 hex digits'),
  at: z.string().nullable(),
});
export type AuditCheckpoint = z.infer<typeof auditCheckpointSchema>;

/** Verify against a checkpoint kept outside the database (both or neither). */
export const auditVerifyQuerySchema = z.object({
  checkpointId: z.coerce.number().int().min(0).optional(),
  checkpointHash: z.string().regex(/^[0-9a-f]{64}$/, 'checkpointHash: 64 hex digits').optional(),
}).refine((q) => (q.checkpointId === undefined) === (q.checkpointHash === undefined), { message: 'give checkpointId and checkpointHash together' });
