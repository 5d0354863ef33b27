import { z } from 'zod';
import { REASON_CODES } from '../reasons.ts';

export const CASE_STATUSES = ['open', 'submitted', 'returned', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
const isoDate = z.iso.date({ message: 'expected a date YYYY-MM-DD' });
const text = (label: string, max: number) => z.string().trim().min(1, `${label} is required`).max(max);

/** reason: the reason for 不满意 (one of the case's top reasons) this measure answers, if any. */
export const measureSchema = z.object({
  measure: text('measure', 1000),
  owner: text('owner', 100),
  due: isoDate,
  reason: z.enum(REASON_CODES, { message: `reason must be one of ${REASON_CODES.join(', ')}` }).optional(),
});
export const planBodySchema = z.object({
  problems: text('problems found', 5000),
  measures: z.array(measureSchema).min(1, 'at least one measure').max(50),
  commitment: text('commitment', 5000),
});
export type PlanBody = z.infer<typeof planBodySchema>;

export const LEDGER_STATUSES = ['open', 'resolved'] as const;
export const ledgerBodySchema = z.object({
  date: isoDate,
  enterprise: text('enterprise visited or contacted', 200),
  issue: text('issue raised', 2000),
  action: text('action taken', 2000),
  status: z.enum(LEDGER_STATUSES).default('open'),
});
export const ledgerPatchSchema = z.object({ status: z.enum(LEDGER_STATUSES) });

export const attachmentSchema = z.object({
  label: text('attachment label', 200),
  url: z.url({ protocol: /^https?$/, message: 'attachment link must be an http(s) URL' }).optional(),
});
export const progressBodySchema = z.object({
  text: text('progress text', 5000),
  attachments: z.array(attachmentSchema).max(20).default([]),
});
/** Why an open entry needs no call-back, stated when closing the case. */
export const waiverSchema = z.object({
  entryId: z.number().int().positive(),
  reason: text('reason for no call-back', 1000).refine((r) => r.length >= 2, 'reason for no call-back: at least 2 characters'),
});
export const reviewBodySchema = z
  .object({
    decision: z.enum(['accept', 'return']),
    comment: z.string().trim().max(5000).optional(),
    waivers: z.array(waiverSchema).max(500).default([]),
  })
  .refine((r) => r.decision === 'accept' || (r.comment?.length ?? 0) >= 2, {
    message: 'returning a case needs a comment saying what to change',
    path: ['comment'],
  });

/** A call-back (回访) to the enterprise of a ledger entry; solved and satisfied only when it was reached. */
export const callbackBodySchema = z
  .object({
    reached: z.boolean(),
    solved: z.boolean().optional(),
    satisfied: z.boolean().optional(),
    note: z.string().trim().max(1000).optional(),
  })
  .refine((c) => (c.reached ? c.solved !== undefined && c.satisfied !== undefined : c.solved === undefined && c.satisfied === undefined), {
    message: 'a reached enterprise says whether the problem is solved and whether it is satisfied; an unreached one says neither',
    path: ['reached'],
  });
export const callbackSchema = z.object({
  id: z.number().int(),
  reached: z.boolean(),
  solved: z.boolean().nullable(),
  satisfied: z.boolean().nullable(),
  note: z.string().nullable(),
  createdBy: z.string(),
  at: z.string(),
});
export type Callback = z.infer<typeof callbackSchema>;

export const caseListQuerySchema = z.object({
  status: z.enum([...CASE_STATUSES, 'overdue']).optional(),
  roundId: z.string().max(10).optional(),
  departmentId: z.coerce.number().int().positive().optional(),
});

const outcome = z
  .object({ roundId: z.string(), rank: z.number().int().nullable(), mean: z.number().nullable(), flagged: z.boolean() })
  .nullable();

export const caseSummarySchema = z.object({
  id: z.number().int(),
  roundId: z.string(),
  departmentId: z.number().int(),
  departmentCode: z.string(),
  departmentName: z.string(),
  status: z.enum(CASE_STATUSES),
  deadline: z.string(),
  overdue: z.boolean(),
  ledgerEntries: z.number().int(),
  submittedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** The flagged round's result, and the next published round's: did it improve? */
  before: outcome,
  after: outcome,
  /** Call-backs (回访) over the ledger, each entry by its latest call. */
  callbacks: z.object({
    entries: z.number().int(),
    calledBack: z.number().int(),
    reached: z.number().int(),
    solved: z.number().int(),
    satisfied: z.number().int(),
  }),
});
export type CaseSummary = z.infer<typeof caseSummarySchema>;

/** One of the flagged round's most chosen reasons for 不满意 (shown counts only, 3 or more firms), with its wording. */
export const topReasonSchema = z.object({ code: z.enum(REASON_CODES), count: z.number().int(), labelZh: z.string(), labelEn: z.string() });
export type TopReason = z.infer<typeof topReasonSchema>;

export const caseDetailSchema = caseSummarySchema.extend({
  /** The plan answers each of these with at least one measure. */
  topReasons: z.array(topReasonSchema),
  plan: z.object({ problems: z.string(), measures: z.array(measureSchema) }).nullable(),
  commitment: z.string().nullable(),
  ledger: z.array(
    ledgerBodySchema.extend({
      id: z.number().int(),
      createdBy: z.string(),
      createdAt: z.string(),
      callbacks: z.array(callbackSchema),
      callbackWaiver: z.string().nullable(),
    }),
  ),
  progress: z.array(
    z.object({
      id: z.number().int(),
      text: z.string(),
      attachments: z.array(attachmentSchema),
      createdBy: z.string(),
      createdAt: z.string(),
    }),
  ),
  reviews: z.array(
    z.object({ decision: z.enum(['accept', 'return']), comment: z.string().nullable(), reviewer: z.string(), at: z.string() }),
  ),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;
export const caseParamSchema = z.object({ id: z.coerce.number().int().positive() });
export const ledgerParamSchema = caseParamSchema.extend({ entryId: z.coerce.number().int().positive() });
