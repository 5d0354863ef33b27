import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { departmentHeads, departments } from '../db/schema.ts';

type HeadRow = typeof departmentHeads.$inferSelect;
type DepartmentRow = typeof departments.$inferSelect;

export function toDepartment(d: DepartmentRow, head: HeadRow | undefined) {
  return {
    id: d.id, code: d.code, nameZh: d.nameZh, nameEn: d.nameEn, category: d.category, active: d.active,
    head: head ? toHead(head) : null,
  };
}
export const toHead = (h: HeadRow) => ({ id: h.id, name: h.name, title: h.title, since: h.since, until: h.until });

export async function listDepartments(tx: Tx, opts: { ids?: number[] } = {}) {
  const rows = await tx.select().from(departments)
    .where(opts.ids ? inArray(departments.id, opts.ids) : undefined)
    .orderBy(asc(departments.code));
  const heads = await tx.select().from(departmentHeads).where(isNull(departmentHeads.until));
  const byDept = new Map(heads.map((h) => [h.departmentId, h]));
  return rows.map((d) => toDepartment(d, byDept.get(d.id)));
}

export const findDepartment = async (tx: Tx, id: number) =>
  (await tx.select().from(departments).where(eq(departments.id, id)))[0];

export const findDepartmentByCode = async (tx: Tx, code: string) =>
  (await tx.select().from(departments).where(eq(departments.code, code)))[0];

export const headHistory = (tx: Tx, departmentId: number) =>
  tx.select().from(departmentHeads).where(eq(departmentHeads.departmentId, departmentId)).orderBy(asc(departmentHeads.since), asc(departmentHeads.id));

export const currentHead = async (tx: Tx, departmentId: number) =>
  (await tx.select().from(departmentHeads).where(and(eq(departmentHeads.departmentId, departmentId), isNull(departmentHeads.until))))[0];

export const insertDepartment = async (tx: Tx, values: typeof departments.$inferInsert) =>
  (await tx.insert(departments).values(values).returning())[0]!;

export const updateDepartment = async (tx: Tx, id: number, values: Partial<typeof departments.$inferInsert>) =>
  (await tx.update(departments).set(values).where(eq(departments.id, id)).returning())[0]!;

export const endHeadTenure = (tx: Tx, headId: number, until: string) =>
  tx.update(departmentHeads).set({ until }).where(eq(departmentHeads.id, headId));

export const insertHead = async (tx: Tx, values: typeof departmentHeads.$inferInsert) =>
  (await tx.insert(departmentHeads).values(values).returning())[0]!;
