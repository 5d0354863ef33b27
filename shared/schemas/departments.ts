import { z } from 'zod';

const code = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_-]{1,31}$/, 'code: 2–32 lower-case letters, digits, - or _, starting with a letter');

export const headInputSchema = z.object({
  name: z.string().trim().min(1, 'head name is required').max(50),
  title: z.string().trim().min(1, 'head title is required').max(50),
  since: z.iso.date({ message: 'since: expected a date YYYY-MM-DD' }),
});

export const departmentInputSchema = z.object({
  code,
  nameZh: z.string().trim().min(1, 'Chinese name is required').max(100),
  nameEn: z.string().trim().max(200).nullish(),
  category: z.string().trim().min(1, 'category is required').max(50),
  active: z.boolean().default(true),
  head: headInputSchema.nullish(),
});
export type DepartmentInput = z.infer<typeof departmentInputSchema>;

export const departmentPatchSchema = departmentInputSchema.omit({ code: true, head: true }).partial();

export const headSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  title: z.string(),
  since: z.string(),
  until: z.string().nullable(),
});

export const departmentSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string().nullable(),
  category: z.string(),
  active: z.boolean(),
  /** The head in office today (the city's day). */
  head: headSchema.nullable(),
  /** A head appointed ahead of time, not yet in office. */
  nextHead: headSchema.nullable(),
});
export type Department = z.infer<typeof departmentSchema>;

export const departmentDetailSchema = departmentSchema.extend({ headHistory: z.array(headSchema) });
