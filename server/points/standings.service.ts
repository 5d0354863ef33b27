// Standings as of a date: every cadre's base (by tenure), awards and deductions, ranked within its rank
// cohort. The database sums the approved entries; the pure rules in shared/points do the rest.
import { basePointsFromDays, serviceDays } from '#shared/points/base.ts';
import { rankByCohort } from '#shared/points/ranking.ts';
import { rulebookInForce } from '#shared/points/rulebook.ts';
import { ineligibility, shortlist } from '#shared/points/shortlist.ts';
import { standingOn, totalsOverTime } from '#shared/points/standing.ts';
import { TIE_BREAK } from '#shared/points/ranking.ts';
import { IN_SERVICE, RANKS, type CadreStatus, type Rank } from '#shared/points/vocabulary.ts';
import type { StandingRow } from '#shared/schemas/points.ts';
import { findUnitByRef } from '../cadres/cadres.queries.ts';
import { assertInScope, unitScope } from '../cadres/scope.ts';
import { type ServiceContext, userIn } from '../context.ts';
import type { Tx } from '../db/client.ts';
import { NotFound } from '../errors.ts';
import { entriesOfCadre } from './entries.queries.ts';
import { cityDay } from '#shared/city-day.ts';
import { loadRulebooks } from './rules.service.ts';
import * as q from './standings.queries.ts';

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
  const version = await q.auditTip(tx);
  const cached = registries.get(tx);
  if (cached && cached.version === version) return cached;
  const [books, people, spans, unitRows] = await Promise.all([loadRulebooks(tx), q.registryCadres(tx), q.allTenures(tx), q.unitNames(tx)]);
  const byCadre = new Map<number, RegistryCadre>(people.map((p) => [p.id, { ...p, tenures: [] }]));
  for (const { cadreId, ...t } of spans) byCadre.get(cadreId)?.tenures.push(t);
  const fresh: Registry = { version, cadres: [...byCadre.values()], unitName: new Map(unitRows.map((u) => [u.id, u.nameZh])), books };
  registries.set(tx, fresh);
  return fresh;
}

/** Standings on a day, read on `tx` (the database or a caller's transaction); no clock, no user. */
export async function computeStandings(tx: Tx, asOf: string) {
  const [reg, sums] = await Promise.all([registry(tx), q.entrySums(tx, asOf)]);
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

export async function standings(ctx: ServiceContext, query: { asOf?: string; rank?: Rank; unit?: string }) {
  const { tx: db, now, zone } = ctx;
  const asOf = query.asOf ?? cityDay(now, zone);
  const scope = await unitScope(db, userIn(ctx));
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

export async function cadrePoints(ctx: ServiceContext, { cadreId, asOf: asOfIn }: { cadreId: number; asOf?: string | undefined }) {
  const { tx: db, now, zone } = ctx;
  const asOf = asOfIn ?? cityDay(now, zone);
  const cadre = await q.cadreById(db, cadreId);
  if (!cadre) throw new NotFound('Cadre not found');
  assertInScope(await unitScope(db, userIn(ctx)), cadre.unitId);
  const [books, spans, approved, pending, all] = await Promise.all([
    loadRulebooks(db),
    q.tenureSpans(db, cadreId),
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

export async function promotionShortlist({ tx: db, now, zone }: ServiceContext, query: { asOf?: string; rank: Rank; places: number }) {
  const asOf = query.asOf ?? cityDay(now, zone);
  const [{ book, items }, people, sanctionDates] = await Promise.all([
    computeStandings(db, asOf),
    q.cadreStatuses(db),
    q.sanctionDatesBy(db, asOf),
  ]);
  const statusOf = new Map(people.map((p) => [p.id, statusOn(p.status, p.statusSince, asOf)]));
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
