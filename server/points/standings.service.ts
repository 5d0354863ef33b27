// Standings as of a date: every cadre's base (by tenure), awards and deductions, ranked within its rank
// cohort. The database sums the approved entries; the pure rules in shared/points do the rest.
import { and, asc, eq, lte, sql } from 'drizzle-orm';
import { basePointsFromDays, serviceDays } from '#shared/points/base.ts';
import { rankByCohort } from '#shared/points/ranking.ts';
import { rulebookInForce } from '#shared/points/rulebook.ts';
import { ineligibility, SANCTION_RULE_CODE, shortlist } from '#shared/points/shortlist.ts';
import { standingOn, totalsOverTime } from '#shared/points/standing.ts';
import { TIE_BREAK } from '#shared/points/ranking.ts';
import { IN_SERVICE, RANKS, type CadreStatus, type Rank } from '#shared/points/vocabulary.ts';
import type { StandingRow } from '#shared/schemas/points.ts';
import type { SessionUser } from '../auth/access.ts';
import { findUnitByRef } from '../cadres/cadres.queries.ts';
import { assertInScope, unitScope } from '../cadres/scope.ts';
import type { Db, Tx } from '../db/client.ts';
import { auditHead, cadres, cadreTenures, pointsEntries, units } from '../db/schema.ts';
import { NotFound } from '../errors.ts';
import { entriesOfCadre } from './entries.queries.ts';
import { cityDay } from '#shared/city-day.ts';
import { loadRulebooks } from './rules.service.ts';

/** The status a cadre had on a day: a change dated later had not happened yet. */
const statusOn = (status: CadreStatus, since: string | null, asOf: string): CadreStatus =>
  since !== null && since > asOf ? 'in_post' : status;

interface RegistryCadre {
  id: number;
  code: string;
  name: string;
  status: CadreStatus;
  statusSince: string | null;
  tenures: { since: string; until: string | null; unitId: number; rank: Rank; post: string; leadership: boolean }[];
}
interface Registry {
  version: number;
  cadres: RegistryCadre[];
  unitName: Map<number, string>;
  books: Awaited<ReturnType<typeof loadRulebooks>>;
}

// The registry (cadres, posts, units, rulebooks) read once and kept while nothing changes: every change
// to it is audited, so the audit chain's tip is its version. Entries are summed afresh on every call.
const registries = new WeakMap<object, Registry>();

async function registry(tx: Tx): Promise<Registry> {
  const [head] = await tx.select({ lastId: auditHead.lastId }).from(auditHead).where(eq(auditHead.id, 1));
  const version = head?.lastId ?? 0;
  const cached = registries.get(tx);
  if (cached && cached.version === version) return cached;
  const [books, people, spans, unitRows] = await Promise.all([
    loadRulebooks(tx),
    tx.select({ id: cadres.id, code: cadres.code, name: cadres.name, status: cadres.status, statusSince: cadres.statusSince }).from(cadres),
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
      .orderBy(asc(cadreTenures.since), asc(cadreTenures.id)),
    tx.select({ id: units.id, nameZh: units.nameZh }).from(units),
  ]);
  const byCadre = new Map<number, RegistryCadre>(people.map((p) => [p.id, { ...p, tenures: [] }]));
  for (const { cadreId, ...t } of spans) byCadre.get(cadreId)?.tenures.push(t);
  const fresh: Registry = { version, cadres: [...byCadre.values()], unitName: new Map(unitRows.map((u) => [u.id, u.nameZh])), books };
  registries.set(tx, fresh);
  return fresh;
}

/** Approved entries dated by the day, summed per cadre and kind. */
async function entrySums(tx: Tx, asOf: string) {
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

export async function computeStandings(tx: Tx, asOf: string) {
  const [reg, sums] = await Promise.all([registry(tx), entrySums(tx, asOf)]);
  const book = rulebookInForce(reg.books, asOf);
  const rule = book ?? { basePerYear: 0, baseCap: 0 };
  const rows = [];
  for (const p of reg.cadres) {
    // Tenures are ordered by start: the post held on the day is the last one begun by then.
    let held: RegistryCadre['tenures'][number] | undefined;
    for (const t of p.tenures) if (t.since <= asOf) held = t;
    if (!held) continue; // not yet in post on that day
    const status = statusOn(p.status, p.statusSince, asOf);
    if (!IN_SERVICE.includes(status)) continue;
    const days = serviceDays(p.tenures, asOf);
    const base = basePointsFromDays(days, rule).points;
    const s = sums.get(p.id);
    const awards = s?.awards ?? 0;
    const deductions = s?.deductions ?? 0;
    rows.push({
      cadreId: p.id,
      code: p.code,
      name: p.name,
      unitId: held.unitId,
      unitName: reg.unitName.get(held.unitId) ?? '',
      rank: held.rank,
      post: held.post,
      leadership: held.leadership,
      status,
      serviceDays: days,
      base,
      awards,
      deductions,
      total: base + awards + deductions,
    });
  }
  const ranked = rankByCohort(rows, (r) => r.rank);
  const rankOrder = new Map(RANKS.map((r, i) => [r, i]));
  ranked.sort((a, b) => rankOrder.get(a.rank)! - rankOrder.get(b.rank)! || a.position - b.position);
  return { asOf, book, items: ranked satisfies StandingRow[] as StandingRow[] };
}

export async function standings(
  db: Db,
  user: SessionUser,
  query: { asOf?: string; rank?: Rank; unit?: string },
  now: Date,
  timeZone: string,
) {
  const asOf = query.asOf ?? cityDay(now, timeZone);
  const scope = await unitScope(db, user);
  let unitId: number | null = scope;
  if (query.unit) {
    const unit = await findUnitByRef(db, query.unit);
    if (!unit) throw new NotFound(`No unit "${query.unit}"`);
    assertInScope(scope, unit.id);
    unitId = unit.id;
  }
  const { book, items } = await computeStandings(db, asOf);
  return {
    asOf,
    rulebookVersion: book?.version ?? null,
    tieBreak: TIE_BREAK,
    items: items.filter((r) => (!query.rank || r.rank === query.rank) && (unitId === null || r.unitId === unitId)),
  };
}

export async function cadrePoints(db: Db, user: SessionUser, cadreId: number, asOfIn: string | undefined, now: Date, timeZone: string) {
  const asOf = asOfIn ?? cityDay(now, timeZone);
  const [cadre] = await db.select().from(cadres).where(eq(cadres.id, cadreId));
  if (!cadre) throw new NotFound('Cadre not found');
  assertInScope(await unitScope(db, user), cadre.unitId);
  const [books, spans, approved, pending, all] = await Promise.all([
    loadRulebooks(db),
    db.select({ since: cadreTenures.since, until: cadreTenures.until }).from(cadreTenures).where(eq(cadreTenures.cadreId, cadreId)),
    entriesOfCadre(db, cadreId, 'approved'),
    entriesOfCadre(db, cadreId, 'pending'),
    computeStandings(db, asOf),
  ]);
  const scored = approved.map((e) => ({
    id: e.id,
    date: e.date,
    ruleCode: e.ruleCode,
    kind: e.kind,
    points: e.points,
    reversesId: e.reversesId,
  }));
  const s = standingOn(spans, scored, books, asOf);
  const counted = new Set(s.entries.map((e) => e.id));
  const mine = all.items.find((r) => r.cadreId === cadreId);
  return {
    cadreId,
    asOf,
    rulebookVersion: s.rulebookVersion,
    base: s.base,
    awards: s.awards,
    deductions: s.deductions,
    total: s.total,
    entries: approved.filter((e) => counted.has(e.id)),
    pending,
    cohort: mine ? { rank: mine.rank, position: mine.position, cohortSize: mine.cohortSize, tiedOnTotal: mine.tiedOnTotal } : null,
    history: totalsOverTime(spans, scored, books, asOf),
  };
}

export async function promotionShortlist(db: Db, query: { asOf?: string; rank: Rank; places: number }, now: Date, timeZone: string) {
  const asOf = query.asOf ?? cityDay(now, timeZone);
  const [{ book, items }, people, sanctions] = await Promise.all([
    computeStandings(db, asOf),
    db.select({ id: cadres.id, status: cadres.status, statusSince: cadres.statusSince }).from(cadres),
    // Approved sanctions that no approved reversal has cancelled by the day.
    db.execute(sql`
      select e.cadre_id, e.date::text as date from points_entries e
      where e.status = 'approved' and e.rule_code = ${SANCTION_RULE_CODE} and e.reverses_id is null and e.date <= ${asOf}
        and not exists (select 1 from points_entries r where r.reverses_id = e.id and r.status = 'approved' and r.date <= ${asOf})`),
  ]);
  const statusOf = new Map(people.map((p) => [p.id, statusOn(p.status, p.statusSince, asOf)]));
  const sanctionDates = new Map<number, string[]>();
  for (const r of (sanctions as unknown as { rows: { cadre_id: number; date: string }[] }).rows)
    sanctionDates.set(Number(r.cadre_id), [...(sanctionDates.get(Number(r.cadre_id)) ?? []), String(r.date)]);
  const cohort = items.filter((r) => r.rank === query.rank);
  const eligible: StandingRow[] = [];
  const ineligible: (StandingRow & { reason: 'out_of_service' | 'under_sanction' })[] = [];
  for (const r of cohort) {
    const reason = ineligibility(
      { status: statusOf.get(r.cadreId)!, sanctionDates: sanctionDates.get(r.cadreId) ?? [] },
      asOf,
      book?.sanctionMonths ?? 0,
    );
    if (reason) ineligible.push({ ...r, reason });
    else eligible.push(r);
  }
  const result = shortlist(eligible, query.places);
  return {
    asOf,
    rank: query.rank,
    places: query.places,
    rulebookVersion: book?.version ?? null,
    tieBreak: TIE_BREAK,
    eligibleCount: eligible.length,
    shortlisted: result.shortlisted,
    reserve: result.reserve,
    tieAtCut: result.tieAtCut,
    ineligible,
  };
}
