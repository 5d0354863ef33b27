// The escalation levels and their names, apart from the policy and its zod schema (escalation.ts), so
// that the dashboard's first screen can name a measure without loading zod.

/** Least to most severe. */
export const ESCALATION_LEVELS = ['pledge', 'admonishment', 'reassignment'] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];

export const ESCALATION_LABELS: Record<EscalationLevel, { zh: string; en: string }> = {
  pledge: { zh: '大会表态发言 + 约谈提醒', en: 'Public pledge and reminder talk' },
  admonishment: { zh: '诫勉谈话', en: 'Admonishment talk' },
  reassignment: { zh: '调离岗位', en: 'Reassignment (removal from post)' },
};
