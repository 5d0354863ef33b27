// Units, cadres and their posts: the registry the cadre points are kept against.
import { z } from 'zod';
import { CADRE_STATUSES, RANKS, UNIT_KINDS } from '../points/vocabulary.ts';

const isoDate = z.iso.date({ message: 'expected a date YYYY-MM-DD' });
const code = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{1,31}$/, 'code: 2–32 letters, digits, - or _');

export const unitInputSchema = z
  .object({
    code,
    nameZh: z.string().trim().min(1, 'Chinese name is required').max(100),
    nameEn: z.string().trim().max(200).nullish(),
    kind: z.enum(UNIT_KINDS),
    /** Required for a rated department's unit, absent otherwise. */
    departmentId: z.number().int().positive().nullish(),
  })
  .refine((u) => (u.kind === 'department') === (u.departmentId != null), {
    message: 'a department unit names its department (departmentId); other units do not',
    path: ['departmentId'],
  });

export const unitSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string().nullable(),
  kind: z.enum(UNIT_KINDS),
  departmentId: z.number().int().nullable(),
  cadres: z.number().int(),
});
export type Unit = z.infer<typeof unitSchema>;

export const tenureInputSchema = z.object({
  unitId: z.number().int().positive(),
  post: z.string().trim().min(1, 'post is required').max(100),
  rank: z.enum(RANKS),
  leadership: z.boolean(),
  since: isoDate,
});
export type TenureInput = z.infer<typeof tenureInputSchema>;

export const cadreInputSchema = tenureInputSchema.extend({
  code,
  name: z.string().trim().min(1, 'name is required').max(50),
});
export type CadreInput = z.infer<typeof cadreInputSchema>;

/** Status changes (退出领导岗位, 退休, 调出) carry the day they take effect. */
export const cadrePatchSchema = z
  .object({
    name: z.string().trim().min(1).max(50).optional(),
    status: z.enum(CADRE_STATUSES).optional(),
    statusSince: isoDate.optional(),
  })
  .refine((p) => Object.keys(p).length > 0, 'nothing to change')
  .refine((p) => p.status === undefined || p.statusSince !== undefined, {
    message: 'a status change needs the day it takes effect (statusSince)',
    path: ['statusSince'],
  });

export const tenureSchema = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  post: z.string(),
  rank: z.enum(RANKS),
  leadership: z.boolean(),
  since: z.string(),
  until: z.string().nullable(),
});

export const cadreSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  unitId: z.number().int(),
  unitCode: z.string(),
  unitName: z.string(),
  post: z.string(),
  rank: z.enum(RANKS),
  leadership: z.boolean(),
  status: z.enum(CADRE_STATUSES),
  statusSince: z.string().nullable(),
});
export type Cadre = z.infer<typeof cadreSchema>;

export const cadreDetailSchema = cadreSchema.extend({
  tenures: z.array(tenureSchema),
  /** Department head tenures this cadre held (the survey's responsible head). */
  headOf: z.array(
    z.object({
      headId: z.number().int(),
      departmentId: z.number().int(),
      departmentName: z.string(),
      since: z.string(),
      until: z.string().nullable(),
    }),
  ),
});
export type CadreDetail = z.infer<typeof cadreDetailSchema>;

export const cadreListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
  q: z.string().trim().max(50).optional(),
  unit: z.string().trim().max(40).optional(),
  rank: z.enum(RANKS).optional(),
  status: z.enum(CADRE_STATUSES).optional(),
});

/** Link a department head tenure to the cadre who holds it. */
export const headCadreSchema = z.object({ cadreId: z.number().int().positive().nullable() });
