import { z } from 'zod';
import { CURRENT_POLICY, POLICIES } from '../results/escalation.ts';
import { DEFAULT_SCALE, scaleSchema } from '../results/scale.ts';
import { DEFAULT_OFFICIAL_RANKING, OFFICIAL_RANKINGS } from '../results/official-ranking.ts';
import { DEFAULT_REASONS, REASON_CODES } from '../reasons.ts';
import { contactPlanInputSchema, contactPlanSchema } from './outbox.ts';

export const ROUND_STATUSES = ['draft', 'pool_frozen', 'drawn', 'open', 'closed', 'published', 'voided'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];
export const STRATIFY_BY = ['township', 'industry', 'size'] as const;
export type StratifyBy = (typeof STRATIFY_BY)[number];

// 2026Q1; after a round is voided its quarter is re-run as 2026Q1R2 (the voided one keeps its id and record).
export const roundIdSchema = z
  .string()
  .trim()
  .regex(/^\d{4}Q[1-4](R[2-9])?$/, 'round id must look like 2026Q1 (year, Q, quarter 1–4), or 2026Q1R2 for a re-run after voiding');
export const roundParamSchema = z.object({ id: roundIdSchema });

const isoDateTime = z.iso.datetime({ offset: true, message: 'expected an ISO date-time such as 2026-04-01T00:00:00+08:00' });

/** The reasons for 不满意 a round offers: known codes, each once, worded in both languages; [] asks for none. */
export const roundReasonsSchema = z
  .array(
    z.object({
      code: z.enum(REASON_CODES, { message: `reason code must be one of ${REASON_CODES.join(', ')}` }),
      labelZh: z.string().trim().min(1).max(40),
      labelEn: z.string().trim().min(1).max(80),
    }),
  )
  .max(REASON_CODES.length)
  .refine((list) => new Set(list.map((r) => r.code)).size === list.length, 'each reason code at most once');

const settings = {
  sampleSize: z.number().int().min(1, 'sample size must be at least 1').max(100_000),
  stratifyBy: z.enum(STRATIFY_BY).nullable(),
  departmentIds: z.array(z.number().int().positive()).min(1, 'at least one department takes part').max(500),
  scale: scaleSchema,
  reasons: roundReasonsSchema,
  officialRanking: z.enum(OFFICIAL_RANKINGS, { message: `official ranking must be one of ${OFFICIAL_RANKINGS.join(', ')}` }),
  votesLimit: z.number().int().min(0).max(10),
  minRatings: z.number().int().min(1).max(10_000),
  bottomN: z.number().int().min(1).max(20),
  escalationPolicy: z.string().refine((v) => v in POLICIES, 'unknown escalation policy version'),
  rotationExclusion: z.boolean(),
  opensAt: isoDateTime,
  closesAt: isoDateTime,
  contactPlan: contactPlanInputSchema,
};

const deadlineAfterOpening = (r: { opensAt?: string; closesAt?: string }) =>
  !r.opensAt || !r.closesAt || Date.parse(r.closesAt) > Date.parse(r.opensAt);
const deadlineMessage = { message: 'the deadline (closesAt) must be after the opening (opensAt)', path: ['closesAt'] };

export const createRoundSchema = z
  .object({
    id: roundIdSchema,
    sampleSize: settings.sampleSize.default(200),
    stratifyBy: settings.stratifyBy.default(null),
    departmentIds: settings.departmentIds.optional(), // default: all active departments
    scale: settings.scale.default(DEFAULT_SCALE),
    reasons: settings.reasons.default(DEFAULT_REASONS),
    officialRanking: settings.officialRanking.default(DEFAULT_OFFICIAL_RANKING),
    votesLimit: settings.votesLimit.default(3),
    minRatings: settings.minRatings.default(10),
    bottomN: settings.bottomN.default(3),
    escalationPolicy: settings.escalationPolicy.default(CURRENT_POLICY.version),
    rotationExclusion: settings.rotationExclusion.default(true),
    opensAt: settings.opensAt,
    closesAt: settings.closesAt,
    // Absent: DEFAULT_CONTACT_PLAN, applied by the server, which judges only a plan the request gives.
    contactPlan: settings.contactPlan.optional(),
  })
  .refine(deadlineAfterOpening, deadlineMessage);
export type CreateRound = z.infer<typeof createRoundSchema>;

export const updateRoundSchema = z.object(settings).partial().refine(deadlineAfterOpening, deadlineMessage);

export const roundDepartmentSchema = z.object({
  departmentId: z.number().int(),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string().nullable(),
  category: z.string(),
});

export const roundSchema = z.object({
  id: z.string(),
  status: z.enum(ROUND_STATUSES),
  sampleSize: z.number().int(),
  stratifyBy: z.enum(STRATIFY_BY).nullable(),
  rotationExclusion: z.boolean(),
  votesLimit: z.number().int(),
  minRatings: z.number().int(),
  bottomN: z.number().int(),
  escalationPolicy: z.string(),
  scale: scaleSchema,
  reasons: roundReasonsSchema,
  /** Which ranking is official: unweighted unless the rules say weighted (shared/results/official-ranking.ts). */
  officialRanking: z.enum(OFFICIAL_RANKINGS),
  opensAt: z.string(),
  closesAt: z.string(),
  poolHash: z.string().nullable(),
  poolSize: z.number().int().nullable(),
  frozenAt: z.string().nullable(),
  seed: z.string().nullable(),
  seedSource: z.enum(['ceremony', 'server']).nullable(),
  quotas: z.record(z.string(), z.number()).nullable(),
  drawnAt: z.string().nullable(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  /** Results computed after the last close: the close is final (see shared/round-lifecycle.ts answersFinal). */
  finalizedAt: z.string().nullable(),
  voidedAt: z.string().nullable(),
  voidReason: z.string().nullable(),
  departments: z.array(roundDepartmentSchema),
  /** Invitation and reminders by SMS and e-mail (server/outbound), frozen with the round's rules. */
  contactPlan: contactPlanSchema,
});
export type Round = z.infer<typeof roundSchema>;
export const roundSummarySchema = roundSchema.omit({ departments: true, seed: true }).extend({ departmentCount: z.number().int() });

export const freezeResultSchema = z.object({ poolHash: z.string(), poolSize: z.number().int(), frozenAt: z.string() });

export const drawBodySchema = z.object({
  // A ceremony seed (dice digits, witnesses' words). Absent: the server's CSPRNG draws one.
  seed: z
    .string()
    .max(1000)
    .optional()
    .refine((s) => s === undefined || [...s.normalize('NFKC').trim()].length >= 6, 'seed: at least 6 characters after normalisation')
    .refine((s) => s === undefined || [...s.normalize('NFKC').trim()].length <= 256, 'seed: at most 256 characters after normalisation'),
});
export const drawResultSchema = z.object({
  seed: z.string(),
  seedSource: z.enum(['ceremony', 'server']),
  sample: z.number().int(),
  backups: z.number().int(),
  poolHash: z.string(),
});

export const reasonBodySchema = z.object({ reason: z.string().trim().min(2, 'a reason is required').max(1000) });
export const reopenBodySchema = reasonBodySchema.extend({ closesAt: isoDateTime });

export const INVITATION_STATUSES = ['not_opened', 'opened', 'drafted', 'submitted', 'replaced'] as const;
export const invitationSchema = z.object({
  uscc: z.string(),
  name: z.string(),
  stratum: z.string(),
  township: z.string(),
  industry: z.string(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  status: z.enum(INVITATION_STATUSES),
  /** Status and days as reported (in batches, see server/invitations/reported.ts). The day first opened (YYYY-MM-DD), never the time. */
  openedAt: z.string().nullable(),
  /** The day of submission (YYYY-MM-DD): the invitation keeps no time. */
  submittedAt: z.string().nullable(),
  /** The full personal link (admins only). Null once replaced. */
  link: z.string().nullable(),
  generation: z.number().int(),
  replacedBy: z.string().nullable(),
  replaces: z.string().nullable(),
});
export type Invitation = z.infer<typeof invitationSchema>;
export const invitationParamSchema = z.object({ id: roundIdSchema, uscc: z.string().trim().toUpperCase().min(1).max(18) });
export const replaceResultSchema = z.object({ out: z.string(), in: z.string(), reason: z.string(), invitation: invitationSchema });

export const PROGRESS_GROUPS = ['all', 'suppressed', 'after_close'] as const;
const progressCounts = z.object({
  invited: z.number().int(),
  opened: z.number().int(),
  drafted: z.number().int(),
  submitted: z.number().int(),
  responseRate: z.number(),
});
export const progressSchema = progressCounts.extend({
  roundId: z.string(),
  status: z.enum(ROUND_STATUSES),
  closesAt: z.string(),
  replaced: z.number().int(),
  /**
   * all: every group (the admin). suppressed: after close, groups under 5 respondents left out (leaders,
   * supervisors). after_close: while the round runs, no groups for them (they would show the sample's make-up).
   */
  groups: z.enum(PROGRESS_GROUPS),
  byStratum: z.array(progressCounts.extend({ key: z.string() })),
  byTownship: z.array(progressCounts.extend({ key: z.string() })),
  byIndustry: z.array(progressCounts.extend({ key: z.string() })),
});
export type Progress = z.infer<typeof progressSchema>;
