// The rulebook, the ledger and the standings: one schema per payload, for the routes and the web.
import { z } from 'zod';
import { ruleSignProblems } from '../points/rulebook.ts';
import { CADRE_STATUSES, ENTRY_SOURCES, ENTRY_STATUSES, MEASURE_RULE_CODES, RANKS, RULE_KINDS, RULE_LEVELS } from '../points/vocabulary.ts';

const isoDate = z.iso.date({ message: 'expected a date YYYY-MM-DD' });

export const ruleSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,39}$/, 'rule code: lower-case letters, digits and _'),
  kind: z.enum(RULE_KINDS),
  level: z.enum(RULE_LEVELS).nullable(),
  nameZh: z.string().trim().min(1).max(100),
  nameEn: z.string().trim().min(1).max(200),
  points: z.number().int().min(-100).max(100),
});

const rulebookFields = z.object({
  version: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, 'version: letters, digits, . _ -'),
  label: z.string().trim().min(1).max(300),
  effectiveFrom: isoDate,
  basePerYear: z.number().int().min(0).max(20),
  baseCap: z.number().int().min(0).max(200),
  sanctionMonths: z.number().int().min(0).max(120),
  rules: z.array(ruleSchema).min(1),
});

/** A new version of the rulebook (the old ones stay, and keep scoring the entries made under them). */
export const rulebookInputSchema = rulebookFields.superRefine((b, ctx) => {
  for (const message of ruleSignProblems(b.rules)) ctx.addIssue({ code: 'custom', path: ['rules'], message });
  for (const code of MEASURE_RULE_CODES) {
    if (!b.rules.some((r) => r.code === code && r.kind === 'deduction'))
      ctx.addIssue({ code: 'custom', path: ['rules'], message: `the survey's measure ${code} needs a deduction rule` });
  }
});
export type RulebookInput = z.infer<typeof rulebookInputSchema>;

export const rulebookSchema = rulebookFields.extend({ createdAt: z.string(), createdBy: z.string(), inForce: z.boolean() });
export type RulebookView = z.infer<typeof rulebookSchema>;

/** GET /points/rules: the version in force today at the top, every version (newest first) below. */
export const rulesResponseSchema = rulebookSchema.extend({
  versions: z.array(rulebookSchema),
  tieBreak: z.object({ zh: z.string(), en: z.string() }),
});

export const entryInputSchema = z.object({
  cadreId: z.number().int().positive(),
  ruleCode: z.string().trim().min(1).max(40),
  date: isoDate,
  reason: z.string().trim().min(1, 'reason is required').max(2000),
  evidence: z.string().trim().min(1, 'evidence is required (document number, file or link)').max(2000),
});
export type EntryInput = z.infer<typeof entryInputSchema>;

export const reviewInputSchema = z.object({ note: z.string().trim().max(2000).optional() }).default({});
export const reverseInputSchema = z.object({
  reason: z.string().trim().min(1, 'say why the entry is reversed').max(2000),
  evidence: z.string().trim().max(2000).optional(),
  date: isoDate.optional(),
});

export const entrySchema = z.object({
  id: z.number().int(),
  cadreId: z.number().int(),
  cadreCode: z.string(),
  cadreName: z.string(),
  unitId: z.number().int(),
  unitName: z.string(),
  ruleVersion: z.string(),
  ruleCode: z.string(),
  ruleNameZh: z.string(),
  ruleNameEn: z.string(),
  kind: z.enum(RULE_KINDS),
  points: z.number().int(),
  date: z.string(),
  reason: z.string(),
  evidence: z.string(),
  status: z.enum(ENTRY_STATUSES),
  source: z.enum(ENTRY_SOURCES),
  submittedBy: z.string(),
  submittedAt: z.string(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewNote: z.string().nullable(),
  /** The people behind the logins above (null for the system and the rulebook), so that pages name people, never logins. */
  submittedByName: z.string().nullable(),
  reviewedByName: z.string().nullable(),
  reversesId: z.number().int().nullable(),
  reversedById: z.number().int().nullable(),
  escalationId: z.number().int().nullable(),
  roundId: z.string().nullable(),
  measure: z.enum(MEASURE_RULE_CODES).nullable(),
});
export type PointsEntry = z.infer<typeof entrySchema>;

export const entryListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  status: z.enum(ENTRY_STATUSES).optional(),
  source: z.enum(ENTRY_SOURCES).optional(),
  cadreId: z.coerce.number().int().positive().optional(),
  unit: z.string().trim().max(40).optional(),
});

const cohortFields = {
  cadreId: z.number().int(),
  code: z.string(),
  name: z.string(),
  unitId: z.number().int(),
  unitName: z.string(),
  rank: z.enum(RANKS),
  post: z.string(),
  leadership: z.boolean(),
  status: z.enum(CADRE_STATUSES),
  serviceDays: z.number().int(),
  base: z.number().int(),
  awards: z.number().int(),
  deductions: z.number().int(),
  total: z.number().int(),
  position: z.number().int(),
  cohortSize: z.number().int(),
  tiedOnTotal: z.boolean(),
};
export const standingRowSchema = z.object(cohortFields);
export type StandingRow = z.infer<typeof standingRowSchema>;

export const asOfQuerySchema = z.object({ asOf: isoDate.optional() });
export const standingsQuerySchema = asOfQuerySchema.extend({ rank: z.enum(RANKS).optional(), unit: z.string().trim().max(40).optional() });
export const standingsSchema = z.object({
  asOf: z.string(),
  rulebookVersion: z.string().nullable(),
  tieBreak: z.object({ zh: z.string(), en: z.string() }),
  items: z.array(standingRowSchema),
});

export const basePartSchema = z.object({
  days: z.number().int(),
  fullYears: z.number().int(),
  perYear: z.number().int(),
  cap: z.number().int(),
  uncapped: z.number().int(),
  points: z.number().int(),
  capped: z.boolean(),
});
export const cadrePointsSchema = z.object({
  cadreId: z.number().int(),
  asOf: z.string(),
  rulebookVersion: z.string().nullable(),
  base: basePartSchema,
  awards: z.number().int(),
  deductions: z.number().int(),
  total: z.number().int(),
  /** The approved entries counted, oldest first: each award and deduction explained. */
  entries: z.array(entrySchema),
  /** Submitted but not yet reviewed: not counted. */
  pending: z.array(entrySchema),
  cohort: z.object({ rank: z.enum(RANKS), position: z.number().int(), cohortSize: z.number().int(), tiedOnTotal: z.boolean() }).nullable(),
  history: z.array(
    z.object({ date: z.string(), base: z.number().int(), awards: z.number().int(), deductions: z.number().int(), total: z.number().int() }),
  ),
});
export type CadrePoints = z.infer<typeof cadrePointsSchema>;

export const shortlistQuerySchema = asOfQuerySchema.extend({ rank: z.enum(RANKS), places: z.coerce.number().int().min(1).max(500) });
export const shortlistSchema = z.object({
  asOf: z.string(),
  rank: z.enum(RANKS),
  places: z.number().int(),
  rulebookVersion: z.string().nullable(),
  tieBreak: z.object({ zh: z.string(), en: z.string() }),
  eligibleCount: z.number().int(),
  shortlisted: z.array(standingRowSchema),
  reserve: z.array(standingRowSchema),
  tieAtCut: z.boolean(),
  ineligible: z.array(standingRowSchema.extend({ reason: z.enum(['out_of_service', 'under_sanction']) })),
});
export type Shortlist = z.infer<typeof shortlistSchema>;
