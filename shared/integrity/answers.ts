// Answers as the integrity checks see them: the level each department got and the "least satisfied"
// votes, with how many answers were exactly alike. No id, no time, no enterprise: the server reads them
// grouped, so a report cannot point at one respondent even by accident.
import type { DepartmentCounts, DepartmentVotes } from '../results/counts.ts';
import type { RatingLevel } from '../results/scale.ts';

export type AnswerPattern = {
  /** Level by department id; a department the answer did not rate is absent. */
  ratings: Readonly<Record<number, RatingLevel>>;
  /** Department ids voted "least satisfied". */
  votes: readonly number[];
  /** How many answers had exactly these ratings and votes (≥ 1). */
  count: number;
};

/** The key two answers share when they gave every department the same level (votes aside). */
export function ratingsKey(ratings: Readonly<Record<number, RatingLevel>>): string {
  return Object.keys(ratings)
    .map(Number)
    .sort((a, b) => a - b)
    .map((id) => `${id}:${ratings[id]}`)
    .join(',');
}

/** Rating counts and votes per department from answer patterns: the input computeResults takes. */
export function countsOf(answers: readonly AnswerPattern[]): { counts: DepartmentCounts[]; votes: DepartmentVotes[] } {
  const counts = new Map<number, Partial<Record<RatingLevel, number>>>();
  const votes = new Map<number, number>();
  for (const a of answers) {
    for (const [id, level] of Object.entries(a.ratings)) {
      const c = counts.get(Number(id)) ?? {};
      c[level] = (c[level] ?? 0) + a.count;
      counts.set(Number(id), c);
    }
    for (const id of a.votes) votes.set(id, (votes.get(id) ?? 0) + a.count);
  }
  return {
    counts: [...counts].map(([departmentId, c]) => ({ departmentId, counts: c })),
    votes: [...votes].map(([departmentId, v]) => ({ departmentId, votes: v })),
  };
}
