// Standings as of a date: every cadre's base (by tenure), awards and deductions, ranked within its rank
// cohort. The database sums the approved entries; the pure rules in shared/points do the rest.
import { eq, sql } from 'drizzle-orm';
import { basePointsFromDays } from '../../shared/points/base.ts';
import { rankByCohort } from '../../shared/points/ranking.ts';
import { rulebookInForce } from '../../shared/points/rulebook.ts';
import { ineligibility, SANCTION_RULE_CODE, shortlist } from '../../shared/points/shortlist.ts';
import { standingOn, totalsOverTime } from '../../shared/points/standing.ts';
import { TIE_BREAK } from '../../shared/points/ranking.ts';
import { IN_SERVICE, RANKS, type CadreStatus, type Rank } from '../../shared/points/vocabulary.ts';
import type { StandingRow } from '../../shared/schemas/points.ts';
import type { SessionUser } from '../auth/access.ts';
import { findUnitByRef } from '../cadres/cadres.queries.ts';
import { assertInScope, unitScope } from '../cadres/scope.ts';
import type { Db, Tx } from '../db/client.ts';
import { cadres, cadreTenures, units } from '../db/schema.ts';
import { NotFound } from '../errors.ts';
import { entriesOfCadre } from './entries.queries.ts';
import { cityDay, loadRulebooks } from './rules.service.ts';

/** The status a cadre had on a day: a change dated later had not happened yet. */
const statusOn = (status: CadreStatus, since: string | null, asOf: string): CadreStatus => (since !== null && since > asOf ? 'in_post' : status);

interface StandingSource {
  id: number; code: string; name: string; status: CadreStatus; status_since: string | null;
  unit_id: number; rank: Rank; post: string; leadership: boolean; days: number; awards: number; deductions: number;
}

/**
 * One row per cadre in post on the day: the post held then, the days in post (the union of the tenures
 * clipped to the day: the same count as shared/points/base.ts serviceDays, checked in
 * standings.db.test.ts) and the sums of approved entries dated by then. One query, so standings for
 * every cadre stay fast on PGlite too.
 */
export async function standingSources(tx: Tx, asOf: string): Promise<StandingSource[]> {
  const result = await tx.execute(sql`
    with t as (
      select cadre_id, since, least(coalesce(until, ${asOf}::date), ${asOf}::date) as till
      from cadre_tenures where since <= ${asOf}::date
    ), w as (
      select cadre_id, since, till,
        max(till) over (partition by cadre_id order by since, till rows between unbounded preceding and 1 preceding) as covered
      from t
    ), days as (
      select cadre_id, sum(greatest(0, till - greatest(since, coalesce(covered + 1, since)) + 1))::int as days from w group by cadre_id
    ), held as (
      select distinct on (cadre_id) cadre_id, unit_id, rank, post, leadership
      from cadre_tenures where since <= ${asOf}::date order by cadre_id, since desc, id desc
    ), sums as (
      select cadre_id,
        coalesce(sum(points) filter (where kind = 'award'), 0)::int as awards,
        coalesce(sum(points) filter (where kind = 'deduction'), 0)::int as deductions
      from points_entries where status = 'approved' and date <= ${asOf}::date group by cadre_id
    )
    select c.id, c.code, c.name, c.status, c.status_since::text as status_since, h.unit_id, h.rank, h.post, h.leadership, d.days,
      coalesce(s.awards, 0) as awards, coalesce(s.deductions, 0) as deductions
    from cadres c join held h on h.cadre_id = c.id join days d on d.cadre_id = c.id left join sums s on s.cadre_id = c.id`);
  return (result as unknown as { rows: StandingSource[] }).rows;
}

export async function computeStandings(tx: Tx, asOf: string) {
  const [books, sources, unitRows] = await Promise.all([
    loadRulebooks(tx),
    standingSources(tx, asOf),
    tx.select({ id: units.id, nameZh: units.nameZh }).from(units),
  ]);
  const book = rulebookInForce(books, asOf);
  const rule = book ?? { basePerYear: 0, baseCap: 0 };
  const unitName = new Map(unitRows.map((u) => [u.id, u.nameZh]));
  const rows = [];
  for (const p of sources) {
    const status = statusOn(p.status, p.status_since, asOf);
    if (!IN_SERVICE.includes(status)) continue;
    const days = Number(p.days);
    const base = basePointsFromDays(days, rule).points;
    const awards = Number(p.awards);
    const deductions = Number(p.deductions);
    rows.push({
      cadreId: Number(p.id), code: p.code, name: p.name, unitId: Number(p.unit_id), unitName: unitName.get(Number(p.unit_id)) ?? '', rank: p.rank, post: p.post, leadership: p.leadership,
      status, serviceDays: days, base, awards, deductions, total: base + awards + deductions,
    });
  }
  const ranked = rankByCohort(rows, (r) => r.rank);
  const rankOrder = new Map(RANKS.map((r, i) => [r, i]));
  ranked.sort((a, b) => rankOrder.get(a.rank)! - rankOrder.get(b.rank)! || a.position - b.position);
  return { asOf, book, items: ranked satisfies StandingRow[] as StandingRow[] };
}

export async function standings(db: Db, user: SessionUser, query: { asOf?: string; rank?: Rank; unit?: string }, now: Date) {
  const asOf = query.asOf ?? cityDay(now);
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
    asOf, rulebookVersion: book?.version ?? null, tieBreak: TIE_BREAK,
    items: items.filter((r) => (!query.rank || r.rank === query.rank) && (unitId === null || r.unitId === unitId)),
  };
}

export async function cadrePoints(db: Db, user: SessionUser, cadreId: number, asOfIn: string | undefined, now: Date) {
  const asOf = asOfIn ?? cityDay(now);
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
  const scored = approved.map((e) => ({ id: e.id, date: e.date, ruleCode: e.ruleCode, kind: e.kind, points: e.points, reversesId: e.reversesId }));
  const s = standingOn(spans, scored, books, asOf);
  const counted = new Set(s.entries.map((e) => e.id));
  const mine = all.items.find((r) => r.cadreId === cadreId);
  return {
    cadreId, asOf, rulebookVersion: s.rulebookVersion, base: s.base, awards: s.awards, deductions: s.deductions, total: s.total,
    entries: approved.filter((e) => counted.has(e.id)),
    pending,
    cohort: mine ? { rank: mine.rank, position: mine.position, cohortSize: mine.cohortSize, tiedOnTotal: mine.tiedOnTotal } : null,
    history: totalsOverTime(spans, scored, books, asOf),
  };
}

export async function promotionShortlist(db: Db, query: { asOf?: string; rank: Rank; places: number }, now: Date) {
  const asOf = query.asOf ?? cityDay(now);
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
  for (const r of (sanctions as unknown as { rows: { cadre_id: number; date: string }[] }).rows) sanctionDates.set(Number(r.cadre_id), [...(sanctionDates.get(Number(r.cadre_id)) ?? []), String(r.date)]);
  const cohort = items.filter((r) => r.rank === query.rank);
  const eligible: StandingRow[] = [];
  const ineligible: (StandingRow & { reason: 'out_of_service' | 'under_sanction' })[] = [];
  for (const r of cohort) {
    const reason = ineligibility({ status: statusOf.get(r.cadreId)!, sanctionDates: sanctionDates.get(r.cadreId) ?? [] }, asOf, book?.sanctionMonths ?? 0);
    if (reason) ineligible.push({ ...r, reason });
    else eligible.push(r);
  }
  const result = shortlist(eligible, query.places);
  return {
    asOf, rank: query.rank, places: query.places, rulebookVersion: book?.version ?? null, tieBreak: TIE_BREAK, eligibleCount: eligible.length,
    shortlisted: result.shortlisted, reserve: result.reserve, tieAtCut: result.tieAtCut, ineligible,
  };
}
