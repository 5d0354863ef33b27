// The survey's completeness rules with no dependencies: the form (on a cheap phone) and the server run the same code.
import type { RatingLevel } from './results/levels.ts';
import { REASONS_MAX } from './reasons.ts';

export const COMMENT_MAX = 500;
export const OVERALL_COMMENT_MAX = 2000;

/** reasonCodes: the reasons for 不满意 the round offers (its frozen rules). */
export interface SurveyRules {
  departmentIds: number[];
  votesLimit: number;
  reasonCodes: readonly string[];
}
export interface SubmissionProblem {
  code: string;
  message: string;
  departmentIds?: number[];
}

type RatingIn = { departmentId: number; level: RatingLevel; comment?: string | undefined; reasons?: readonly string[] | undefined };

/**
 * Every department exactly once, no unknown one, votes within the limit and only for rated departments;
 * reasons only with 不满意, at most REASONS_MAX, each once and offered by the round.
 */
export function checkSubmission(
  s: { ratings: readonly RatingIn[]; leastSatisfied: readonly number[] },
  rules: SurveyRules,
): SubmissionProblem[] {
  const problems: SubmissionProblem[] = [];
  const known = new Set(rules.departmentIds);
  const seen = new Map<number, RatingLevel>();
  const duplicates: number[] = [];
  for (const r of s.ratings) {
    if (seen.has(r.departmentId)) duplicates.push(r.departmentId);
    seen.set(r.departmentId, r.level);
  }
  const unknown = [...seen.keys()].filter((id) => !known.has(id));
  const missing = rules.departmentIds.filter((id) => !seen.has(id));
  if (unknown.length)
    problems.push({
      code: 'unknown_department',
      message: `Unknown department(s) in this round: ${unknown.join(', ')}`,
      departmentIds: unknown,
    });
  if (duplicates.length)
    problems.push({
      code: 'duplicate_rating',
      message: `Department(s) rated more than once: ${duplicates.join(', ')}`,
      departmentIds: duplicates,
    });
  if (missing.length)
    problems.push({ code: 'incomplete', message: `${missing.length} department(s) not answered yet`, departmentIds: missing });
  const naWithComment = s.ratings.filter((r) => r.level === 'not_applicable' && r.comment?.trim()).map((r) => r.departmentId);
  if (naWithComment.length)
    problems.push({
      code: 'comment_on_not_applicable',
      message: 'A department marked 不了解 (no dealings) takes no comment',
      departmentIds: naWithComment,
    });
  problems.push(...checkReasons(s.ratings, rules.reasonCodes));
  const votes = s.leastSatisfied;
  if (new Set(votes).size !== votes.length)
    problems.push({ code: 'duplicate_vote', message: 'A department can receive only one least-satisfied vote per response' });
  if (votes.length > rules.votesLimit)
    problems.push({ code: 'too_many_votes', message: `At most ${rules.votesLimit} least-satisfied vote(s)` });
  const badVotes = votes.filter((id) => !known.has(id) || seen.get(id) === 'not_applicable' || !seen.has(id));
  if (badVotes.length)
    problems.push({
      code: 'vote_not_allowed',
      message: 'Least-satisfied votes can only go to departments of this round that you rated (not 不了解)',
      departmentIds: badVotes,
    });
  return problems;
}

function checkReasons(ratings: readonly RatingIn[], offered: readonly string[]): SubmissionProblem[] {
  const problems: SubmissionProblem[] = [];
  const known = new Set(offered);
  const withReasons = ratings.filter((r) => r.reasons?.length);
  const ids = (pick: (r: RatingIn) => boolean) => withReasons.filter(pick).map((r) => r.departmentId);
  const notDissatisfied = ids((r) => r.level !== 'dissatisfied');
  if (notDissatisfied.length)
    problems.push({
      code: 'reasons_need_dissatisfied',
      message: 'Reasons can be given only with 不满意 (dissatisfied)',
      departmentIds: notDissatisfied,
    });
  const tooMany = ids((r) => r.reasons!.length > REASONS_MAX);
  if (tooMany.length)
    problems.push({ code: 'too_many_reasons', message: `At most ${REASONS_MAX} reasons per department`, departmentIds: tooMany });
  const repeated = ids((r) => new Set(r.reasons).size !== r.reasons!.length);
  if (repeated.length)
    problems.push({ code: 'duplicate_reason', message: 'A reason can be chosen only once per department', departmentIds: repeated });
  const unknown = [...new Set(withReasons.flatMap((r) => r.reasons!.filter((c) => !known.has(c))))];
  if (unknown.length)
    problems.push({
      code: 'unknown_reason',
      message: `Unknown reason(s) for this round: ${unknown.join(', ')}`,
      departmentIds: ids((r) => r.reasons!.some((c) => !known.has(c))),
    });
  return problems;
}
