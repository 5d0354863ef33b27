// Public disclosure (公开通报): what anyone may read about a published round, without a login.
// Built from the published results only — never comments, requests, per-answer data or invitations.
import { z } from 'zod';
import { ESCALATION_LEVELS, ESCALATION_STATUSES } from '../results/escalation.ts';
import { scaleSchema } from '../results/scale.ts';
import { GUARD_REASONS, WATCH_REVIEW_DECISIONS } from '../results/escalation-guard.ts';
import { TIMELINE_EVENTS } from '../rectification-timeline.ts';
import { CASE_STATUSES } from './rectification.ts';
import { OFFICIAL_RANKINGS } from '../results/official-ranking.ts';
import { departmentStateSchema, reasonCountSchema } from './results.ts';
import { roundReasonsSchema } from './rounds.ts';

const count = z.number().int();
export const publicCaseTimelineSchema = z.object({
  commitment: z.string().nullable(),
  measures: z.array(z.object({ measure: z.string(), due: z.string() })),
  events: z.array(z.object({ at: z.string(), kind: z.enum(TIMELINE_EVENTS), text: z.string().nullable() })),
  callbacks: z.object({ entries: count, calledBack: count, reached: count, solved: count, satisfied: count }),
});

/** The city's choice: the whole ranking, or the bottom three and a summary of the rest. */
export const PUBLIC_DISCLOSURES = ['full', 'bottom'] as const;
export type PublicDisclosure = (typeof PUBLIC_DISCLOSURES)[number];

export const MEASURES = ESCALATION_LEVELS;
const pair = z.tuple([z.number(), z.number()]);

export const publicDepartmentSchema = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  rank: z.number().int().nullable(),
  n: z.number().int(),
  mean: z.number().nullable(),
  ci95: pair.nullable(),
  satisfactionRate: z.number().nullable(),
  dissatisfiedRate: z.number().nullable(),
  leastSatisfiedVotes: z.number().int(),
  pBottom: z.number().nullable(),
  flagged: z.boolean(),
  status: z.enum(['ranked', 'insufficient']),
});

/** The quarter's state as every page shows it (department-state.ts); nothing in it is about answers. */
export const publicStateSchema = departmentStateSchema.pick({
  roundId: true,
  rank: true,
  rankedCount: true,
  fromBottom: true,
  flagged: true,
  measures: true,
  rectification: true,
  appeal: true,
  next: true,
});

export const publicFlaggedSchema = publicDepartmentSchema.extend({
  /** Consecutive flagged evaluations that decided the measures. */
  streak: z.number().int(),
  measures: z.array(z.enum(MEASURES)),
  measuresStatus: z.enum(ESCALATION_STATUSES).nullable(),
  measuresDoneAt: z.string().nullable(),
  /** Watched (观察) instead of measured under the statistical guard, why, and the supervisor's decision so far. */
  watch: z.object({ reasons: z.array(z.enum(GUARD_REASONS)), review: z.enum(WATCH_REVIEW_DECISIONS).nullable() }).nullable(),
  rectification: z
    .object({
      status: z.enum(CASE_STATUSES),
      deadline: z.string(),
      ledgerEntries: z.number().int(),
      closedAt: z.string().nullable(),
      /** The case through time (shared/rectification-timeline.ts): commitments, dated progress, call-back counts; no firm. */
      timeline: publicCaseTimelineSchema,
    })
    .nullable(),
  state: publicStateSchema.nullable(),
  /**
   * Reasons for 不满意 as firms chose them, most chosen first; count null where fewer than 3 chose it (the
   * same suppression the office reads). Only for flagged departments, only once published.
   */
  reasons: z.array(reasonCountSchema),
});

export const publicRoundSchema = z.object({
  round: z.object({
    id: z.string(),
    publishedAt: z.string(),
    version: z.number().int(),
    correctionReason: z.string().nullable(),
    responses: z.number().int(),
    sampleSize: z.number().int(),
    departments: z.number().int(),
    ranked: z.number().int(),
  }),
  disclosure: z.enum(PUBLIC_DISCLOSURES),
  method: z.object({
    scale: scaleSchema,
    minRatings: z.number().int(),
    bottomN: z.number().int(),
    simulations: z.number().int(),
    rankingRule: z.object({ zh: z.string(), en: z.string() }),
    escalationPolicy: z.string(),
    /** Which ranking is official (the round's rules): unweighted, or weighted to the registry. */
    officialRanking: z.enum(OFFICIAL_RANKINGS),
    /** The reasons for 不满意 the round offered, with their wording. */
    reasons: roundReasonsSchema,
    stratifyBy: z.string().nullable(),
    poolSize: z.number().int().nullable(),
    poolHash: z.string().nullable(),
    seed: z.string().nullable(),
    seedSource: z.enum(['ceremony', 'server']).nullable(),
    drawnAt: z.string().nullable(),
  }),
  summary: z.object({
    /** Mean of the ranked departments' scores. */
    meanScore: z.number().nullable(),
    /** Ratings at 基本满意 or better over all applicable ratings of the round. */
    satisfactionRate: z.number().nullable(),
    /** Ratings at 不满意 over all applicable ratings of the round: with the mean score, what leads. */
    dissatisfiedRate: z.number().nullable(),
    best: publicDepartmentSchema.nullable(),
  }),
  /** Full disclosure: every department in rank order; bottom: the flagged ones only. */
  departments: z.array(publicDepartmentSchema),
  flagged: z.array(publicFlaggedSchema),
  drawRecordUrl: z.string(),
  /**
   * The audit chain's head when the round was published (its publication entry): anyone may keep it;
   * verifying the log fails once the chain no longer contains it. Null for rounds published before heads were stored.
   */
  auditHead: z.object({ id: z.number().int(), hash: z.string(), at: z.string() }).nullable(),
});
export type PublicRound = z.infer<typeof publicRoundSchema>;
export type PublicDepartment = z.infer<typeof publicDepartmentSchema>;

export const publicRoundListSchema = z.array(
  z.object({
    id: z.string(),
    publishedAt: z.string(),
    responses: z.number().int(),
    departments: z.number().int(),
    flagged: z.array(z.object({ code: z.string(), name: z.string(), nameEn: z.string().nullable(), rank: z.number().int().nullable() })),
  }),
);
