// The survey's contract and completeness rules, the same in the form and on the server.
import { z } from 'zod';
import { RATING_LEVELS, scaleSchema, type RatingLevel } from './results/scale.ts';

export const COMMENT_MAX = 500;
export const OVERALL_COMMENT_MAX = 2000;

const comment = (max: number) => z.string().max(max, `comment: at most ${max} characters`).optional();

export const ratingAnswerSchema = z.object({
  departmentId: z.number().int().positive(),
  level: z.enum(RATING_LEVELS, { message: `level must be one of ${RATING_LEVELS.join(', ')}` }),
  comment: comment(COMMENT_MAX),
});
export type RatingAnswer = z.infer<typeof ratingAnswerSchema>;

export const submissionSchema = z.object({
  submissionId: z.uuid({ message: 'submissionId must be a UUID' }),
  ratings: z.array(ratingAnswerSchema).max(500),
  leastSatisfied: z.array(z.number().int().positive()).max(20).default([]),
  comment: comment(OVERALL_COMMENT_MAX),
});
export type Submission = z.infer<typeof submissionSchema>;

/** A draft is whatever has been answered so far; completeness is only required to submit. */
export const draftSchema = z.object({
  ratings: z.array(ratingAnswerSchema.extend({ level: z.enum(RATING_LEVELS).nullable() })).max(500).default([]),
  leastSatisfied: z.array(z.number().int().positive()).max(20).default([]),
  comment: comment(OVERALL_COMMENT_MAX),
});
export type Draft = z.infer<typeof draftSchema>;

export interface SurveyRules { departmentIds: number[]; votesLimit: number }
export interface SubmissionProblem { code: string; message: string; departmentIds?: number[] }

/** Every department exactly once, no unknown one, votes within the limit and only for rated departments. */
export function checkSubmission(s: Pick<Submission, 'ratings' | 'leastSatisfied'>, rules: SurveyRules): SubmissionProblem[] {
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
  if (unknown.length) problems.push({ code: 'unknown_department', message: `Unknown department(s) in this round: ${unknown.join(', ')}`, departmentIds: unknown });
  if (duplicates.length) problems.push({ code: 'duplicate_rating', message: `Department(s) rated more than once: ${duplicates.join(', ')}`, departmentIds: duplicates });
  if (missing.length) problems.push({ code: 'incomplete', message: `${missing.length} department(s) not answered yet`, departmentIds: missing });
  const naWithComment = s.ratings.filter((r) => r.level === 'not_applicable' && r.comment?.trim()).map((r) => r.departmentId);
  if (naWithComment.length) problems.push({ code: 'comment_on_not_applicable', message: 'A department marked 不了解 (no dealings) takes no comment', departmentIds: naWithComment });
  const votes = s.leastSatisfied;
  if (new Set(votes).size !== votes.length) problems.push({ code: 'duplicate_vote', message: 'A department can receive only one least-satisfied vote per response' });
  if (votes.length > rules.votesLimit) problems.push({ code: 'too_many_votes', message: `At most ${rules.votesLimit} least-satisfied vote(s)` });
  const badVotes = votes.filter((id) => !known.has(id) || seen.get(id) === 'not_applicable' || !seen.has(id));
  if (badVotes.length) problems.push({ code: 'vote_not_allowed', message: 'Least-satisfied votes can only go to departments of this round that you rated (not 不了解)', departmentIds: badVotes });
  return problems;
}

export const SURVEY_STATES = ['open', 'submitted', 'closed', 'not_open', 'revoked'] as const;
export type SurveyState = (typeof SURVEY_STATES)[number];

export const surveyViewSchema = z.object({
  state: z.enum(SURVEY_STATES),
  round: z.object({ id: z.string(), opensAt: z.string(), closesAt: z.string() }),
  organiser: z.object({ zh: z.string(), en: z.string() }),
  scale: scaleSchema,
  departments: z.array(z.object({ id: z.number().int(), code: z.string(), nameZh: z.string(), nameEn: z.string().nullable(), category: z.string() })),
  votesLimit: z.number().int(),
  submittedAt: z.string().nullable(),
  draft: draftSchema.nullable(),
  draftSavedAt: z.string().nullable(),
});
export type SurveyView = z.infer<typeof surveyViewSchema>;

export const submitResultSchema = z.object({ receipt: z.string(), submittedAt: z.string() });
export const draftSavedSchema = z.object({ savedAt: z.string() });
export const tokenParamSchema = z.object({ token: z.string().min(1).max(100) });
