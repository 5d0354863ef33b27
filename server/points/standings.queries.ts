import { and, asc, eq, lte, sql } from 'drizzle-orm';
import { SANCTION_RULE_CODE } from '#shared/points/shortlist.ts';
import type { Tx } from '../db/client.ts';
import { auditHead, cadres, cadreTenures, pointsEntries, units } from '../db/schema.ts';

/** The audit chain's tip: every change to the registry is audited, so it versions the registry. */
export async function auditTip(tx: Tx) {
  const [head] = await tx.select({ lastId: auditHead.lastId }).from(auditHead).where(eq(auditHead.id, 1));
  return head?.lastId ?? 0;
}

export const registryCadres = (tx: Tx) =>
  tx.select({ id: cadres.id, code: cadres.code, name: cadres.name, status: cadres.status, statusSince: cadres.statusSince }).from(cadres);

/** Every tenure, oldest first. */
export const allTenures = (tx: Tx) =>
  tx
    .select({
      cadreId: cadreTenures.cadreId,
      since: cadreTenures.since,
      until: cadreTenures.until,
      unitId: cadreTenures.unitId,
      rank: cadreTenures.rank,
      post: cadreTenures.post,
      leadership: cadreTenures.leadership,
    })
    .from(cadreTenures)
    .orderBy(asc(cadreTenures.since), asc(cadreTenures.id));

export const unitNames = (tx: Tx) => tx.select({ id: units.id, nameZh: units.nameZh }).from(units);

/** Approved entries dated by the day, summed per cadre and kind. */
export async function entrySums(tx: Tx, asOf: string) {
  const rows = await tx
    .select({
      cadreId: pointsEntries.cadreId,
      awards: sql<number>`coalesce(sum(${pointsEntries.points}) filter (where ${pointsEntries.kind} = 'award'), 0)::int`,
      deductions: sql<number>`coalesce(sum(${pointsEntries.points}) filter (where ${pointsEntries.kind} = 'deduction'), 0)::int`,
    })
    .from(pointsEntries)
    .where(and(eq(pointsEntries.status, 'approved'), lte(pointsEntries.date, asOf)))
    .groupBy(pointsEntries.cadreId);
  return new Map(rows.map((r) => [r.cadreId, { awards: Number(r.awards), deductions: Number(r.deductions) }]));
}

export async function cadreById(tx: Tx, id: number) {
  const [cadre] = await tx.select().from(cadres).where(eq(cadres.id, id));
  return cadre;
}

export const tenureSpans = (tx: Tx, cadreId: number) =>
  tx.select({ since: cadreTenures.since, until: cadreTenures.until }).from(cadreTenures).where(eq(cadreTenures.cadreId, cadreId));

export const cadreStatuses = (tx: Tx) => tx.select({ id: cadres.id, status: cadres.status, statusSince: cadres.statusSince }).from(cadres);

/** Approved sanctions that no approved reversal has cancelled by the day, by cadre. */
export async function sanctionDatesBy(tx: Tx, asOf: string) {
  const sanctions = await tx.execute(sql`
      select e.cadre_id, e.date::text as date from points_entries e
      where e.status = 'approved' and e.rule_code = ${SANCTION_RULE_CODE} and e.reverses_id is null and e.date <= ${asOf}
        and not exists (select 1 from points_entries r where r.reverses_id = e.id and r.status = 'approved' and r.date <= ${asOf})`);
  const dates = new Map<number, string[]>();
  for (const r of (sanctions as unknown as { rows: { cadre_id: number; date: string }[] }).rows)
    dates.set(Number(r.cadre_id), [...(dates.get(Number(r.cadre_id)) ?? []), String(r.date)]);
  return dates;
}
