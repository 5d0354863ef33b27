import { z } from 'zod';
import { ROLES } from './common.ts';

export const loginBodySchema = z.object({
  username: z.string().trim().min(1, 'username is required').max(100),
  password: z.string().min(1, 'password is required').max(200),
});
export type LoginBody = z.infer<typeof loginBodySchema>;

export const userSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  departmentId: z.number().int().nullable(),
  /** Signed in with a one-time password: only changing it is allowed until then. */
  mustChangePassword: z.boolean(),
});
export type User = z.infer<typeof userSchema>;

export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.object({ kind: z.enum(['pglite', 'postgres']), reachable: z.boolean() }),
});
