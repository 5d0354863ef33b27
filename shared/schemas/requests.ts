// Requests to departments (诉求直通): the API's bodies and answers, for the routes and the pages.
import { z } from 'zod';
import { RECEIPT_PATTERN, normaliseReceipt } from '../receipt.ts';
import { normaliseRequestCode, REQUEST_CODE_PATTERN } from '../requests/code.ts';
import { REPLY_TEXT_MAX, REQUEST_CATEGORIES, REQUEST_CONTACT_MAX, REQUEST_TEXT_MAX } from '../requests/vocabulary.ts';

const text = (label: string, max: number) =>
  z.string().trim().min(1, `${label} is required`).max(max, `${label}: at most ${max} characters`);

/** POST /requests: the receipt proves a counted response; it is checked and never stored. */
export const createRequestSchema = z.object({
  receipt: z
    .string()
    .max(40)
    .transform(normaliseReceipt)
    .refine((c) => RECEIPT_PATTERN.test(c), 'receipt: expected a receipt code such as 7KQ2-M9PX-4TRD'),
  departmentId: z.number().int().positive(),
  category: z.enum(REQUEST_CATEGORIES, { message: `category must be one of ${REQUEST_CATEGORIES.join(', ')}` }),
  text: text('text', REQUEST_TEXT_MAX),
  /** Only if the enterprise wants a call: its name, phone or whatever it chooses to give. */
  contact: z
    .string()
    .trim()
    .max(REQUEST_CONTACT_MAX, `contact: at most ${REQUEST_CONTACT_MAX} characters`)
    .optional()
    .transform((c) => (c ? c : undefined)),
});
export type CreateRequest = z.input<typeof createRequestSchema>;
export const createdRequestSchema = z.object({ code: z.string() });

export const requestCodeParamSchema = z.object({
  code: z
    .string()
    .max(40)
    .transform(normaliseRequestCode)
    .refine((c) => REQUEST_CODE_PATTERN.test(c), 'code: expected a request code such as ABCD-EFGH-JKLM-NPQR'),
});
export const requestIdParamSchema = z.object({ id: z.uuid({ message: 'id must be a request id' }) });

export const replyBodySchema = z.object({ text: text('text', REPLY_TEXT_MAX) });
export const feedbackBodySchema = z.object({ resolved: z.boolean(), satisfied: z.boolean() });

export const REQUEST_STATES = ['waiting', 'replied', 'answered'] as const;
/**
 * What the enterprise may also see of its own request: held, i.e. written but not yet in the department's queue
 * (requests reach the queues with the next batch of submissions; see the README's Anonymity section).
 */
export const THREAD_STATES = ['held', ...REQUEST_STATES] as const;
const replySchema = z.object({ text: z.string(), at: z.string() });
const departmentRef = z.object({ id: z.number().int(), code: z.string(), nameZh: z.string(), nameEn: z.string().nullable() });
const feedbackSchema = z.object({ resolved: z.boolean(), satisfied: z.boolean(), at: z.string() }).nullable();

/** What the enterprise sees by its code: its request, the department's replies, its own feedback. */
export const requestThreadSchema = z.object({
  department: departmentRef,
  category: z.enum(REQUEST_CATEGORIES),
  text: z.string(),
  contactLeft: z.boolean(),
  /** When it reached the department's queue, and the first reply's due time from then: null while held. */
  raisedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  state: z.enum(THREAD_STATES),
  replies: z.array(replySchema),
  feedback: feedbackSchema,
});
export type RequestThread = z.infer<typeof requestThreadSchema>;

/** What the office sees. contact: to the department's head and the admin only (null otherwise or when none was left). */
export const requestItemSchema = requestThreadSchema.extend({
  raisedAt: z.string(),
  dueAt: z.string(),
  state: z.enum(REQUEST_STATES),
  id: z.uuid(),
  contact: z.string().nullable(),
  firstReplyAt: z.string().nullable(),
  overdue: z.boolean(),
  lateReply: z.boolean(),
  replies: z.array(replySchema.extend({ by: z.string() })),
});
export type RequestItem = z.infer<typeof requestItemSchema>;

export const requestListQuerySchema = z.object({
  departmentId: z.coerce.number().int().positive().optional(),
  state: z.enum([...REQUEST_STATES, 'overdue']).optional(),
});
export const requestListSchema = z.object({ items: z.array(requestItemSchema), overdue: z.number().int() });

export const requestStatsSchema = z.array(
  z.object({
    departmentId: z.number().int(),
    departmentName: z.string(),
    departmentNameEn: z.string().nullable(),
    quarter: z.string(),
    requests: z.number().int(),
    replied: z.number().int(),
    medianFirstReplyHours: z.number().nullable(),
    feedbacks: z.number().int(),
    resolvedShare: z.number().nullable(),
    satisfiedShare: z.number().nullable(),
  }),
);

/** For the enterprise's form: the departments it may write to. */
export const requestOptionsSchema = z.object({
  categories: z.array(z.enum(REQUEST_CATEGORIES)),
  departments: z.array(departmentRef.extend({ category: z.string() })),
});
