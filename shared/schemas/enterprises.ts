import { z } from 'zod';
import { usccSchema } from '../uscc.ts';
import { isEmail } from '../outbound/phone.ts';

import { SIZE_CLASS_KEYS } from '../vocabulary/size-classes.ts';

export { SIZE_CLASS_KEYS, type SizeClass } from '../vocabulary/size-classes.ts';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

export const enterpriseInputSchema = z.object({
  uscc: usccSchema,
  name: z.string().trim().min(1, 'name is required').max(200),
  industry: z.string().trim().min(1, 'industry is required').max(100),
  sizeClass: z.enum(SIZE_CLASS_KEYS, { message: 'size class must be large, medium, small or micro' }),
  township: z.string().trim().min(1, 'township is required').max(100),
  contactName: optionalText(50),
  contactPhone: optionalText(30).refine((v) => v === null || /^[0-9+\-() ]{5,30}$/.test(v), 'phone: digits, spaces, + - ( ) only'),
  /** Optional: invitations and reminders are e-mailed too when an SMTP gateway is configured. */
  contactEmail: optionalText(254).refine((v) => v === null || isEmail(v), 'e-mail: expected an address such as name@example.cn'),
  active: z.boolean().default(true),
});
export type EnterpriseInput = z.infer<typeof enterpriseInputSchema>;

export const enterprisePatchSchema = enterpriseInputSchema.omit({ uscc: true }).partial();

export const enterpriseSchema = z.object({
  id: z.number().int(),
  uscc: z.string(),
  name: z.string(),
  industry: z.string(),
  sizeClass: z.enum(SIZE_CLASS_KEYS),
  township: z.string(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  contactEmail: z.string().nullable(),
  active: z.boolean(),
});
export type Enterprise = z.infer<typeof enterpriseSchema>;

export const enterpriseListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
  q: z.string().trim().max(100).optional(),
  township: z.string().max(100).optional(),
  industry: z.string().max(100).optional(),
  sizeClass: z.enum(SIZE_CLASS_KEYS).optional(),
  active: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

export const usccParamSchema = z.object({ uscc: z.string().trim().toUpperCase().min(1).max(18) });

export const enterpriseFacetsSchema = z.object({
  townships: z.array(z.string()),
  industries: z.array(z.string()),
});
