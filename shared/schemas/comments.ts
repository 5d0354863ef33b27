import { z } from 'zod';

export const commentsQuerySchema = z.object({ departmentId: z.coerce.number().int().positive().optional() });
export const commentsSchema = z.object({
  roundId: z.string(),
  releasedAt: z.string().nullable(),
  /** Comments addressed to departments; no respondent attribute and no order that follows submission. */
  departments: z.array(z.object({ departmentId: z.number().int(), code: z.string(), name: z.string(), comments: z.array(z.string()) })),
  /** Overall comments: for admins, leaders and supervisors only. */
  overall: z.array(z.string()).nullable(),
});
