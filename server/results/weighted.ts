// The weighted robustness line (shared/results/weighting.ts) from what the database keeps without ever
// tying an answer to a firm: the registry's make-up from the round's frozen pool, and respondents and
// ratings per stratum from the breakdown tallies the ballot box adds as answers leave it (answers carry
// no attributes). Groups of fewer than 5 respondents were deleted at close; together they are the round's
// totals minus the kept groups, and are weighted as one stratum ("other"), which holds 0 or at least 5.
import { count, eq, sql } from 'drizzle-orm';
import type { BreakdownDimension } from '#shared/breakdowns.ts';
import type { Robustness } from '#shared/integrity/report.ts';
import type { RoundResults } from '#shared/results/compute.ts';
import type { RobustnessView, UnweightedLineView } from '#shared/schemas/integrity.ts';
import type { OfficialRanking } from '#shared/results/official-ranking.ts';
import { RATING_LEVELS, scoresByLevel, type RatingLevel, type Scale } from '#shared/results/scale.ts';
import { weightedResults, type StratumInput, type WeightedResult } from '#shared/results/weighting.ts';
import type { Tx } from '../db/client.ts';
import { breakdownGroups, breakdownTallies, enterprises, roundPool } from '../db/schema.ts';

/** The merged remainder of the strata too small to keep; never a value of the registry. */
export const OTHER_STRATUM = '*';

export type StoredWeighted = WeightedResult & { dimension: BreakdownDimension };

const COLUMN = { township: enterprises.township, industry: enterprises.industry, size: enterprises.sizeClass } as const;

/**
 * Weighted to the registry by the draw's stratification (size when the draw was not stratified):
 * null when the round kept no tallies for that dimension (e.g. a round closed before they existed).
 */
export async function weightedVariant(
  tx: Tx,
  round: { id: string; stratifyBy: string | null; scale: unknown },
  results: RoundResults,
  responses: number,
): Promise<StoredWeighted | null> {
  const dimension = (round.stratifyBy ?? 'size') as BreakdownDimension;
  const column = COLUMN[dimension];
  const registryRows = await tx
    .select({ value: sql<string>`${column}::text`, n: count() })
    .from(roundPool)
    .innerJoin(enterprises, eq(enterprises.id, roundPool.enterpriseId))
    .where(eq(roundPool.roundId, round.id))
    .groupBy(column);
  const groups = (await tx.select().from(breakdownGroups).where(eq(breakdownGroups.roundId, round.id))).filter(
    (g) => g.dimension === dimension,
  );
  if (!groups.length || !registryRows.length) return null;
  const tallies = (await tx.select().from(breakdownTallies).where(eq(breakdownTallies.roundId, round.id))).filter(
    (t) => t.dimension === dimension,
  );
  const registry = new Map(registryRows.map((r) => [r.value, Number(r.n)]));
  const poolSize = registryRows.reduce((s, r) => s + Number(r.n), 0);

  const strata: StratumInput[] = groups.map((g) => ({
    stratum: g.value,
    registry: registry.get(g.value) ?? 0,
    respondents: g.respondents,
    ratings: tallies.filter((t) => t.value === g.value).map((t) => ({ departmentId: t.departmentId, level: t.level, n: t.n })),
  }));
  // The remainder: every rating of the round not in a kept group.
  const kept = new Map<string, number>();
  for (const t of tallies) kept.set(`${t.departmentId}|${t.level}`, (kept.get(`${t.departmentId}|${t.level}`) ?? 0) + t.n);
  const rest: StratumInput['ratings'][number][] = [];
  for (const d of results.departments) {
    for (const level of RATING_LEVELS as readonly RatingLevel[]) {
      const n = d.counts[level] - (kept.get(`${d.departmentId}|${level}`) ?? 0);
      if (n > 0) rest.push({ departmentId: d.departmentId, level, n });
    }
  }
  strata.push({
    stratum: OTHER_STRATUM,
    registry: poolSize - strata.reduce((s, x) => s + x.registry, 0),
    respondents: Math.max(0, responses - groups.reduce((s, g) => s + g.respondents, 0)),
    ratings: rest,
  });
  const ranked = results.departments.filter((d) => d.status === 'ranked');
  return {
    dimension,
    ...weightedResults({ strata, scores: scoresByLevel(round.scale as Scale), ranked, flaggedDepartmentIds: results.flaggedDepartmentIds }),
  };
}

/** The robustness section of a results view: the integrity variants and, beside them, the weighted one. */
export function robustnessView(payload: {
  integrity?: { robustness: Robustness };
  weighted?: StoredWeighted;
  ranking?: { applied: OfficialRanking; unweighted: UnweightedLineView | null };
}): RobustnessView | null {
  const base = payload.integrity?.robustness;
  if (!base) return null;
  const w = payload.weighted;
  return {
    ...base,
    official: payload.ranking?.applied ?? 'unweighted',
    unweighted: payload.ranking?.unweighted ?? null,
    weighted: w
      ? {
          dimension: w.dimension,
          bottomThree: w.bottomThree,
          changed: w.changed,
          entering: w.entering,
          leaving: w.leaving,
          effectiveN: w.effectiveN,
          respondents: w.respondents,
          strata: w.strata.map((g) => ({
            members: g.members.map((m) => (m === OTHER_STRATUM ? null : m)),
            registryShare: g.registryShare,
            respondentShare: g.respondentShare,
            weight: g.weight,
          })),
          departments: w.departments.map((d) => ({ departmentId: d.departmentId, mean: d.mean, effectiveN: d.effectiveN })),
        }
      : null,
  };
}
