// Rating counts by level: the form every result starts from (a SQL GROUP BY, or counted from raw
// ratings). Adding up a round's rows per department, and rejecting rows that cannot be right
// (unknown departments, duplicate ids or codes, negative or fractional counts) before any arithmetic.
import { RATING_LEVELS } from './scale.ts';
import type { RatingLevel } from './scale.ts';

export type RatingCounts = Record<RatingLevel, number>;
export type DepartmentRef = { id: number; code: string; name: string };
/** One department's rating counts by level (a SQL GROUP BY row set); missing levels count 0. */
export type DepartmentCounts = { departmentId: number; counts: Partial<RatingCounts> };
export type DepartmentVotes = { departmentId: number; votes: number };

export function emptyCounts(): RatingCounts {
  return { satisfied: 0, fairly_satisfied: 0, basically_satisfied: 0, dissatisfied: 0, not_applicable: 0 };
}

const LEVEL_SET: ReadonlySet<string> = new Set(RATING_LEVELS);

/** Counts by department and level from raw ratings, sorted by department id. */
export function countRatings(
  ratings: readonly { departmentId: number; level: RatingLevel }[],
): { departmentId: number; counts: RatingCounts }[] {
  const byDepartment = new Map<number, RatingCounts>();
  for (const { departmentId, level } of ratings) {
    if (!LEVEL_SET.has(level)) throw new RangeError(`unknown rating level: ${String(level)}`);
    let counts = byDepartment.get(departmentId);
    if (!counts) byDepartment.set(departmentId, (counts = emptyCounts()));
    counts[level]++;
  }
  return [...byDepartment.entries()].sort(([a], [b]) => a - b).map(([departmentId, counts]) => ({ departmentId, counts }));
}

/** Level by level sum of several departments' counts. */
export function sumCounts(all: readonly RatingCounts[]): RatingCounts {
  const total = emptyCounts();
  for (const counts of all) for (const level of RATING_LEVELS) total[level] += counts[level];
  return total;
}

function assertCount(value: number, what: string): void {
  if (!(Number.isInteger(value) && value >= 0)) {
    throw new RangeError(`${what} must be a non-negative integer, got ${value}`);
  }
}

/**
 * Each department's counts and "least satisfied" votes, in the order of `departments`: rows for the
 * same department are added, a department without rows has none. Throws a RangeError on a duplicate
 * department id or code, a row for a department not in the list, or a negative or fractional count.
 */
export function tallyDepartments(
  departments: readonly DepartmentRef[],
  countRows: readonly DepartmentCounts[],
  voteRows: readonly DepartmentVotes[],
): { counts: RatingCounts[]; votes: number[] } {
  const indexById = new Map<number, number>();
  const codes = new Set<string>();
  departments.forEach((ref, i) => {
    if (indexById.has(ref.id)) throw new RangeError(`duplicate department id ${ref.id}`);
    if (codes.has(ref.code)) throw new RangeError(`duplicate department code ${ref.code}`);
    indexById.set(ref.id, i);
    codes.add(ref.code);
  });
  const indexOf = (departmentId: number, what: string): number => {
    const i = indexById.get(departmentId);
    if (i === undefined) throw new RangeError(`${what} for unknown department ${departmentId}`);
    return i;
  };

  const counts = departments.map(() => emptyCounts());
  for (const row of countRows) {
    const into = counts[indexOf(row.departmentId, 'counts')]!;
    for (const level of RATING_LEVELS) {
      const value = row.counts[level] ?? 0;
      assertCount(value, `count of ${level} for department ${row.departmentId}`);
      into[level] += value;
    }
  }
  const votes = departments.map(() => 0);
  for (const row of voteRows) {
    const i = indexOf(row.departmentId, 'votes');
    assertCount(row.votes, `votes for department ${row.departmentId}`);
    votes[i]! += row.votes;
  }
  return { counts, votes };
}
