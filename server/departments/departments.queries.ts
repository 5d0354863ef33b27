import { and, asc, eq, gte, inArray, isNull, or } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { departmentHeads, departments } from '../db/schema.ts';

type HeadRow = typeof departmentHeads.$inferSelect;
type DepartmentRow = typeof departments.$inferSelect;

/** `head` is the one in office on the city's `today`; `nextHead` one appointed ahead of time (`since` later). */
export function toDepartment(d: DepartmentRow, tenures: readonly HeadRow[], today: string) {
  const head = tenures.find((h) => h.since <= today && (h.until === null || h.until >= today));
  const next = tenures.filter((h) => h.since > today).sort((a, b) => (a.since < b.since ? -1 : 1))[0];
  return {
    id: d.id,
    code: d.code,
    nameZh: d.nameZh,
    nameEn: d.nameEn,
    category: d.category,
    active: d.active,
    head: head ? toHead(head) : null,
    nextHead: next ? toHead(next) : null,
  };
}
export const toHead = (h: HeadRow) => ({ id: h.id, name: h.name, title: h.title, since: h.since, until: h.until });

/** The registry's rows by code, without heads. */
export const departmentRows = (tx: Tx, opts: { ids?: number[] } = {}) =>
  tx
    .select()
    .from(departments)
    .where(opts.ids ? inArray(departments.id, opts.ids) : undefined)
    .orderBy(asc(departments.code));

export async function listDepartments(tx: Tx, today: string, opts: { ids?: number[] } = {}) {
  const rows = await departmentRows(tx, opts);
  const tenures = await tx
    .select()
    .from(departmentHeads)
    .where(or(isNull(departmentHeads.until), gte(departmentHeads.until, today)));
  return rows.map((d) =>
    toDepartment(
      d,
      tenures.filter((h) => h.departmentId === d.id),
      today,
    ),
  );
}

export const findDepartment = async (tx: Tx, id: number) => (await tx.select().from(departments).where(eq(departments.id, id)))[0];

export const findDepartmentByCode = async (tx: Tx, code: string) =>
  (await tx.select().from(departments).where(eq(departments.code, code)))[0];

export const headHistory = (tx: Tx, departmentId: number) =>
  tx
    .select()
    .from(departmentHeads)
    .where(eq(departmentHeads.departmentId, departmentId))
    .orderBy(asc(departmentHeads.since), asc(departmentHeads.id));

/** The last tenure recorded (open-ended): the one a new appointment follows, even if it starts ahead of today. */
export const latestTenure = async (tx: Tx, departmentId: number) =>
  (
    await tx
      .select()
      .from(departmentHeads)
      .where(and(eq(departmentHeads.departmentId, departmentId), isNull(departmentHeads.until)))
  )[0];

export const insertDepartment = async (tx: Tx, values: typeof departments.$inferInsert) =>
  (await tx.insert(departments).values(values).returning())[0]!;

export const updateDepartment = async (tx: Tx, id: number, values: Partial<typeof departments.$inferInsert>) =>
  (await tx.update(departments).set(values).where(eq(departments.id, id)).returning())[0]!;

export const endHeadTenure = (tx: Tx, headId: number, until: string) =>
  tx.update(departmentHeads).set({ until }).where(eq(departmentHeads.id, headId));

export const insertHead = async (tx: Tx, values: typeof departmentHeads.$inferInsert) =>
  (await tx.insert(departmentHeads).values(values).returning())[0]!;
