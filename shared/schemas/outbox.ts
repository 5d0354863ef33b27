import { z } from 'zod';
import { DEFAULT_CONTACT_PLAN, MESSAGE_KINDS, MESSAGE_STATUSES, OUTBOX_CHANNELS } from '../outbound/vocabulary.ts';

const reminderDay = z.number().int().min(1, 'reminder days count from the day after opening (1)').max(366);
/** The plan as stored and answered. */
export const contactPlanSchema = z.object({
  invitation: z.boolean(),
  reminderDays: z.array(reminderDay).max(20),
  finalReminder: z.boolean(),
});
/** Set with the round (POST /rounds) and frozen with it; absent: DEFAULT_CONTACT_PLAN. Days sorted, once each. */
export const contactPlanInputSchema = contactPlanSchema.extend({
  reminderDays: z
    .array(reminderDay)
    .max(20)
    .transform((days) => [...new Set(days)].sort((a, b) => a - b)),
});
export const contactPlanDefault = () => ({ ...DEFAULT_CONTACT_PLAN, reminderDays: [...DEFAULT_CONTACT_PLAN.reminderDays] });

export const outboxMessageSchema = z.object({
  id: z.number().int(),
  uscc: z.string(),
  name: z.string(),
  channel: z.enum(OUTBOX_CHANNELS),
  kind: z.enum(MESSAGE_KINDS),
  /** The city's day the message was planned for (one per firm and channel a day). */
  day: z.string(),
  /** Full for the admin; masked (138****5678) for anyone else. */
  to: z.string(),
  status: z.enum(MESSAGE_STATUSES),
  attempts: z.number().int(),
  reason: z.string().nullable(),
  sentAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
});

export const outboxSchema = z.object({
  roundId: z.string(),
  /** Which channels have a gateway: without one, messages wait in the outbox for the .xlsx. */
  gateways: z.object({ sms: z.boolean(), email: z.boolean() }),
  quietHours: z.string(),
  plan: contactPlanSchema,
  counts: z.record(z.enum(MESSAGE_STATUSES), z.number().int()),
  /** Registry entries of the round's firms whose phone is not a mobile number: no SMS reaches them. */
  invalidPhones: z.array(z.object({ uscc: z.string(), name: z.string(), phone: z.string() })),
  messages: z.array(outboxMessageSchema),
});
export type Outbox = z.infer<typeof outboxSchema>;

export const remindersResultSchema = z.object({ queued: z.number().int() });
