// Answers weighted to the registry (post-stratification): the draw is stratified, the responses are not,
// so a kind of enterprise that answered more than its share of the registry weighs less. Each respondent
// of stratum h weighs (registry share of h) ÷ (respondent share of h); strata with fewer than
// MIN_RESPONDENTS respondents are merged first, so no weight rests on one or two firms. Pure: the server
// feeds it the registry's counts and the tallies the ballot box keeps per stratum (never an answer).
import { compareDepartments, type RankKey } from './ranking.ts';
import type { Scores } from './aggregate.ts';
import { APPLICABLE_LEVELS, type RatingLevel } from './levels.ts';

/** A stratum holding fewer respondents is merged with the next smallest. */
export const MIN_RESPONDENTS = 5;

/** One stratum: enterprises in the registry (the frozen pool), respondents, and their ratings by department. */
export type StratumInput = {
  stratum: string;
  registry: number;
  respondents: number;
  /** Ratings by department and level among this stratum's respondents. */
  ratings: readonly { departmentId: number; level: RatingLevel; n: number }[];
};

/** A stratum after merging: which input strata it holds, their shares and the weight of each respondent. */
export type MergedStratum = {
  members: string[];
  registry: number;
  respondents: number;
  registryShare: number;
  respondentShare: number;
  /** registryShare ÷ respondentShare: what one respondent of this stratum counts for. */
  weight: number;
};

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Merges strata until each holds at least `min` respondents (and some registry): the smallest by
 * respondents (then registry, then name) joins the next smallest, again and again. A single stratum
 * left over is the whole sample (weight 1). Strata with neither registry nor respondents are dropped.
 */
export function mergeStrata(strata: readonly Pick<StratumInput, 'stratum' | 'registry' | 'respondents'>[], min = MIN_RESPONDENTS) {
  type Group = { members: string[]; registry: number; respondents: number };
  let groups: Group[] = strata
    .filter((s) => s.registry > 0 || s.respondents > 0)
    .map((s) => ({ members: [s.stratum], registry: s.registry, respondents: s.respondents }));
  const order = (a: Group, b: Group) => a.respondents - b.respondents || a.registry - b.registry || byKey(a.members[0]!, b.members[0]!);
  const small = (g: Group) => g.respondents < min || g.registry === 0;
  while (groups.length > 1 && groups.some(small)) {
    groups = [...groups].sort(order);
    const i = groups.findIndex(small);
    const j = i === 0 ? 1 : 0;
    const [a, b] = [groups[i]!, groups[j]!];
    const merged = {
      members: [...a.members, ...b.members].sort(byKey),
      registry: a.registry + b.registry,
      respondents: a.respondents + b.respondents,
    };
    groups = [merged, ...groups.filter((_, k) => k !== i && k !== j)];
  }
  return groups.sort((a, b) => byKey(a.members[0]!, b.members[0]!));
}

/** Merged strata with their shares and weights; respondents of a stratum with no registry weigh 0. */
export function stratumWeights(
  strata: readonly Pick<StratumInput, 'stratum' | 'registry' | 'respondents'>[],
  min = MIN_RESPONDENTS,
): MergedStratum[] {
  const groups = mergeStrata(strata, min);
  const registry = groups.reduce((s, g) => s + g.registry, 0);
  const respondents = groups.reduce((s, g) => s + g.respondents, 0);
  return groups.map((g) => {
    const registryShare = registry ? g.registry / registry : 0;
    const respondentShare = respondents ? g.respondents / respondents : 0;
    return { ...g, registryShare, respondentShare, weight: respondentShare ? registryShare / respondentShare : 0 };
  });
}

/** Kish's effective sample size (Σw)² ÷ Σw² for `count` respondents at each weight. */
export function effectiveSampleSize(groups: readonly { weight: number; count: number }[]): number {
  let sum = 0;
  let squares = 0;
  for (const { weight, count } of groups) {
    sum += weight * count;
    squares += weight * weight * count;
  }
  return squares ? (sum * sum) / squares : 0;
}

export type WeightedDepartment = { departmentId: number; mean: number | null; n: number; effectiveN: number };

export type WeightedInput = {
  strata: readonly StratumInput[];
  scores: Scores;
  /** The official ranking's departments (ranked ones only) with their tie-break keys. */
  ranked: readonly (RankKey & { departmentId: number })[];
  /** The official bottom N, last one last. */
  flaggedDepartmentIds: readonly number[];
  min?: number;
};

export type WeightedResult = {
  strata: MergedStratum[];
  /** Kish's effective n of the whole sample under the weights. */
  effectiveN: number;
  respondents: number;
  /** The ranked departments, best weighted mean first. */
  departments: WeightedDepartment[];
  /** The bottom N by weighted mean (same tie-breaks), last one last. */
  bottomThree: number[];
  changed: boolean;
  entering: number[];
  leaving: number[];
};

/**
 * Post-stratified means: each department's ratings weighted by their respondents' stratum weight
 * (Σ w·score ÷ Σ w over its applicable ratings), so a stratum that rated a department not at all simply
 * does not count for it. The ranked departments are re-ranked by those means with the official
 * tie-breaks and the same number flagged.
 */
export function weightedResults(input: WeightedInput): WeightedResult {
  const strata = stratumWeights(input.strata, input.min);
  const weightOf = new Map<string, number>();
  for (const g of strata) for (const m of g.members) weightOf.set(m, g.weight);
  const acc = new Map<number, { sw: number; sws: number; sw2: number; n: number }>();
  for (const s of input.strata) {
    const w = weightOf.get(s.stratum) ?? 0;
    for (const r of s.ratings) {
      if (!(APPLICABLE_LEVELS as readonly string[]).includes(r.level) || r.n <= 0) continue;
      const a = acc.get(r.departmentId) ?? { sw: 0, sws: 0, sw2: 0, n: 0 };
      a.sw += w * r.n;
      a.sws += w * r.n * input.scores[r.level as keyof Scores];
      a.sw2 += w * w * r.n;
      a.n += r.n;
      acc.set(r.departmentId, a);
    }
  }
  const meanOf = (id: number) => {
    const a = acc.get(id);
    return a && a.sw ? a.sws / a.sw : null;
  };
  const reranked = [...input.ranked].sort((a, b) =>
    compareDepartments({ ...a, mean: meanOf(a.departmentId) }, { ...b, mean: meanOf(b.departmentId) }),
  );
  const departments = reranked.map((d) => {
    const a = acc.get(d.departmentId);
    return { departmentId: d.departmentId, mean: meanOf(d.departmentId), n: a?.n ?? 0, effectiveN: a && a.sw2 ? (a.sw * a.sw) / a.sw2 : 0 };
  });
  const bottomThree = reranked.slice(reranked.length - input.flaggedDepartmentIds.length).map((d) => d.departmentId);
  const entering = bottomThree.filter((id) => !input.flaggedDepartmentIds.includes(id));
  const leaving = input.flaggedDepartmentIds.filter((id) => !bottomThree.includes(id));
  return {
    strata,
    effectiveN: effectiveSampleSize(strata.map((g) => ({ weight: g.weight, count: g.respondents }))),
    respondents: strata.reduce((s, g) => s + g.respondents, 0),
    departments,
    bottomThree,
    changed: entering.length + leaving.length > 0,
    entering,
    leaving,
  };
}
