import { z } from 'zod';
import { ERROR_CODES } from '../errors.ts';

/**
 * Who may sign in. org is the organisation department (组织部), which runs the cadre points. security is
 * the security administrator (安全管理员): it alone manages accounts and sees no survey or business data,
 * so the admin running rounds cannot reset someone's password and act as them (三员分立).
 */
export const ROLES = ['admin', 'leader', 'supervisor', 'dept_head', 'org', 'security'] as const;
export type Role = (typeof ROLES)[number];

export const errorBodySchema = z.object({
  error: z.object({ code: z.enum(ERROR_CODES), message: z.string(), details: z.unknown().optional() }),
});

export const idParamSchema = z.object({ id: z.coerce.number().int().positive() });

export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
});

export const okSchema = z.object({ ok: z.literal(true) });

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}
