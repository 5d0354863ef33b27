// Accounts: who may sign in, as what. Created and changed by admins; passwords only ever as one-time ones.
import { z } from 'zod';
import { MAX_PASSWORD_LENGTH } from '../password-policy.ts';
import { ROLES, type Role } from './common.ts';

export const USERNAME_PATTERN = /^[A-Za-z0-9._-]{3,50}$/;

/** Only a department head belongs to a department. */
export const roleNeedsDepartment = (role: Role) => role === 'dept_head';

export const accountSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  departmentId: z.number().int().nullable(),
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
  /** The last sign-in the audit log knows of; null when there has been none. */
  lastLoginAt: z.string().nullable(),
  /**
   * From when the account may approve or decide (a day after its holder replaced a password someone
   * else set); null while that password is not replaced yet.
   */
  decidesFrom: z.string().nullable(),
});
export type Account = z.infer<typeof accountSchema>;

const departmentRule = (v: { role?: Role; departmentId?: number | null }, ctx: z.RefinementCtx) => {
  if (v.role === undefined) return;
  if (roleNeedsDepartment(v.role) && v.departmentId == null)
    ctx.addIssue({ code: 'custom', path: ['departmentId'], message: 'a department head needs a department' });
  if (!roleNeedsDepartment(v.role) && v.departmentId != null)
    ctx.addIssue({ code: 'custom', path: ['departmentId'], message: 'only a department head belongs to a department' });
};

export const accountCreateSchema = z
  .object({
    username: z.string().trim().regex(USERNAME_PATTERN, 'username: 3–50 letters, digits, . _ or -'),
    displayName: z.string().trim().min(1, 'display name is required').max(100),
    role: z.enum(ROLES),
    departmentId: z.number().int().positive().nullish(),
  })
  .superRefine(departmentRule);
export type AccountCreate = z.infer<typeof accountCreateSchema>;

/** Role and department change together (a head moving to another department, or no longer a head). */
export const accountPatchSchema = z
  .object({
    displayName: z.string().trim().min(1).max(100).optional(),
    role: z.enum(ROLES).optional(),
    departmentId: z.number().int().positive().nullable().optional(),
    active: z.boolean().optional(),
  })
  .superRefine(departmentRule);
export type AccountPatch = z.infer<typeof accountPatchSchema>;

/** An account with the password it must change at first login; shown once, never stored in clear. */
export const accountWithPasswordSchema = z.object({ user: accountSchema, oneTimePassword: z.string() });

export const passwordChangeSchema = z.object({
  currentPassword: z.string().min(1, 'current password is required').max(MAX_PASSWORD_LENGTH),
  newPassword: z.string().min(1, 'new password is required').max(MAX_PASSWORD_LENGTH),
});
export type PasswordChange = z.infer<typeof passwordChangeSchema>;
