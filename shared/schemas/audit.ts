import { z } from 'zod';

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actorName: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  summary: z.unknown(),
  hash: z.string(),
});

export const auditQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  entityType: z.string().max(50).optional(),
  entityId: z.string().max(100).optional(),
});

export const auditVerifySchema = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  brokenAt: z.number().int().nullable().optional(),
  reason: z.string().optional(),
});
