import { z } from 'zod';
import { APPEAL_STATUSES } from '../appeals.ts';
import { ESCALATION_LEVELS, ESCALATION_STATUSES } from '../results/escalation.ts';
import { watchSchema } from './escalation-guard.ts';
import { robustnessSchema } from './integrity.ts';
import { reviewNoteSchema, revisionReasonSchema } from '../results/revision-reason.ts';
import { RATING_LEVELS, scaleSchema } from '../results/scale.ts';
import { OFFICIAL_RANKINGS } from '../results/official-ranking.ts';
import { REASON_CODES } from '../reasons.ts';
import { CASE_STATUSES } from './rectification.ts';
import { roundReasonsSchema, ROUND_STATUSES } from './rounds.ts';

const pair = z.tuple([z.number(), z.number()]);
const counts = z.record(z.enum(RATING_LEVELS), z.number().int());

export const reasonCountSchema = z.object({ code: z.enum(REASON_CODES), count: z.number().int().nullable() });

/** Which department a row is about, as results and the escalation board both name it. */
const departmentRef = {
  departmentId: z.number().int(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  category: z.string(),
};

export const departmentResultSchema = z.object({
  ...departmentRef,
  n: z.number().int(),
  notApplicable: z.number().int(),
  mean: z.number().nullable(),
  sd: z.number().nullable(),
  ci95: pair.nullable(),
  satisfactionRate: z.number().nullable(),
  dissatisfiedRate: z.number().nullable(),
  leastSatisfiedVotes: z.number().int(),
  rank: z.number().int().nullable(),
  previousRank: z.number().int().nullable(),
  flagged: z.boolean(),
  pBottom: z.number().nullable(),
  rankInterval: pair.nullable(),
  status: z.enum(['ranked', 'insufficient']),
  /** Ratings by level; null where the reader may not see the distribution. */
  counts: counts.nullable(),
  /**
   * Reasons for 不满意, most chosen first, each offered reason once; count null where fewer than 3 firms
   * chose it. The whole list is null where the reader may not see it (another department, for a head).
   */
  reasons: z.array(reasonCountSchema).nullable(),
});
export type DepartmentResultView = z.infer<typeof departmentResultSchema>;

const limits = z.object({ lo95: z.number(), hi95: z.number(), lo998: z.number(), hi998: z.number() });
export const funnelSchema = z.object({
  mean: z.number().nullable(),
  sd: z.number().nullable(),
  n: z.number().int(),
  points: z.array(limits.extend({ n: z.number() })),
});

export const resultsSchema = z.object({
  round: z.object({
    id: z.string(),
    status: z.enum(ROUND_STATUSES),
    version: z.number().int(),
    computedAt: z.string(),
    publishedAt: z.string().nullable(),
    correctionReason: z.string().nullable(),
    responses: z.number().int(),
  }),
  rules: z.object({
    minRatings: z.number().int(),
    bottomN: z.number().int(),
    simulations: z.number().int(),
    simulationSeed: z.string(),
    escalationPolicy: z.string(),
    scale: scaleSchema,
    rankingRule: z.object({ zh: z.string(), en: z.string() }),
    /** The reasons for 不满意 the round offered, with their wording. */
    reasons: roundReasonsSchema,
    /** The ranking the published places follow (the round's rules; unweighted for versions from before the choice). */
    officialRanking: z.enum(OFFICIAL_RANKINGS),
  }),
  departments: z.array(departmentResultSchema),
  funnel: funnelSchema,
  /**
   * Whether the bottom N would change without the answers the integrity check flagged, or without the
   * straight-lined ones; null for department heads and for versions computed before the check existed.
   */
  robustness: robustnessSchema.nullable(),
});
export type Results = z.infer<typeof resultsSchema>;

export const correctBodySchema = z.object({ reason: z.string().trim().min(5, 'a reason of at least 5 characters is required').max(2000) });

const level = z.enum(ESCALATION_LEVELS);
const measures = z.array(level);

export const historyEntrySchema = z.object({
  roundId: z.string(),
  publishedAt: z.string(),
  rank: z.number().int().nullable(),
  rankedCount: z.number().int(),
  mean: z.number().nullable(),
  n: z.number().int(),
  leastSatisfiedVotes: z.number().int(),
  satisfactionRate: z.number().nullable(),
  flagged: z.boolean(),
  /** The streak the round's policy decided by; 0 when not flagged. */
  streak: z.number().int(),
  headStreak: z.number().int(),
  departmentStreak: z.number().int(),
  level: level.nullable(),
  measures,
  headName: z.string().nullable(),
});
export const departmentHistorySchema = z.object({
  department: z.object({ id: z.number().int(), code: z.string(), nameZh: z.string(), nameEn: z.string().nullable() }),
  rounds: z.array(historyEntrySchema),
});

/** One measure of a record, followed up on its own. */
export const measureStateSchema = z.object({
  id: z.number().int(),
  measure: level,
  status: z.enum(ESCALATION_STATUSES),
  scheduledFor: z.string().nullable(),
  doneAt: z.string().nullable(),
  notes: z.string().nullable(),
});
export type MeasureState = z.infer<typeof measureStateSchema>;

export const escalationSchema = z.object({
  id: z.number().int(),
  roundId: z.string(),
  departmentId: z.number().int(),
  departmentCode: z.string(),
  departmentName: z.string(),
  departmentNameEn: z.string().nullable(),
  /** The most severe of `measures`. */
  level,
  measures,
  measureStates: z.array(measureStateSchema),
  /** The streak the policy decided by (the head's under 2021-v2). */
  streak: z.number().int(),
  headStreak: z.number().int(),
  departmentStreak: z.number().int(),
  policyVersion: z.string(),
  /** The head in office on the round's scheduled closing day (a department_heads id). */
  responsibleHeadId: z.number().int().nullable(),
  headName: z.string().nullable(),
  headTitle: z.string().nullable(),
  status: z.enum(ESCALATION_STATUSES),
  scheduledFor: z.string().nullable(),
  doneAt: z.string().nullable(),
  notes: z.string().nullable(),
  commitment: z.string().nullable(),
  /** Set when a re-derivation replaced (or withdrew) the record; the reason says why. */
  supersededAt: z.string().nullable(),
  supersededById: z.number().int().nullable(),
  supersededReason: revisionReasonSchema.nullable(),
  /** Re-derivation would change the record, but a measure is done: for the admin to decide. */
  needsReview: z.boolean(),
  reviewNote: reviewNoteSchema.nullable(),
  createdAt: z.string(),
  /** The department's appeal of this round, if any; its measures are on hold while it is pending. */
  appeal: z.object({ id: z.number().int(), status: z.enum(APPEAL_STATUSES) }).nullable(),
});
export type EscalationRecord = z.infer<typeof escalationSchema>;

export const escalationBoardSchema = z.object({
  /** The city's day (TZ_CITY) when the board was read: what "overdue" and "due soon" are judged against. */
  today: z.iso.date(),
  /** The latest published quarter: what the departments' current levels ("本季度") are as of. */
  latestRound: z.string().nullable(),
  departments: z.array(
    z.object({
      ...departmentRef,
      /** As of the latest evaluation: the deciding streak, the head's and the department's. */
      streak: z.number().int(),
      headStreak: z.number().int(),
      departmentStreak: z.number().int(),
      level: level.nullable(),
      measures,
      headName: z.string().nullable(),
      lastFlaggedRound: z.string().nullable(),
      timesFlagged: z.number().int(),
    }),
  ),
  /** Current records, newest quarter first. */
  records: z.array(escalationSchema),
  /** Records replaced or withdrawn by a re-derivation, newest first: the revision history. */
  superseded: z.array(escalationSchema),
  /** Departments watched (观察) instead of measured under a policy with the statistical guard, newest quarter first. */
  watches: z.array(watchSchema),
});

const isoDate = z.iso.date({ message: 'expected a date YYYY-MM-DD' });
const escalationFields = z.object({
  status: z.enum(['pending', 'scheduled', 'done']).optional(),
  /** The admin has looked at a record flagged by a re-derivation. */
  needsReview: z.literal(false).optional(),
  scheduledFor: isoDate.nullable().optional(),
  doneAt: isoDate.nullable().optional(),
  notes: z.string().max(5000).nullable().optional(),
  commitment: z.string().max(20_000).nullable().optional(),
});

/** A change to an escalation record: any of its fields (PATCH). */
export const escalationPatchSchema = escalationFields.refine((p) => Object.keys(p).length > 0, 'nothing to change');

/** 已安排 names the day it is scheduled for, so the board never shows it without one. */
export const scheduledHasDate = (r: { status?: string | null; scheduledFor?: string | null }) =>
  r.status !== 'scheduled' || !!r.scheduledFor;

/**
 * The admin's form sends the record whole, so it can ask for both dates up front. A PATCH is judged
 * on the record as it will be stored instead (the date may already be there; 已完成 defaults to today).
 */
export const escalationFormSchema = escalationPatchSchema
  .refine(scheduledHasDate, { message: 'scheduledFor is required when status is scheduled', path: ['scheduledFor'] })
  .refine((p) => p.status !== 'done' || !!p.doneAt, { message: 'doneAt is required when status is done', path: ['doneAt'] });

/** A change to one measure of a record (PATCH /escalations/:id/measures/:measure). */
export const measurePatchSchema = z
  .object({
    status: z.enum(['pending', 'scheduled', 'done', 'withdrawn']).optional(),
    scheduledFor: isoDate.nullable().optional(),
    doneAt: isoDate.nullable().optional(),
    notes: z.string().max(5000).nullable().optional(),
  })
  .refine((p) => Object.keys(p).length > 0, 'nothing to change');
export const measureParamSchema = z.object({ id: z.coerce.number().int().positive(), measure: level });

/** One department's state in one published quarter (shared/results/department-state.ts). */
const nextStepSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('appeal'), due: z.null(), overdue: z.literal(false) }),
  z.object({
    kind: z.literal('measure'),
    measure: level,
    status: z.enum(['pending', 'scheduled']),
    due: z.string().nullable(),
    overdue: z.boolean(),
  }),
  z.object({
    kind: z.literal('rectification'),
    caseId: z.number().int(),
    status: z.enum(['open', 'returned', 'submitted']),
    due: z.string(),
    overdue: z.boolean(),
  }),
]);
export const departmentStateSchema = z.object({
  roundId: z.string(),
  departmentId: z.number().int(),
  departmentCode: z.string(),
  departmentName: z.string(),
  departmentNameEn: z.string().nullable(),
  rank: z.number().int().nullable(),
  rankedCount: z.number().int(),
  fromBottom: z.number().int().nullable(),
  mean: z.number().nullable(),
  dissatisfiedRate: z.number().nullable(),
  flagged: z.boolean(),
  measures: z.array(z.object({ measure: level, status: z.enum(ESCALATION_STATUSES), date: z.string().nullable() })),
  rectification: z
    .object({
      id: z.number().int(),
      status: z.enum(CASE_STATUSES),
      deadline: z.string(),
      overdue: z.boolean(),
      closedAt: z.string().nullable(),
    })
    .nullable(),
  appeal: z.object({ id: z.number().int(), status: z.enum(APPEAL_STATUSES) }).nullable(),
  next: z.array(nextStepSchema),
  open: z.boolean(),
});
export type DepartmentStateView = z.infer<typeof departmentStateSchema>;
export const departmentStatesQuerySchema = z.object({
  departmentId: z.coerce.number().int().positive().optional(),
  roundId: z.string().max(10).optional(),
  /** Only the quarters where the department was flagged or something is recorded (the default), or every quarter. */
  all: z.enum(['true', 'false']).optional(),
});
export const departmentStatesSchema = z.object({
  /** The city's day the states were judged on (overdue, due). */
  today: z.iso.date(),
  /** Newest quarter first, then by department code. */
  states: z.array(departmentStateSchema),
});
