// The one place the database is described; drizzle-kit generates migrations/ from it.
import { sql } from 'drizzle-orm';
import {
  bigserial, boolean, date, index, integer, jsonb, pgEnum, pgTable, primaryKey, serial, text, timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();

export const roleEnum = pgEnum('role', ['admin', 'leader', 'supervisor', 'dept_head']);
export const sizeClassEnum = pgEnum('size_class', ['large', 'medium', 'small', 'micro']);

export const departments = pgTable('departments', {
  id: serial('id').primaryKey(),
  code: text('code').notNull().unique(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en'),
  category: text('category').notNull(),
  active: boolean('active').notNull().default(true),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** Head tenure history: escalations apply to the head in office at publication. */
export const departmentHeads = pgTable(
  'department_heads',
  {
    id: serial('id').primaryKey(),
    departmentId: integer('department_id').notNull().references(() => departments.id),
    name: text('name').notNull(),
    title: text('title').notNull(),
    since: date('since', { mode: 'string' }).notNull(),
    until: date('until', { mode: 'string' }),
  },
  (t) => [
    index('department_heads_department_idx').on(t.departmentId),
    // At most one head in office per department.
    uniqueIndex('department_heads_current_uq').on(t.departmentId).where(sql`${t.until} is null`),
  ],
);

export const users = pgTable('users', {
  id: serial('id').primaryKey(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  role: roleEnum('role').notNull(),
  departmentId: integer('department_id').references(() => departments.id),
  active: boolean('active').notNull().default(true),
  createdAt: createdAt(),
});

export const enterprises = pgTable(
  'enterprises',
  {
    id: serial('id').primaryKey(),
    uscc: text('uscc').notNull().unique(),
    name: text('name').notNull(),
    industry: text('industry').notNull(),
    sizeClass: sizeClassEnum('size_class').notNull(),
    township: text('township').notNull(),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('enterprises_township_idx').on(t.township), index('enterprises_industry_idx').on(t.industry)],
);

/** Append-only; each row carries the hash of the previous one so tampering is detectable. */
export const auditLog = pgTable('audit_log', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
  actorId: integer('actor_id'),
  actorName: text('actor_name').notNull(),
  action: text('action').notNull(),
  entityType: text('entity_type').notNull(),
  entityId: text('entity_id').notNull(),
  summary: jsonb('summary').notNull(),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});

/** The chain's tip, updated with every append, so that deleting the newest rows is detected too. */
export const auditHead = pgTable('audit_head', {
  id: integer('id').primaryKey(),
  lastId: integer('last_id').notNull(),
  lastHash: text('last_hash').notNull(),
});

// ---------------------------------------------------------------- rounds, draw, invitations
export const roundStatusEnum = pgEnum('round_status', ['draft', 'pool_frozen', 'drawn', 'open', 'closed', 'published', 'voided']);

export const rounds = pgTable('rounds', {
  id: text('id').primaryKey(), // '2026Q1'
  status: roundStatusEnum('status').notNull().default('draft'),
  sampleSize: integer('sample_size').notNull(),
  stratifyBy: text('stratify_by'), // null | township | industry | size
  rotationExclusion: boolean('rotation_exclusion').notNull(),
  votesLimit: integer('votes_limit').notNull(),
  minRatings: integer('min_ratings').notNull(),
  bottomN: integer('bottom_n').notNull(),
  escalationPolicy: text('escalation_policy').notNull(),
  scale: jsonb('scale').notNull(),
  opensAt: timestamp('opens_at', { withTimezone: true, mode: 'date' }).notNull(),
  closesAt: timestamp('closes_at', { withTimezone: true, mode: 'date' }).notNull(),
  poolHash: text('pool_hash'),
  poolSize: integer('pool_size'),
  frozenAt: timestamp('frozen_at', { withTimezone: true, mode: 'date' }),
  seed: text('seed'),
  seedSource: text('seed_source'), // ceremony | server
  quotas: jsonb('quotas'),
  drawnAt: timestamp('drawn_at', { withTimezone: true, mode: 'date' }),
  openedAt: timestamp('opened_at', { withTimezone: true, mode: 'date' }),
  closedAt: timestamp('closed_at', { withTimezone: true, mode: 'date' }),
  publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }),
  voidedAt: timestamp('voided_at', { withTimezone: true, mode: 'date' }),
  voidReason: text('void_reason'),
  /** Comments reach department heads only once an admin releases them. */
  commentsReleasedAt: timestamp('comments_released_at', { withTimezone: true, mode: 'date' }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** The departments taking part: a snapshot, so registry edits do not change a running round. */
export const roundDepartments = pgTable('round_departments', {
  roundId: text('round_id').notNull().references(() => rounds.id),
  departmentId: integer('department_id').notNull().references(() => departments.id),
  code: text('code').notNull(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en'),
  category: text('category').notNull(),
  position: integer('position').notNull(),
}, (t) => [primaryKey({ columns: [t.roundId, t.departmentId] })]);

/** The frozen pool: the whole truth the draw is computed from. */
export const roundPool = pgTable('round_pool', {
  roundId: text('round_id').notNull().references(() => rounds.id),
  uscc: text('uscc').notNull(),
  stratum: text('stratum').notNull(),
  enterpriseId: integer('enterprise_id').notNull().references(() => enterprises.id),
}, (t) => [primaryKey({ columns: [t.roundId, t.uscc] })]);

export const drawEntries = pgTable('draw_entries', {
  roundId: text('round_id').notNull().references(() => rounds.id),
  uscc: text('uscc').notNull(),
  stratum: text('stratum').notNull(),
  ticket: text('ticket').notNull(),
  kind: text('kind').notNull(), // sample | backup
  backupOrder: integer('backup_order'),
}, (t) => [primaryKey({ columns: [t.roundId, t.uscc] })]);

export const replacements = pgTable('replacements', {
  id: serial('id').primaryKey(),
  roundId: text('round_id').notNull().references(() => rounds.id),
  outUscc: text('out_uscc').notNull(),
  inUscc: text('in_uscc').notNull(),
  reason: text('reason').notNull(),
  at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
}, (t) => [uniqueIndex('replacements_in_uq').on(t.roundId, t.inUscc), uniqueIndex('replacements_out_uq').on(t.roundId, t.outUscc)]);

export const invitationStatusEnum = pgEnum('invitation_status', ['not_opened', 'opened', 'drafted', 'submitted', 'replaced']);

/** "Who responded" lives here; "what they answered" lives in responses, with no link back. */
export const invitations = pgTable('invitations', {
  id: serial('id').primaryKey(),
  roundId: text('round_id').notNull().references(() => rounds.id),
  enterpriseId: integer('enterprise_id').notNull().references(() => enterprises.id),
  uscc: text('uscc').notNull(),
  stratum: text('stratum').notNull(),
  /** SHA-256 of the token; the token itself is never stored. */
  tokenHash: text('token_hash').notNull().unique(),
  generation: integer('generation').notNull().default(1),
  status: invitationStatusEnum('status').notNull().default('not_opened'),
  openedAt: timestamp('opened_at', { withTimezone: true, mode: 'date' }),
  draft: jsonb('draft'),
  draftSavedAt: timestamp('draft_saved_at', { withTimezone: true, mode: 'date' }),
  submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }),
  submissionId: uuid('submission_id').unique(),
  replacedAt: timestamp('replaced_at', { withTimezone: true, mode: 'date' }),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('invitations_round_uscc_uq').on(t.roundId, t.uscc), index('invitations_round_idx').on(t.roundId)]);

/** Hashes of links that were regenerated: opening one says "revoked", not "unknown". */
export const revokedTokens = pgTable('revoked_tokens', {
  tokenHash: text('token_hash').primaryKey(),
  roundId: text('round_id').notNull().references(() => rounds.id),
  revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }).notNull(),
});

// ---------------------------------------------------------------- responses (anonymous)
/**
 * One enterprise's answers. Deliberately no invitation, no enterprise and no exact time: the day at
 * most, and coarse attributes reported only for groups of five or more. The id is random so that
 * insertion order does not line up with invitations' submission times.
 */
export const responses = pgTable('responses', {
  id: uuid('id').primaryKey(),
  roundId: text('round_id').notNull().references(() => rounds.id),
  day: date('day', { mode: 'string' }).notNull(),
  industry: text('industry'),
  sizeClass: text('size_class'),
  township: text('township'),
  comment: text('comment'),
  /** SHA-256 of the receipt code the enterprise was given; lets it check it was counted. */
  receiptHash: text('receipt_hash').notNull().unique(),
}, (t) => [index('responses_round_idx').on(t.roundId)]);

export const ratingLevelEnum = pgEnum('rating_level', ['satisfied', 'fairly_satisfied', 'basically_satisfied', 'dissatisfied', 'not_applicable']);

export const ratings = pgTable('ratings', {
  responseId: uuid('response_id').notNull().references(() => responses.id),
  roundId: text('round_id').notNull(),
  departmentId: integer('department_id').notNull(),
  level: ratingLevelEnum('level').notNull(),
  comment: text('comment'),
}, (t) => [primaryKey({ columns: [t.responseId, t.departmentId] }), index('ratings_round_department_idx').on(t.roundId, t.departmentId)]);

export const leastSatisfiedVotes = pgTable('least_satisfied_votes', {
  responseId: uuid('response_id').notNull().references(() => responses.id),
  roundId: text('round_id').notNull(),
  departmentId: integer('department_id').notNull(),
}, (t) => [primaryKey({ columns: [t.responseId, t.departmentId] }), index('votes_round_idx').on(t.roundId)]);

// ---------------------------------------------------------------- results and escalation
/** Computed results of a round, stored whole. Published versions are frozen; a correction supersedes. */
export const roundResults = pgTable('round_results', {
  id: serial('id').primaryKey(),
  roundId: text('round_id').notNull().references(() => rounds.id),
  version: integer('version').notNull(),
  computedAt: timestamp('computed_at', { withTimezone: true, mode: 'date' }).notNull(),
  publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }),
  supersededAt: timestamp('superseded_at', { withTimezone: true, mode: 'date' }),
  correctionReason: text('correction_reason'),
  payload: jsonb('payload').notNull(),
}, (t) => [uniqueIndex('round_results_version_uq').on(t.roundId, t.version)]);

export const escalationStatusEnum = pgEnum('escalation_status', ['pending', 'scheduled', 'done', 'withdrawn']);

export const escalations = pgTable('escalations', {
  id: serial('id').primaryKey(),
  roundId: text('round_id').notNull().references(() => rounds.id),
  departmentId: integer('department_id').notNull().references(() => departments.id),
  level: text('level').notNull(),
  streak: integer('streak').notNull(),
  policyVersion: text('policy_version').notNull(),
  headName: text('head_name'),
  headTitle: text('head_title'),
  status: escalationStatusEnum('status').notNull().default('pending'),
  scheduledFor: date('scheduled_for', { mode: 'string' }),
  doneAt: date('done_at', { mode: 'string' }),
  notes: text('notes'),
  commitment: text('commitment'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [uniqueIndex('escalations_round_department_uq').on(t.roundId, t.departmentId)]);

// ---------------------------------------------------------------- rectification (整改)
export const caseStatusEnum = pgEnum('case_status', ['open', 'submitted', 'returned', 'closed']);

export const rectificationCases = pgTable('rectification_cases', {
  id: serial('id').primaryKey(),
  roundId: text('round_id').notNull().references(() => rounds.id),
  departmentId: integer('department_id').notNull().references(() => departments.id),
  status: caseStatusEnum('status').notNull().default('open'),
  deadline: date('deadline', { mode: 'string' }).notNull(),
  /** { problems, measures: [{ measure, owner, due }] } */
  plan: jsonb('plan'),
  commitment: text('commitment'),
  submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }),
  closedAt: timestamp('closed_at', { withTimezone: true, mode: 'date' }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [uniqueIndex('cases_round_department_uq').on(t.roundId, t.departmentId)]);

export const ledgerEntries = pgTable('ledger_entries', {
  id: serial('id').primaryKey(),
  caseId: integer('case_id').notNull().references(() => rectificationCases.id),
  date: date('date', { mode: 'string' }).notNull(),
  enterprise: text('enterprise').notNull(),
  issue: text('issue').notNull(),
  action: text('action').notNull(),
  status: text('status').notNull(), // open | resolved
  createdBy: text('created_by').notNull(),
  createdAt: createdAt(),
}, (t) => [index('ledger_case_idx').on(t.caseId)]);

export const progressUpdates = pgTable('progress_updates', {
  id: serial('id').primaryKey(),
  caseId: integer('case_id').notNull().references(() => rectificationCases.id),
  text: text('text').notNull(),
  attachments: jsonb('attachments').notNull().default([]),
  createdBy: text('created_by').notNull(),
  createdAt: createdAt(),
}, (t) => [index('progress_case_idx').on(t.caseId)]);

export const caseReviews = pgTable('case_reviews', {
  id: serial('id').primaryKey(),
  caseId: integer('case_id').notNull().references(() => rectificationCases.id),
  decision: text('decision').notNull(), // accept | return
  comment: text('comment'),
  reviewer: text('reviewer').notNull(),
  at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
});
