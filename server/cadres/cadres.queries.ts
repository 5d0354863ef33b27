import { and, asc, count, eq, ilike, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { cadreListQuerySchema } from '#shared/schemas/cadres.ts';
import type { Tx } from '../db/client.ts';
import { cadres, cadreTenures, departmentHeads, departments, units } from '../db/schema.ts';

type CadreRow = typeof cadres.$inferSelect;
type UnitRow = typeof units.$inferSelect;

export const toCadre = (c: CadreRow, u: Pick<UnitRow, 'code' | 'nameZh'>) => ({
  id: c.id,
  code: c.code,
  name: c.name,
  unitId: c.unitId,
  unitCode: u.code,
  unitName: u.nameZh,
  post: c.post,
  rank: c.rank,
  leadership: c.leadership,
  status: c.status,
  statusSince: c.statusSince,
});

export async function listUnits(tx: Tx, onlyUnitId: number | null) {
  const counts = tx
    .select({ unitId: cadres.unitId, n: count().as('n') })
    .from(cadres)
    .groupBy(cadres.unitId)
    .as('counts');
  const rows = await tx
    .select({ u: units, n: counts.n })
    .from(units)
    .leftJoin(counts, eq(counts.unitId, units.id))
    .where(onlyUnitId === null ? undefined : eq(units.id, onlyUnitId))
    .orderBy(asc(units.kind), asc(units.code));
  return rows.map(({ u, n }) => ({
    id: u.id,
    code: u.code,
    nameZh: u.nameZh,
    nameEn: u.nameEn,
    kind: u.kind,
    departmentId: u.departmentId,
    cadres: Number(n ?? 0),
  }));
}

export const findUnit = async (tx: Tx, id: number) => (await tx.select().from(units).where(eq(units.id, id)))[0];

/** A unit named by id or by code (query strings accept either). */
export async function findUnitByRef(tx: Tx, ref: string) {
  const where = /^\d+$/.test(ref) ? or(eq(units.id, Number(ref)), eq(units.code, ref)) : eq(units.code, ref);
  return (await tx.select().from(units).where(where))[0];
}

export const findUnitByCode = async (tx: Tx, code: string) => (await tx.select().from(units).where(eq(units.code, code)))[0];

export const departmentExists = async (tx: Tx, id: number) =>
  (await tx.select({ id: departments.id }).from(departments).where(eq(departments.id, id))).length > 0;

export const insertUnit = async (tx: Tx, values: typeof units.$inferInsert) => (await tx.insert(units).values(values).returning())[0]!;

export const insertCadre = async (tx: Tx, values: typeof cadres.$inferInsert) => (await tx.insert(cadres).values(values).returning())[0]!;

export const setCadre = async (tx: Tx, id: number, set: Partial<typeof cadres.$inferInsert>) =>
  (await tx.update(cadres).set(set).where(eq(cadres.id, id)).returning())[0]!;

/** Changes a cadre's row without reading it back (the import's moves). */
export const moveCadre = (tx: Tx, id: number, set: Partial<typeof cadres.$inferInsert>) =>
  tx.update(cadres).set(set).where(eq(cadres.id, id));

export const insertCadres = (tx: Tx, values: (typeof cadres.$inferInsert)[]) =>
  tx.insert(cadres).values(values).returning({ id: cadres.id, code: cadres.code });

type TenureValues = typeof cadreTenures.$inferInsert;
export const insertTenure = (tx: Tx, values: TenureValues | TenureValues[]) => tx.insert(cadreTenures).values(values as TenureValues[]);

export const allUnits = (tx: Tx) => tx.select().from(units);

/** The tenure ends on `until` (the day before the next one starts). */
export const endTenure = (tx: Tx, id: number, until: string) => tx.update(cadreTenures).set({ until }).where(eq(cadreTenures.id, id));

export const findHeadTenure = async (tx: Tx, headId: number) =>
  (await tx.select().from(departmentHeads).where(eq(departmentHeads.id, headId)))[0];

export const setHeadCadre = (tx: Tx, headId: number, cadreId: number | null) =>
  tx.update(departmentHeads).set({ cadreId }).where(eq(departmentHeads.id, headId));

export const unitOfDepartment = async (tx: Tx, departmentId: number) =>
  (await tx.select().from(units).where(eq(units.departmentId, departmentId)))[0];

export async function listCadres(tx: Tx, query: z.infer<typeof cadreListQuerySchema>, unitId: number | null) {
  const filters: SQL[] = [];
  if (unitId !== null) filters.push(eq(cadres.unitId, unitId));
  if (query.rank) filters.push(eq(cadres.rank, query.rank));
  if (query.status) filters.push(eq(cadres.status, query.status));
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    filters.push(or(ilike(cadres.name, like), ilike(cadres.code, like), ilike(cadres.post, like))!);
  }
  const where = filters.length ? and(...filters) : undefined;
  const [rows, [total]] = await Promise.all([
    tx
      .select({ c: cadres, u: units })
      .from(cadres)
      .innerJoin(units, eq(units.id, cadres.unitId))
      .where(where)
      .orderBy(asc(cadres.code))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    tx.select({ n: count() }).from(cadres).where(where),
  ]);
  return { items: rows.map((r) => toCadre(r.c, r.u)), total: total?.n ?? 0, page: query.page, pageSize: query.pageSize };
}

export async function findCadre(tx: Tx, id: number) {
  const [row] = await tx
    .select({ c: cadres, u: units })
    .from(cadres)
    .innerJoin(units, eq(units.id, cadres.unitId))
    .where(eq(cadres.id, id));
  return row;
}

export const findCadreByCode = async (tx: Tx, code: string) => (await tx.select().from(cadres).where(eq(cadres.code, code)))[0];

export async function tenuresOf(tx: Tx, cadreId: number) {
  const rows = await tx
    .select({ t: cadreTenures, unitName: units.nameZh })
    .from(cadreTenures)
    .innerJoin(units, eq(units.id, cadreTenures.unitId))
    .where(eq(cadreTenures.cadreId, cadreId))
    .orderBy(asc(cadreTenures.since), asc(cadreTenures.id));
  return rows.map(({ t, unitName }) => ({
    id: t.id,
    unitId: t.unitId,
    unitName,
    post: t.post,
    rank: t.rank,
    leadership: t.leadership,
    since: t.since,
    until: t.until,
  }));
}

export const currentTenure = async (tx: Tx, cadreId: number) =>
  (
    await tx
      .select()
      .from(cadreTenures)
      .where(and(eq(cadreTenures.cadreId, cadreId), isNull(cadreTenures.until)))
  )[0];

export async function headTenuresOf(tx: Tx, cadreId: number) {
  const rows = await tx
    .select({ h: departmentHeads, name: departments.nameZh })
    .from(departmentHeads)
    .innerJoin(departments, eq(departments.id, departmentHeads.departmentId))
    .where(eq(departmentHeads.cadreId, cadreId))
    .orderBy(asc(departmentHeads.since));
  return rows.map(({ h, name }) => ({ headId: h.id, departmentId: h.departmentId, departmentName: name, since: h.since, until: h.until }));
}

export const existingCadres = async (tx: Tx, codes: string[]) => {
  const found = new Map<string, CadreRow>();
  for (let i = 0; i < codes.length; i += 5000) {
    const rows = await tx
      .select()
      .from(cadres)
      .where(inArray(cadres.code, codes.slice(i, i + 5000)));
    rows.forEach((r) => found.set(r.code, r));
  }
  return found;
};

export const openTenures = async (tx: Tx, cadreIds: number[]) => {
  const found = new Map<number, typeof cadreTenures.$inferSelect>();
  for (let i = 0; i < cadreIds.length; i += 5000) {
    const rows = await tx
      .select()
      .from(cadreTenures)
      .where(and(inArray(cadreTenures.cadreId, cadreIds.slice(i, i + 5000)), isNull(cadreTenures.until)));
    rows.forEach((r) => found.set(r.cadreId, r));
  }
  return found;
};

/** The day before an ISO date. */
export function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
