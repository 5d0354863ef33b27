// Designed rounds for the integrity tests (unit and API): clean answers drawn from per-department
// level shares with a seeded generator, and the patterns coaching or carelessness leave on top of them.
import type { RatingLevel } from '#shared/results/scale.ts';
import { seededUniform } from '#shared/results/stats.ts';

export type LevelShares = Partial<Record<RatingLevel, number>>;

/** Clean: 30% 不了解, then 满意 / 比较满意 / 基本满意 / 不满意 shifting a little from one department to the next. */
export function cleanShares(position: number): LevelShares {
  const worse = position * 0.02;
  return {
    not_applicable: 0.3,
    satisfied: 0.3 - worse,
    fairly_satisfied: 0.25,
    basically_satisfied: 0.1 + worse / 2,
    dissatisfied: 0.05 + worse / 2,
  };
}

/** The level whose cumulative share first exceeds u (0 ≤ u < 1). */
export function pickLevel(shares: LevelShares, u: number): RatingLevel {
  const entries = Object.entries(shares) as [RatingLevel, number][];
  const sum = entries.reduce((s, [, w]) => s + w, 0);
  let acc = 0;
  for (const [level, w] of entries) {
    acc += w / sum;
    if (u < acc) return level;
  }
  return entries.at(-1)![0];
}

/** `n` answers, each department's level drawn from `shares(position)`; one vote for a 不满意 department when there is one. */
export function designedAnswers(
  seed: string,
  departmentIds: readonly number[],
  n: number,
  shares: (position: number, id: number) => LevelShares = cleanShares,
) {
  const u = seededUniform(seed);
  return Array.from({ length: n }, () => {
    const ratings: Record<number, RatingLevel> = {};
    departmentIds.forEach((id, position) => {
      ratings[id] = pickLevel(shares(position, id), u());
    });
    const dissatisfied = departmentIds.filter((id) => ratings[id] === 'dissatisfied');
    return { ratings, votes: dissatisfied.slice(0, 1), count: 1 };
  });
}
