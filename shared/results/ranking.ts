// The ranking rule and the bottom-N flag: who is ranked (enough applicable ratings), in what order
// (mean, then the tie-breaks), and who is flagged (the last bottomN ranked). RANKING_RULE_TEXT is
// printed beside every published ranking and compareDepartments is that text in code: change both.

/** The ranking rule, printed beside every published ranking. */
export const RANKING_RULE_TEXT = {
  zh:
    '按平均分从高到低排名；平均分相同时，“最不满意”票数少者在前；仍相同时，满意率（基本满意及以上占比）高者在前；' +
    '再相同时按部门编码升序。有效评价（不含“不了解”）少于规定数量的部门不参与排名；排名最后的若干位（默认倒数三位）被标记。',
  en:
    'Ranked by mean score, highest first. Ties: fewer "least satisfied" votes first, then higher satisfaction ' +
    'rate (share at "basically satisfied" or better), then department code ascending. Departments with fewer ' +
    'applicable ratings ("no dealings" excluded) than the minimum are not ranked; the last ranked ' +
    '(by default the bottom three) are flagged.',
} as const;

/** What the ranking compares. A null mean (no ratings) ranks below any number. */
export type RankKey = {
  mean: number | null;
  leastSatisfiedVotes: number;
  satisfactionRate: number | null;
  code: string;
};

function compareNullableDesc(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a > b ? -1 : 1;
}

/** Department codes ascending, in plain UTF-16 string order (not locale, not numeric). */
export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The tie-break alone: fewer votes, then higher satisfaction rate, then code ascending. */
function compareTieBreak(a: RankKey, b: RankKey): number {
  if (a.leastSatisfiedVotes !== b.leastSatisfiedVotes) return a.leastSatisfiedVotes - b.leastSatisfiedVotes;
  const bySatisfaction = compareNullableDesc(a.satisfactionRate, b.satisfactionRate);
  if (bySatisfaction !== 0) return bySatisfaction;
  return compareCodes(a.code, b.code);
}

/**
 * Negative when a ranks above b (RANKING_RULE_TEXT): mean descending; then fewer "least satisfied"
 * votes; then higher satisfaction rate; then code ascending (plain UTF-16 string order). Means are
 * compared exactly: with integer scores equal fractions give equal doubles (division is correctly
 * rounded). A total order on departments with distinct codes.
 */
export function compareDepartments(a: RankKey, b: RankKey): number {
  return compareNullableDesc(a.mean, b.mean) || compareTieBreak(a, b);
}

/**
 * Position of each key in the tie-break order alone (votes, satisfaction rate, code): the rank
 * simulation breaks ties on a drawn mean by it.
 */
export function tieBreakPositions(keys: readonly RankKey[]): Int32Array {
  const order = keys.map((_, i) => i).sort((a, b) => compareTieBreak(keys[a]!, keys[b]!));
  const positions = new Int32Array(keys.length);
  order.forEach((k, position) => (positions[k] = position));
  return positions;
}

export type Ranking<T> = {
  /** Departments with at least minRatings applicable ratings, best first. */
  ranked: T[];
  /** The others, in their given order. */
  insufficient: T[];
  /**
   * How many of the last ranked are flagged: min(bottomN, ranked); when no more departments are
   * ranked than bottomN, all ranked ones are flagged.
   */
  flaggedCount: number;
};

/** Splits departments into ranked (sorted by compareDepartments) and insufficient, and sizes the flag. */
export function rankDepartments<T extends RankKey & { n: number }>(
  departments: readonly T[],
  rules: { minRatings: number; bottomN: number },
): Ranking<T> {
  const ranked = departments.filter((d) => d.n >= rules.minRatings).sort(compareDepartments);
  return {
    ranked,
    insufficient: departments.filter((d) => d.n < rules.minRatings),
    flaggedCount: Math.min(rules.bottomN, ranked.length),
  };
}
