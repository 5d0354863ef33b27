// The one place the database is described; drizzle-kit generates migrations/ from it.
import { sql } from 'drizzle-orm';
import { OFFICIAL_RANKINGS, type OfficialRanking } from '#shared/results/official-ranking.ts';
import { APPEAL_STATUSES } from '#shared/appeals.ts';
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { ROLES } from '#shared/schemas/common.ts';
import {
  CADRE_STATUSES,
  ENTRY_SOURCES,
  ENTRY_STATUSES,
  MEASURE_RULE_CODES,
  RANKS,
  RULE_KINDS,
  RULE_LEVELS,
  UNIT_KINDS,
} from '#shared/points/vocabulary.ts';
import { ESCALATION_LEVELS, ESCALATION_STATUSES } from '#shared/results/escalation.ts';
import { BREAKDOWN_DIMENSIONS } from '#shared/breakdowns.ts';
import { WATCH_REVIEW_DECISIONS } from '#shared/results/escalation-guard.ts';
import {
  RECEIPT_REQUESTS_MAX,
  REPLY_TEXT_MAX,
  REQUEST_CATEGORIES,
  REQUEST_CONTACT_MAX,
  REQUEST_TEXT_MAX,
} from '#shared/requests/vocabulary.ts';
import { INVITATION_STATUSES } from '#shared/schemas/rounds.ts';
import { FOLLOW_UP_CHANNELS, FOLLOW_UP_NOTE_MAX, FOLLOW_UP_OUTCOMES } from '#shared/follow-ups/vocabulary.ts';
import { SIZE_CLASS_KEYS } from '#shared/vocabulary/size-classes.ts';
import { REASON_CODES } from '#shared/reasons.ts';
import { MESSAGE_KINDS, MESSAGE_STATUSES, OUTBOX_CHANNELS, type ContactPlan } from '#shared/outbound/vocabulary.ts';

// Column shapes every table uses, so that each table lists only what it is about.
/** A moment, with its zone. */
const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
/** A calendar day ('YYYY-MM-DD'), a city day wherever the app computes it. */
const day = (name: string) => date(name, { mode: 'string' });
const createdAt = () => instant('created_at').notNull().defaultNow();
const updatedAt = () => instant('updated_at').notNull().defaultNow();
/** The round, department or user a row belongs to or was written by (thunks: the tables come later). */
const roundRef = () =>
  text('round_id')
    .notNull()
    .references(() => rounds.id);
/** A required link to another table's integer id. */
const link = (name: string, target: () => AnyPgColumn) => integer(name).notNull().references(target);
const departmentRef = () => link('department_id', () => departments.id);
const userRef = (name: string) => link(name, () => users.id);

export const roleEnum = pgEnum('role', ROLES);
export const sizeClassEnum = pgEnum('size_class', SIZE_CLASS_KEYS);

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

/** Head tenure history: a flagged quarter is attributed to the head in office on its scheduled closing day. */
export const departmentHeads = pgTable(
  'department_heads',
  {
    id: serial('id').primaryKey(),
    departmentId: departmentRef(),
    name: text('name').notNull(),
    title: text('title').notNull(),
    since: day('since').notNull(),
    until: day('until'),
    /** The cadre holding the post: a done escalation measure scores against this cadre's record. */
    cadreId: integer('cadre_id').references((): AnyPgColumn => cadres.id),
  },
  (t) => [
    index('department_heads_department_idx').on(t.departmentId),
    // At most one head in office per department.
    uniqueIndex('department_heads_current_uq').on(t.departmentId).where(sql`${t.until} is null`),
  ],
);

export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: roleEnum('role').notNull(),
    departmentId: integer('department_id').references(() => departments.id),
    active: boolean('active').notNull().default(true),
    /** Raised whenever this person's sessions must end (logout, deactivation, role or password change). */
    sessionVersion: integer('session_version').notNull().default(0),
    /** Set with a one-time password: nothing but changing it is allowed until it is changed. */
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    /**
     * When the holder replaced the last password someone else set (a new account's or a reset's); null
     * while the password is one someone else knows. Approving or deciding waits a day after it.
     */
    ownPasswordSince: instant('own_password_since'),
    createdAt: createdAt(),
  },
  (t) => [
    // A department head always belongs to a department.
    check('users_head_has_department', sql`${t.role} <> 'dept_head' or ${t.departmentId} is not null`),
    // A one-time password is never the holder's own.
    check('users_one_time_password_not_own', sql`not ${t.mustChangePassword} or ${t.ownPasswordSince} is null`),
  ],
);

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
    /** Optional: invitations and reminders go by e-mail too (server/outbound). */
    contactEmail: text('contact_email'),
    /** The firm replied "TD" (退订) to an SMS: no more SMS to it, in any round. */
    smsOptedOutAt: instant('sms_opted_out_at'),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('enterprises_township_idx').on(t.township), index('enterprises_industry_idx').on(t.industry)],
);

/** Append-only; each row carries the hash of the previous one so tampering is detectable. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: instant('at').notNull(),
    actorId: integer('actor_id'),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    summary: jsonb('summary').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    /** Random, in the hashed body of entries naming the seed or the sample (hidden with them); null for others. */
    salt: text('salt'),
  },
  (t) => [check('audit_log_salt_ck', sql`${t.salt} is null or ${t.salt} ~ '^[0-9a-f]{32,}$'`)],
);

/** The chain's tip, updated with every append, so that deleting the newest rows is detected too. */
export const auditHead = pgTable('audit_head', {
  id: integer('id').primaryKey(),
  lastId: integer('last_id').notNull(),
  lastHash: text('last_hash').notNull(),
});

// ---------------------------------------------------------------- rounds, draw, invitations
export const roundStatusEnum = pgEnum('round_status', ['draft', 'pool_frozen', 'drawn', 'open', 'closed', 'published', 'voided']);

export const rounds = pgTable(
  'rounds',
  {
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
    /** The reasons for 不满意 the survey offers ([{ code, labelZh, labelEn }]); [] for rounds from before reasons. */
    reasons: jsonb('dissatisfaction_reasons').notNull().default([]),
    /** Which ranking is official (shared/results/official-ranking.ts): unweighted unless the rules say weighted. */
    officialRanking: text('official_ranking').$type<OfficialRanking>().notNull().default('unweighted'),
    opensAt: instant('opens_at').notNull(),
    closesAt: instant('closes_at').notNull(),
    poolHash: text('pool_hash'),
    poolSize: integer('pool_size'),
    frozenAt: instant('frozen_at'),
    seed: text('seed'),
    seedSource: text('seed_source'), // ceremony | server
    quotas: jsonb('quotas'),
    drawnAt: instant('drawn_at'),
    openedAt: instant('opened_at'),
    closedAt: instant('closed_at'),
    publishedAt: instant('published_at'),
    voidedAt: instant('voided_at'),
    voidReason: text('void_reason'),
    /** Comments reach department heads only once an admin releases them. */
    commentsReleasedAt: instant('comments_released_at'),
    /** Set when closing shuffled the answer tables; cleared once VACUUM FULL has removed the old row versions. */
    answersVacuumDue: boolean('answers_vacuum_due').notNull().default(false),
    /** The audit chain's head written by publishing (its round.publish entry), printed on the public page and report. */
    auditHeadId: bigint('audit_head_id', { mode: 'number' }),
    auditHeadHash: text('audit_head_hash'),
    auditHeadAt: instant('audit_head_at'),
    /** When results were first computed after the last close: the close is final, answers readable, no reopen. */
    finalizedAt: instant('finalized_at'),
    /** Invitation and reminders (shared/outbound/plan.ts), set with the round and frozen with it. */
    contactPlan: jsonb('contact_plan')
      .$type<ContactPlan>()
      .notNull()
      .default(sql`'{"invitation":true,"reminderDays":[3,7],"finalReminder":true}'::jsonb`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check(
      'rounds_audit_head_ck',
      sql`(${t.auditHeadId} is null) = (${t.auditHeadHash} is null) and (${t.auditHeadId} is null) = (${t.auditHeadAt} is null) and (${t.auditHeadHash} is null or ${t.auditHeadHash} ~ '^[0-9a-f]{64}$')`,
    ),
    check('rounds_audit_head_published_ck', sql`${t.auditHeadId} is null or ${t.publishedAt} is not null`),
    check('rounds_finalized_status_ck', sql`${t.finalizedAt} is null or ${t.status} in ('closed', 'published', 'voided')`),
    check('rounds_published_final_ck', sql`${t.status} <> 'published' or ${t.finalizedAt} is not null`),
    check('rounds_official_ranking_ck', sql`${t.officialRanking} in (${sql.raw(OFFICIAL_RANKINGS.map((v) => `'${v}'`).join(', '))})`),
    check('rounds_dissatisfaction_reasons_ck', sql`jsonb_typeof(${t.reasons}) = 'array' and jsonb_array_length(${t.reasons}) <= 20`),
  ],
);

/** The departments taking part: a snapshot, so registry edits do not change a running round. */
export const roundDepartments = pgTable(
  'round_departments',
  {
    roundId: roundRef(),
    departmentId: departmentRef(),
    code: text('code').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en'),
    category: text('category').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.departmentId] })],
);

/** The frozen pool: the whole truth the draw is computed from. */
export const roundPool = pgTable(
  'round_pool',
  {
    roundId: roundRef(),
    uscc: text('uscc').notNull(),
    stratum: text('stratum').notNull(),
    enterpriseId: link('enterprise_id', () => enterprises.id),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.uscc] })],
);

export const drawEntries = pgTable(
  'draw_entries',
  {
    roundId: roundRef(),
    uscc: text('uscc').notNull(),
    stratum: text('stratum').notNull(),
    ticket: text('ticket').notNull(),
    kind: text('kind').notNull(), // sample | backup
    backupOrder: integer('backup_order'),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.uscc] })],
);

export const replacements = pgTable(
  'replacements',
  {
    id: serial('id').primaryKey(),
    roundId: roundRef(),
    outUscc: text('out_uscc').notNull(),
    inUscc: text('in_uscc').notNull(),
    reason: text('reason').notNull(),
    at: instant('at').notNull(),
  },
  (t) => [uniqueIndex('replacements_in_uq').on(t.roundId, t.inUscc), uniqueIndex('replacements_out_uq').on(t.roundId, t.outUscc)],
);

export const invitationStatusEnum = pgEnum('invitation_status', INVITATION_STATUSES);

/** "Who responded" lives here; "what they answered" lives in responses, with no link back. */
export const invitations = pgTable(
  'invitations',
  {
    id: serial('id').primaryKey(),
    roundId: roundRef(),
    enterpriseId: link('enterprise_id', () => enterprises.id),
    uscc: text('uscc').notNull(),
    stratum: text('stratum').notNull(),
    /** SHA-256 of the token; the token itself is never stored. */
    tokenHash: text('token_hash').notNull().unique(),
    generation: integer('generation').notNull().default(1),
    status: invitationStatusEnum('status').notNull().default('not_opened'),
    openedAt: instant('opened_at'),
    /** The city's day of the first opening: what the admin is shown (reported), never the time. */
    openedOn: day('opened_on'),
    /** The draft sealed (AES-256-GCM) with a key derived from the link's token, which the server never stores. */
    draft: text('draft'),
    draftSavedAt: instant('draft_saved_at'),
    /** The city's day of submission, never the time: follow-up needs no more. */
    submittedAt: day('submitted_at'),
    submissionId: uuid('submission_id').unique(),
    replacedAt: instant('replaced_at'),
    /**
     * What the admin sees (lists, exports, letters, progress, refusals): copied from the true state above only
     * when at least BATCH_MIN submissions wait to be reported, or at close (server/invitations/reported.ts).
     */
    reportedStatus: invitationStatusEnum('reported_status').notNull().default('not_opened'),
    reportedOpenedOn: day('reported_opened_on'),
    reportedSubmittedOn: day('reported_submitted_on'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('invitations_round_uscc_uq').on(t.roundId, t.uscc), index('invitations_round_idx').on(t.roundId)],
);

/** Hashes of links that were regenerated: opening one says "revoked", not "unknown". */
export const revokedTokens = pgTable('revoked_tokens', {
  tokenHash: text('token_hash').primaryKey(),
  roundId: roundRef(),
  revokedAt: instant('revoked_at').notNull(),
});

const quoted = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/**
 * The office's calls and visits to a drawn enterprise (跟进记录): channel, outcome, a note, the number
 * called, who and when. Never joined to answers; the outcomes feed the AAPOR dispositions (shared/follow-ups).
 */
export const followUps = pgTable(
  'follow_ups',
  {
    id: serial('id').primaryKey(),
    invitationId: link('invitation_id', () => invitations.id),
    channel: text('channel').notNull(),
    outcome: text('outcome').notNull(),
    note: text('note'),
    /** The number called, which may differ from the registry's (号码错误 → a number found elsewhere). */
    phone: text('phone'),
    createdBy: userRef('created_by'),
    at: instant('at').notNull(),
  },
  (t) => [
    index('follow_ups_invitation_idx').on(t.invitationId),
    check('follow_ups_channel_ck', sql`${t.channel} in (${quoted(FOLLOW_UP_CHANNELS)})`),
    check('follow_ups_outcome_ck', sql`${t.outcome} in (${quoted(FOLLOW_UP_OUTCOMES)})`),
    check('follow_ups_note_ck', sql`${t.note} is null or char_length(${t.note}) between 1 and ${sql.raw(String(FOLLOW_UP_NOTE_MAX))}`),
    check('follow_ups_phone_ck', sql`${t.phone} is null or char_length(${t.phone}) between 1 and 40`),
  ],
);

// ---------------------------------------------------------------- responses (anonymous)
/**
 * The ballot box: the submit transaction drops the answer here (it shares that transaction's id with
 * the invitation it marks). Answers leave in batches, in random order, in other transactions
 * (server/survey/ballot-box.ts); at close the box is emptied and vacuumed. No time, no invitation.
 */
export const ballotBox = pgTable(
  'ballot_box',
  {
    id: uuid('id').primaryKey(),
    roundId: roundRef(),
    /** { ratings: [{ d, l, c }], votes, comment, attributes }: answers plus the strata they are tallied under. */
    answer: jsonb('answer').notNull(),
    receiptHash: text('receipt_hash').unique(),
  },
  (t) => [index('ballot_box_round_idx').on(t.roundId)],
);

/**
 * One enterprise's answers. Deliberately no invitation, no enterprise, no time and no attributes:
 * rows are rewritten in random order with fresh random ids when the round closes.
 */
export const responses = pgTable(
  'responses',
  {
    id: uuid('id').primaryKey(),
    roundId: roundRef(),
    comment: text('comment'),
    /** SHA-256 of the receipt code the enterprise's page made; only the page ever knew the code. */
    receiptHash: text('receipt_hash').unique(),
  },
  (t) => [index('responses_round_idx').on(t.roundId)],
);

export const breakdownDimensionEnum = pgEnum('breakdown_dimension', BREAKDOWN_DIMENSIONS);

/** Respondents per stratum value, counted as answers leave the box; groups under 5 are deleted at close. */
export const breakdownGroups = pgTable(
  'breakdown_groups',
  {
    roundId: roundRef(),
    dimension: breakdownDimensionEnum('dimension').notNull(),
    value: text('value').notNull(),
    respondents: integer('respondents').notNull(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.dimension, t.value] })],
);

export const ratingLevelEnum = pgEnum('rating_level', [
  'satisfied',
  'fairly_satisfied',
  'basically_satisfied',
  'dissatisfied',
  'not_applicable',
]);

export const ratings = pgTable(
  'ratings',
  {
    responseId: uuid('response_id')
      .notNull()
      .references(() => responses.id),
    roundId: text('round_id').notNull(),
    departmentId: integer('department_id').notNull(),
    level: ratingLevelEnum('level').notNull(),
    comment: text('comment'),
  },
  (t) => [
    primaryKey({ columns: [t.responseId, t.departmentId] }),
    index('ratings_round_department_idx').on(t.roundId, t.departmentId),
    // The target of rating_reasons' key, which carries the level so that only a 不满意 rating can have reasons.
    uniqueIndex('ratings_response_department_level_uq').on(t.responseId, t.departmentId, t.level),
  ],
);

export const dissatisfactionReasonEnum = pgEnum('dissatisfaction_reason', REASON_CODES);

/** Reasons a firm gave for a 不满意 rating: moved out of the ballot box with the rating, rewritten with it at close. */
export const ratingReasons = pgTable(
  'rating_reasons',
  {
    responseId: uuid('response_id').notNull(),
    roundId: text('round_id').notNull(),
    departmentId: integer('department_id').notNull(),
    level: ratingLevelEnum('level').notNull().default('dissatisfied'),
    reason: dissatisfactionReasonEnum('reason').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.responseId, t.departmentId, t.reason] }),
    foreignKey({
      name: 'rating_reasons_rating_fk',
      columns: [t.responseId, t.departmentId, t.level],
      foreignColumns: [ratings.responseId, ratings.departmentId, ratings.level],
    }),
    check('rating_reasons_dissatisfied_ck', sql`${t.level} = 'dissatisfied'`),
    index('rating_reasons_round_department_idx').on(t.roundId, t.departmentId),
  ],
);

export const leastSatisfiedVotes = pgTable(
  'least_satisfied_votes',
  {
    responseId: uuid('response_id')
      .notNull()
      .references(() => responses.id),
    roundId: text('round_id').notNull(),
    departmentId: integer('department_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.responseId, t.departmentId] }), index('votes_round_idx').on(t.roundId)],
);

/** Rating counts per stratum value, department and level; same life as breakdown_groups. */
export const breakdownTallies = pgTable(
  'breakdown_tallies',
  {
    roundId: roundRef(),
    dimension: breakdownDimensionEnum('dimension').notNull(),
    value: text('value').notNull(),
    departmentId: departmentRef(),
    level: ratingLevelEnum('level').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.dimension, t.value, t.departmentId, t.level] })],
);

// ---------------------------------------------------------------- results and escalation
/** Computed results of a round, stored whole. Published versions are frozen; a correction supersedes. */
export const roundResults = pgTable(
  'round_results',
  {
    id: serial('id').primaryKey(),
    roundId: roundRef(),
    version: integer('version').notNull(),
    computedAt: instant('computed_at').notNull(),
    publishedAt: instant('published_at'),
    supersededAt: instant('superseded_at'),
    correctionReason: text('correction_reason'),
    payload: jsonb('payload').notNull(),
  },
  (t) => [uniqueIndex('round_results_version_uq').on(t.roundId, t.version)],
);

/** The integrity check made when the round closed (aggregates only); computing the results copies it. Gone on reopen. */
export const roundIntegrity = pgTable('round_integrity', {
  roundId: text('round_id')
    .primaryKey()
    .references(() => rounds.id),
  report: jsonb('report').notNull(),
});

export const escalationLevelEnum = pgEnum('escalation_level', ESCALATION_LEVELS);
/** One list for a record and for each of its measures; `on_hold` while an appeal is pending. */
export const escalationStatusEnum = pgEnum('escalation_status', ESCALATION_STATUSES);

/**
 * One escalation record per flagged department and evaluation. A re-derivation (a quarter published
 * late, a correction) never rewrites a record: it supersedes it with a reason and, if the rule still
 * calls for one, points to the record that replaces it.
 */
export const escalations = pgTable(
  'escalations',
  {
    id: serial('id').primaryKey(),
    roundId: roundRef(),
    departmentId: departmentRef(),
    /** The most severe of the record's measures. */
    level: escalationLevelEnum('level').notNull(),
    /** The streak the policy decided by (the head's under 2021-v2, the department's under 2021-v1). */
    streak: integer('streak').notNull(),
    headStreak: integer('head_streak').notNull(),
    departmentStreak: integer('department_streak').notNull(),
    policyVersion: text('policy_version').notNull(),
    /** The head in office on the round's scheduled closing day (city time). */
    responsibleHeadId: integer('responsible_head_id').references(() => departmentHeads.id),
    headName: text('head_name'),
    headTitle: text('head_title'),
    status: escalationStatusEnum('status').notNull().default('pending'),
    scheduledFor: day('scheduled_for'),
    doneAt: day('done_at'),
    notes: text('notes'),
    commitment: text('commitment'),
    supersededAt: instant('superseded_at'),
    supersededById: integer('superseded_by_id').references((): AnyPgColumn => escalations.id),
    supersededReason: text('superseded_reason'),
    /** Re-derivation would change this record but a measure is done: the admin decides. */
    needsReview: boolean('needs_review').notNull().default(false),
    reviewNote: text('review_note'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('escalations_round_department_current_uq').on(t.roundId, t.departmentId).where(sql`${t.supersededAt} is null`),
    check('escalations_streaks_ck', sql`${t.headStreak} >= 1 and ${t.departmentStreak} >= ${t.headStreak} and ${t.streak} >= 1`),
    check('escalations_superseded_reason_ck', sql`(${t.supersededAt} is null) = (${t.supersededReason} is null)`),
  ],
);

/** Each measure of a record, followed up on its own (a done measure becomes a points deduction). */
export const escalationMeasures = pgTable(
  'escalation_measures',
  {
    id: serial('id').primaryKey(),
    escalationId: link('escalation_id', () => escalations.id),
    measure: escalationLevelEnum('measure').notNull(),
    status: escalationStatusEnum('status').notNull().default('pending'),
    scheduledFor: day('scheduled_for'),
    doneAt: day('done_at'),
    notes: text('notes'),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('escalation_measures_uq').on(t.escalationId, t.measure),
    check('escalation_measures_done_ck', sql`${t.status} <> 'done' or ${t.doneAt} is not null`),
    check('escalation_measures_scheduled_ck', sql`${t.status} <> 'scheduled' or ${t.scheduledFor} is not null`),
  ],
);

/**
 * The supervisor's (纪委) review of a watch (观察) the escalation policy's statistical guard gave a flagged
 * department: confirmed (no measures) or overridden (measures apply), with a reason; once per round and
 * department. The watch itself is derived from the stored results, so it needs no row.
 */
export const escalationWatchReviews = pgTable(
  'escalation_watch_reviews',
  {
    id: serial('id').primaryKey(),
    roundId: roundRef(),
    departmentId: departmentRef(),
    decision: text('decision').notNull(),
    reason: text('reason').notNull(),
    reviewedBy: userRef('reviewed_by'),
    reviewedAt: instant('reviewed_at').notNull(),
  },
  (t) => [
    uniqueIndex('escalation_watch_reviews_uq').on(t.roundId, t.departmentId),
    check(
      'escalation_watch_reviews_decision_ck',
      sql`${t.decision} in (${sql.raw(WATCH_REVIEW_DECISIONS.map((d) => `'${d}'`).join(', '))})`,
    ),
    check('escalation_watch_reviews_reason_ck', sql`length(trim(${t.reason})) >= 5`),
  ],
);

// ---------------------------------------------------------------- rectification (整改)
export const caseStatusEnum = pgEnum('case_status', ['open', 'submitted', 'returned', 'closed']);

export const rectificationCases = pgTable(
  'rectification_cases',
  {
    id: serial('id').primaryKey(),
    roundId: roundRef(),
    departmentId: departmentRef(),
    status: caseStatusEnum('status').notNull().default('open'),
    deadline: day('deadline').notNull(),
    /** { problems, measures: [{ measure, owner, due }] } */
    plan: jsonb('plan'),
    commitment: text('commitment'),
    submittedAt: instant('submitted_at'),
    closedAt: instant('closed_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('cases_round_department_uq').on(t.roundId, t.departmentId)],
);

export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: serial('id').primaryKey(),
    caseId: link('case_id', () => rectificationCases.id),
    date: day('date').notNull(),
    enterprise: text('enterprise').notNull(),
    issue: text('issue').notNull(),
    action: text('action').notNull(),
    status: text('status').notNull(), // open | resolved
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
    /** Why an entry still open needs no call-back, stated by the admin who closed the case. */
    callbackWaiver: text('callback_waiver'),
  },
  (t) => [index('ledger_case_idx').on(t.caseId)],
);

/**
 * A call-back (回访) by the admin to the enterprise of a ledger entry: reached, and if so whether the
 * problem is solved and the enterprise satisfied. An entry may be called more than once (not reached, then reached).
 */
export const ledgerCallbacks = pgTable(
  'ledger_callbacks',
  {
    id: serial('id').primaryKey(),
    entryId: link('entry_id', () => ledgerEntries.id),
    reached: boolean('reached').notNull(),
    solved: boolean('solved'),
    satisfied: boolean('satisfied'),
    note: text('note'),
    createdBy: text('created_by').notNull(),
    at: instant('at').notNull(),
  },
  (t) => [
    index('ledger_callbacks_entry_idx').on(t.entryId),
    // Solved and satisfied are answers the enterprise gave: only when it was reached.
    check('ledger_callbacks_reached_ck', sql`${t.reached} or (${t.solved} is null and ${t.satisfied} is null)`),
  ],
);

export const progressUpdates = pgTable(
  'progress_updates',
  {
    id: serial('id').primaryKey(),
    caseId: link('case_id', () => rectificationCases.id),
    text: text('text').notNull(),
    attachments: jsonb('attachments').notNull().default([]),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('progress_case_idx').on(t.caseId)],
);

export const caseReviews = pgTable('case_reviews', {
  id: serial('id').primaryKey(),
  caseId: link('case_id', () => rectificationCases.id),
  decision: text('decision').notNull(), // accept | return
  comment: text('comment'),
  reviewer: text('reviewer').notNull(),
  at: instant('at').notNull(),
});

// ---------------------------------------------------------------- cadre points (干部积分制)
export const unitKindEnum = pgEnum('unit_kind', UNIT_KINDS);
export const rankEnum = pgEnum('cadre_rank', RANKS);
export const cadreStatusEnum = pgEnum('cadre_status', CADRE_STATUSES);
export const ruleKindEnum = pgEnum('rule_kind', RULE_KINDS);
export const ruleLevelEnum = pgEnum('rule_level', RULE_LEVELS);
export const entryStatusEnum = pgEnum('points_entry_status', ENTRY_STATUSES);
export const entrySourceEnum = pgEnum('points_entry_source', ENTRY_SOURCES);
export const measureEnum = pgEnum('points_measure', MEASURE_RULE_CODES);

/** Every unit with cadres: the rated departments (linked) and the others (townships, offices…). */
export const units = pgTable(
  'units',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull().unique(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en'),
    kind: unitKindEnum('kind').notNull(),
    departmentId: integer('department_id')
      .unique()
      .references(() => departments.id),
    createdAt: createdAt(),
  },
  (t) => [check('units_department_kind_ck', sql`(${t.kind} = 'department') = (${t.departmentId} is not null)`)],
);

/** A cadre's current post, rank and status; the history is in cadre_tenures. */
export const cadres = pgTable(
  'cadres',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    unitId: link('unit_id', () => units.id),
    post: text('post').notNull(),
    rank: rankEnum('rank').notNull(),
    leadership: boolean('leadership').notNull(),
    status: cadreStatusEnum('status').notNull().default('in_post'),
    /** The day the status began (退出领导岗位, 退休…): standings before it still count the cadre. */
    statusSince: day('status_since'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('cadres_unit_idx').on(t.unitId), index('cadres_rank_idx').on(t.rank)],
);

/** Posts held, with dates: base points accrue across them. */
export const cadreTenures = pgTable(
  'cadre_tenures',
  {
    id: serial('id').primaryKey(),
    cadreId: link('cadre_id', () => cadres.id),
    unitId: link('unit_id', () => units.id),
    post: text('post').notNull(),
    rank: rankEnum('rank').notNull(),
    leadership: boolean('leadership').notNull(),
    since: day('since').notNull(),
    until: day('until'),
  },
  (t) => [
    index('cadre_tenures_cadre_idx').on(t.cadreId),
    uniqueIndex('cadre_tenures_current_uq').on(t.cadreId).where(sql`${t.until} is null`),
    check('cadre_tenures_dates_ck', sql`${t.until} is null or ${t.until} >= ${t.since}`),
  ],
);

/** A version of the rulebook; never updated (a trigger refuses), a new version is added instead. */
export const pointsRulebooks = pgTable(
  'points_rulebooks',
  {
    version: text('version').primaryKey(),
    label: text('label').notNull(),
    effectiveFrom: day('effective_from').notNull().unique(),
    basePerYear: integer('base_per_year').notNull(),
    baseCap: integer('base_cap').notNull(),
    sanctionMonths: integer('sanction_months').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [check('points_rulebooks_base_ck', sql`${t.basePerYear} >= 0 and ${t.baseCap} >= 0 and ${t.sanctionMonths} >= 0`)],
);

export const pointsRules = pgTable(
  'points_rules',
  {
    version: text('version')
      .notNull()
      .references(() => pointsRulebooks.version),
    code: text('code').notNull(),
    kind: ruleKindEnum('kind').notNull(),
    level: ruleLevelEnum('level'),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    points: integer('points').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.version, t.code] }),
    check(
      'points_rules_sign_ck',
      sql`(${t.kind} = 'award' and ${t.points} > 0 and ${t.level} is not null) or (${t.kind} = 'deduction' and ${t.points} < 0)`,
    ),
  ],
);

/**
 * The points ledger: append-only. An entry is scored under the rulebook in force on its date and keeps
 * that version; only a pending entry's review may be written once (a trigger enforces it); a wrong
 * approved entry is corrected by a reversing entry, never deleted.
 */
export const pointsEntries = pgTable(
  'points_entries',
  {
    id: serial('id').primaryKey(),
    cadreId: link('cadre_id', () => cadres.id),
    ruleVersion: text('rule_version').notNull(),
    ruleCode: text('rule_code').notNull(),
    kind: ruleKindEnum('kind').notNull(),
    points: integer('points').notNull(),
    date: day('date').notNull(),
    reason: text('reason').notNull(),
    evidence: text('evidence').notNull(),
    status: entryStatusEnum('status').notNull().default('pending'),
    source: entrySourceEnum('source').notNull().default('manual'),
    submittedBy: integer('submitted_by').references(() => users.id),
    submittedByName: text('submitted_by_name').notNull(),
    submittedAt: instant('submitted_at').notNull(),
    reviewedBy: integer('reviewed_by').references(() => users.id),
    reviewedByName: text('reviewed_by_name'),
    reviewedAt: instant('reviewed_at'),
    reviewNote: text('review_note'),
    reversesId: integer('reverses_id').references((): AnyPgColumn => pointsEntries.id),
    escalationId: integer('escalation_id').references(() => escalations.id),
    roundId: text('round_id').references(() => rounds.id),
    measure: measureEnum('measure'),
    /** nth time this measure of this escalation was scored (a withdrawn, then re-done measure scores again). */
    occurrence: integer('occurrence'),
  },
  (t) => [
    foreignKey({ columns: [t.ruleVersion, t.ruleCode], foreignColumns: [pointsRules.version, pointsRules.code] }),
    index('points_entries_cadre_idx').on(t.cadreId),
    index('points_entries_status_idx').on(t.status),
    // One live reversal per entry (a rejected proposal to reverse does not block the next).
    uniqueIndex('points_entries_reverses_uq').on(t.reversesId).where(sql`${t.reversesId} is not null and ${t.status} <> 'rejected'`),
    uniqueIndex('points_entries_measure_uq')
      .on(t.escalationId, t.measure, t.occurrence)
      .where(sql`${t.reversesId} is null and ${t.escalationId} is not null`),
    check('points_entries_points_ck', sql`${t.points} <> 0`),
    check(
      'points_entries_survey_ck',
      sql`(${t.source} = 'survey') = (${t.escalationId} is not null and ${t.roundId} is not null and ${t.measure} is not null)`,
    ),
    check('points_entries_review_ck', sql`(${t.status} = 'pending') = (${t.reviewedAt} is null)`),
  ],
);

// ---------------------------------------------------------------- appeals (申诉复核)
export const appealStatusEnum = pgEnum('appeal_status', APPEAL_STATUSES);

/** One appeal per department and round; the escalation measures of both wait while it is pending. */
export const appeals = pgTable(
  'appeals',
  {
    id: serial('id').primaryKey(),
    roundId: roundRef(),
    departmentId: departmentRef(),
    filedBy: userRef('filed_by'),
    reasons: text('reasons').notNull(),
    /** Evidence as the head gave it: descriptions, document numbers, links. */
    evidence: jsonb('evidence').notNull().default([]),
    status: appealStatusEnum('status').notNull().default('pending'),
    filedAt: instant('filed_at').notNull(),
    /** The window's end when it was filed, kept so the record shows it was in time. */
    deadline: instant('deadline').notNull(),
    decidedAt: instant('decided_at'),
    decidedBy: integer('decided_by').references(() => users.id),
    decisionReasons: text('decision_reasons'),
    /** Upheld: the correction it led to { version, answersExcluded, flaggedBefore, flaggedAfter }. */
    correction: jsonb('correction'),
    /** What the filing put on hold: { escalationId, record, measures: { measure: status } }, restored at the decision. */
    held: jsonb('held'),
  },
  (t) => [
    uniqueIndex('appeals_round_department_uq').on(t.roundId, t.departmentId),
    index('appeals_status_idx').on(t.status),
    // Decided exactly when it is no longer pending, and then by someone, with reasons.
    check(
      'appeals_decided_ck',
      sql`(${t.status} = 'pending') = (${t.decidedAt} is null) and (${t.decidedAt} is null) = (${t.decidedBy} is null) and (${t.decidedAt} is null) = (${t.decisionReasons} is null)`,
    ),
    check('appeals_filed_in_time_ck', sql`${t.filedAt} <= ${t.deadline}`),
  ],
);

// ---------------------------------------------------------------- requests to departments (诉求直通)
const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/**
 * An enterprise's request to a department. Deliberately no receipt (nor its hash), no round, no invitation,
 * no address: only the hash of the request's own random code reaches the thread. raisedAt is the request's
 * own time, needed for the first-reply target.
 */
export const requests = pgTable(
  'requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    codeHash: text('code_hash').notNull().unique(),
    departmentId: departmentRef(),
    category: text('category').notNull(),
    text: text('text').notNull(),
    /** Left by the enterprise only if it wants a call. */
    contact: text('contact'),
    /** When it reached the queues (its release with a batch of submissions); null while held. Never the time it was written. */
    raisedAt: instant('raised_at'),
    dueAt: instant('due_at'),
    firstReplyAt: instant('first_reply_at'),
    resolved: boolean('resolved'),
    satisfied: boolean('satisfied'),
    feedbackAt: instant('feedback_at'),
  },
  (t) => [
    index('requests_department_idx').on(t.departmentId),
    check('requests_category_ck', sql`${t.category} in (${inList(REQUEST_CATEGORIES)})`),
    check('requests_text_ck', sql`char_length(${t.text}) between 1 and ${sql.raw(String(REQUEST_TEXT_MAX))}`),
    check(
      'requests_contact_ck',
      sql`${t.contact} is null or char_length(${t.contact}) between 1 and ${sql.raw(String(REQUEST_CONTACT_MAX))}`,
    ),
    check(
      'requests_feedback_ck',
      sql`(${t.resolved} is null) = (${t.satisfied} is null) and (${t.resolved} is null) = (${t.feedbackAt} is null)`,
    ),
    check('requests_due_ck', sql`${t.dueAt} > ${t.raisedAt}`),
    check(
      'requests_held_ck',
      sql`(${t.raisedAt} is null) = (${t.dueAt} is null) and (${t.raisedAt} is not null or ${t.firstReplyAt} is null)`,
    ),
  ],
);

/**
 * How many requests a receipt raised in its round, under a keyed hash of (round, receipt code) that nothing
 * else stores (server/requests/receipt-uses.ts); rows expire with their round (expiresAt), then are deleted.
 */
export const requestReceiptUses = pgTable(
  'request_receipt_uses',
  {
    key: text('key').primaryKey(),
    roundId: roundRef(),
    uses: integer('uses').notNull(),
    expiresAt: instant('expires_at').notNull(),
  },
  (t) => [
    index('request_receipt_uses_round_idx').on(t.roundId),
    check('request_receipt_uses_uses_ck', sql`${t.uses} between 1 and ${sql.raw(String(RECEIPT_REQUESTS_MAX))}`),
  ],
);

/** A department's reply, by its head (or the admin). */
export const requestReplies = pgTable(
  'request_replies',
  {
    id: serial('id').primaryKey(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id),
    text: text('text').notNull(),
    authorId: userRef('author_id'),
    at: instant('at').notNull(),
  },
  (t) => [
    index('request_replies_request_idx').on(t.requestId),
    check('request_replies_text_ck', sql`char_length(${t.text}) between 1 and ${sql.raw(String(REPLY_TEXT_MAX))}`),
  ],
);

// ---------------------------------------------------------------- jobs and limits shared by every replica
/** One row per background job: a process runs it only after claiming the row (server/jobs/runner.ts). */
export const jobs = pgTable(
  'jobs',
  {
    name: text('name').primaryKey(),
    dueAt: instant('due_at').notNull(),
    lockedBy: text('locked_by'),
    /** The claim's lease: past it, a process that died mid-run loses the job to the next one. */
    lockedUntil: instant('locked_until'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    lastDoneAt: instant('last_done_at'),
  },
  (t) => [
    check('jobs_lock_ck', sql`(${t.lockedBy} is null) = (${t.lockedUntil} is null)`),
    check('jobs_attempts_ck', sql`${t.attempts} >= 0`),
  ],
);

/** Request counters of every rate limit, one row per (hashed) key and window, swept once expired. UNLOGGED (migration 0024): no WAL. */
export const rateLimits = pgTable(
  'rate_limits',
  {
    /** HMAC of the limit's key (an address, a survey token): no address or token is stored. */
    key: text('key').primaryKey(),
    hits: integer('hits').notNull(),
    expiresAt: instant('expires_at').notNull(),
  },
  (t) => [index('rate_limits_expires_idx').on(t.expiresAt), check('rate_limits_hits_ck', sql`${t.hits} >= 1`)],
);

export const LOGIN_FAILURE_BOOKS = ['account', 'device'] as const;
/** Consecutive failed logins: per account from unknown browsers, per device cookie (login-throttle.ts). */
export const loginFailures = pgTable(
  'login_failures',
  {
    book: text('book', { enum: LOGIN_FAILURE_BOOKS }).notNull(),
    /** HMAC of the account (and device nonce). */
    key: text('key').notNull(),
    failures: integer('failures').notNull(),
    lockedUntil: instant('locked_until').notNull(),
    lastFailure: instant('last_failure').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.book, t.key] }),
    check('login_failures_book_ck', sql`${t.book} in (${inList(LOGIN_FAILURE_BOOKS)})`),
    check('login_failures_failures_ck', sql`${t.failures} >= 1`),
  ],
);

// ---------------------------------------------------------------- outbox (server/outbound)
/**
 * Every invitation and reminder to a firm, one row per message: the job claims due rows one at a time
 * (FOR UPDATE SKIP LOCKED and a lease), so a crash or a second process never sends one twice. The text
 * is not stored (its link is derived at send time, like every link) and neither is the number.
 */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    roundId: roundRef(),
    invitationId: link('invitation_id', () => invitations.id),
    channel: text('channel', { enum: OUTBOX_CHANNELS }).notNull(),
    kind: text('kind', { enum: MESSAGE_KINDS }).notNull(),
    /** The city's day it was planned for: one message per firm and channel a day. */
    day: day('day').notNull(),
    status: text('status', { enum: MESSAGE_STATUSES }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    /** When it may be tried (again): after quiet hours, after a failure's backoff. */
    dueAt: instant('due_at').notNull(),
    lockedBy: text('locked_by'),
    /** The sending process's lease: a message claimed by a process that died is settled after it lapses. */
    lockedUntil: instant('locked_until'),
    /** The gateway's message id (SMPP message_id, SMTP Message-ID): delivery receipts find the row by it. */
    gatewayId: text('gateway_id'),
    /** Why it failed or was refused, in the gateway's words. */
    reason: text('reason'),
    createdAt: createdAt(),
    sentAt: instant('sent_at'),
    deliveredAt: instant('delivered_at'),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('outbox_messages_one_a_day_uq').on(t.invitationId, t.channel, t.day),
    uniqueIndex('outbox_messages_one_invitation_uq').on(t.invitationId, t.channel).where(sql`${t.kind} = 'invitation'`),
    index('outbox_messages_round_idx').on(t.roundId),
    index('outbox_messages_due_idx').on(t.dueAt).where(sql`${t.status} in ('queued', 'failed')`),
    index('outbox_messages_gateway_idx').on(t.channel, t.gatewayId),
    check('outbox_messages_channel_ck', sql`${t.channel} in (${inList(OUTBOX_CHANNELS)})`),
    check('outbox_messages_kind_ck', sql`${t.kind} in (${inList(MESSAGE_KINDS)})`),
    check('outbox_messages_status_ck', sql`${t.status} in (${inList(MESSAGE_STATUSES)})`),
    check('outbox_messages_attempts_ck', sql`${t.attempts} >= 0`),
    check('outbox_messages_lock_ck', sql`(${t.lockedBy} is null) = (${t.lockedUntil} is null)`),
    check('outbox_messages_sent_ck', sql`${t.status} in ('queued', 'failed', 'refused') or ${t.sentAt} is not null`),
  ],
);
