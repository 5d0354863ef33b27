import { and, asc, count, eq, ilike, or, sql, type SQL, type SQLChunk } from 'drizzle-orm';
import type { z } from 'zod';
import type { EnterpriseInput, enterpriseListQuerySchema } from '#shared/schemas/enterprises.ts';
import type { Tx } from '../db/client.ts';
import { enterprises } from '../db/schema.ts';

type Row = typeof enterprises.$inferSelect;
export const toEnterprise = (r: Row) => ({
  id: r.id,
  uscc: r.uscc,
  name: r.name,
  industry: r.industry,
  sizeClass: r.sizeClass,
  township: r.township,
  contactName: r.contactName,
  contactPhone: r.contactPhone,
  contactEmail: r.contactEmail,
  active: r.active,
});

export async function listEnterprises(tx: Tx, query: z.infer<typeof enterpriseListQuerySchema>) {
  const filters: SQL[] = [];
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    filters.push(or(ilike(enterprises.name, like), ilike(enterprises.uscc, like))!);
  }
  if (query.township) filters.push(eq(enterprises.township, query.township));
  if (query.industry) filters.push(eq(enterprises.industry, query.industry));
  if (query.sizeClass) filters.push(eq(enterprises.sizeClass, query.sizeClass));
  if (query.active !== undefined) filters.push(eq(enterprises.active, query.active));
  const where = filters.length ? and(...filters) : undefined;
  const [rows, [total]] = await Promise.all([
    tx
      .select()
      .from(enterprises)
      .where(where)
      .orderBy(asc(enterprises.uscc))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    tx.select({ n: count() }).from(enterprises).where(where),
  ]);
  return { items: rows.map(toEnterprise), total: total?.n ?? 0, page: query.page, pageSize: query.pageSize };
}

export const findEnterpriseByUscc = async (tx: Tx, uscc: string) =>
  (await tx.select().from(enterprises).where(eq(enterprises.uscc, uscc)))[0];

// An import's batches go to the database as one JSON parameter each, not as a placeholder per code or per
// field: through the query builder, applying 200,000 new rows on PGlite took 17 s and grew the main
// thread's heap by 230-280 MB of placeholders and their objects; as JSON, 7.5 s and under 20 MB.
const codesIn = (usccs: string[]) => sql`${enterprises.uscc} in (select jsonb_array_elements_text(${JSON.stringify(usccs)}::jsonb))`;

/** How many of these codes are in the registry already. */
export async function countExistingEnterprises(tx: Tx, usccs: string[]) {
  const [row] = await tx.select({ n: count() }).from(enterprises).where(codesIn(usccs));
  return row?.n ?? 0;
}

// What an import can overwrite: the fields of its records, and no more (reading ids and times too would be garbage on every row).
const { uscc, name, industry, sizeClass, township, contactName, contactPhone, contactEmail, active } = enterprises;
const overwritable = { name, industry, sizeClass, township, contactName, contactPhone, contactEmail, active };
export const overwritableFields = Object.keys(overwritable) as (keyof typeof overwritable)[];
const recordColumns = { uscc, ...overwritable };

/** The registry's records of a batch of codes, by code (one batch of an import: a few thousand at most). */
export const existingEnterprises = async (tx: Tx, usccs: string[]) =>
  new Map((await tx.select(recordColumns).from(enterprises).where(codesIn(usccs))).map((r) => [r.uscc, r]));

// The upsert's SQL, from the same columns: each record field's column, its JSON key and type (the enum's
// included), and a column's default where a record leaves the field out. Built once.
const recordEntries = Object.entries(recordColumns) as [keyof typeof recordColumns, (typeof recordColumns)[keyof typeof recordColumns]][];
const list = (parts: SQLChunk[]) => sql.join(parts, sql`, `);
const upsertParts = {
  into: list(recordEntries.map(([, c]) => sql.identifier(c.name))),
  values: list(
    recordEntries.map(([k, c]) =>
      c.hasDefault && c.default !== undefined ? sql`coalesce(r.${sql.identifier(k)}, ${c.default})` : sql`r.${sql.identifier(k)}`,
    ),
  ),
  types: list(recordEntries.map(([k, c]) => sql`${sql.identifier(k)} ${sql.raw(c.getSQLType())}`)),
  keys: list(recordEntries.map(([k]) => sql.identifier(k))),
  overwrite: list(Object.values(overwritable).map((c) => sql`${sql.identifier(c.name)} = excluded.${sql.identifier(c.name)}`)),
};

/** Inserts or updates one batch of an import, in the batch's order. */
export async function upsertEnterprises(tx: Tx, records: EnterpriseInput[], now: Date) {
  const p = upsertParts;
  const updatedAt = sql.identifier(enterprises.updatedAt.name);
  await tx.execute(sql`
    insert into ${enterprises} (${p.into}, ${updatedAt})
    select ${p.values}, ${now.toISOString()}::timestamptz
    from rows from (jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as (${p.types})) with ordinality as r(${p.keys}, n)
    order by r.n
    on conflict (${sql.identifier(uscc.name)}) do update set ${p.overwrite}, ${updatedAt} = excluded.${updatedAt}`);
}

export const insertEnterprise = async (tx: Tx, r: EnterpriseInput) => (await tx.insert(enterprises).values(r).returning())[0]!;

export const updateEnterprise = async (tx: Tx, uscc: string, patch: Partial<EnterpriseInput>, now: Date) =>
  (
    await tx
      .update(enterprises)
      .set({ ...patch, updatedAt: now })
      .where(eq(enterprises.uscc, uscc))
      .returning()
  )[0]!;

export async function enterpriseFacets(tx: Tx) {
  const [t, i] = await Promise.all([
    tx.selectDistinct({ v: enterprises.township }).from(enterprises).orderBy(asc(enterprises.township)),
    tx.selectDistinct({ v: enterprises.industry }).from(enterprises).orderBy(asc(enterprises.industry)),
  ]);
  return { townships: t.map((r) => r.v), industries: i.map((r) => r.v) };
}
