// A rank as a reader wants it: "第 53 名（倒数第 1）" says at once that the department is last.

/** 1 for the last ranked department; null when unranked. */
export function placeFromBottom(rank: number | null, rankedCount: number): number | null {
  if (rank === null || rank < 1 || rank > rankedCount) return null;
  return rankedCount - rank + 1;
}

/** The gap in score to the department ranked just above (the next one up); null for the first. */
export function gapToNext(departments: readonly { rank: number | null; mean: number | null }[], rank: number | null): number | null {
  if (rank === null || rank <= 1) return null;
  const me = departments.find((d) => d.rank === rank);
  const above = departments.find((d) => d.rank === rank - 1);
  if (me?.mean == null || above?.mean == null) return null;
  return above.mean - me.mean;
}
