import { and, asc, count, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
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

/** How many of these codes are in the registry already (chunked so 200,000 codes stay within parameter limits). */
export async function countExistingEnterprises(tx: Tx, usccs: string[]) {
  let n = 0;
  for (let i = 0; i < usccs.length; i += 5000) {
    const [row] = await tx
      .select({ n: count() })
      .from(enterprises)
      .where(inArray(enterprises.uscc, usccs.slice(i, i + 5000)));
    n += row?.n ?? 0;
  }
  return n;
}

/** The registry rows of a batch of codes, by code (one batch of an import: a few thousand at most). */
export const existingEnterprises = async (tx: Tx, usccs: string[]) =>
  new Map((await tx.select().from(enterprises).where(inArray(enterprises.uscc, usccs))).map((r) => [r.uscc, r]));

/** Inserts or updates one batch of an import (at most a few thousand rows: one statement). */
export async function upsertEnterprises(tx: Tx, records: EnterpriseInput[], now: Date) {
  await tx
    .insert(enterprises)
    .values(records.map((r) => ({ ...r, updatedAt: now })))
    .onConflictDoUpdate({
      target: enterprises.uscc,
      set: {
        name: sqlExcluded('name'),
        industry: sqlExcluded('industry'),
        sizeClass: sqlExcluded('size_class'),
        township: sqlExcluded('township'),
        contactName: sqlExcluded('contact_name'),
        contactPhone: sqlExcluded('contact_phone'),
        contactEmail: sqlExcluded('contact_email'),
        active: sqlExcluded('active'),
        updatedAt: now,
      },
    });
}
const sqlExcluded = (column: string) => sql.raw(`excluded.${column}`);

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
