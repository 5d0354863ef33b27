// The closed sets of the cadre points domain (干部积分制): one source for zod, the database enums and the UI.

/** Civil-service ranks (职级), most senior first. A cohort for ranking and promotion is one rank. */
export const RANKS = [
  'inspector_1',
  'inspector_2',
  'researcher_1',
  'researcher_2',
  'researcher_3',
  'researcher_4',
  'principal_1',
  'principal_2',
  'principal_3',
  'principal_4',
  'clerk_1',
  'clerk_2',
] as const;
export type Rank = (typeof RANKS)[number];
export const RANK_LABELS: Record<Rank, { zh: string; en: string }> = {
  inspector_1: { zh: '一级巡视员', en: 'Inspector, 1st grade' },
  inspector_2: { zh: '二级巡视员', en: 'Inspector, 2nd grade' },
  researcher_1: { zh: '一级调研员', en: 'Researcher, 1st grade' },
  researcher_2: { zh: '二级调研员', en: 'Researcher, 2nd grade' },
  researcher_3: { zh: '三级调研员', en: 'Researcher, 3rd grade' },
  researcher_4: { zh: '四级调研员', en: 'Researcher, 4th grade' },
  principal_1: { zh: '一级主任科员', en: 'Principal staff member, 1st grade' },
  principal_2: { zh: '二级主任科员', en: 'Principal staff member, 2nd grade' },
  principal_3: { zh: '三级主任科员', en: 'Principal staff member, 3rd grade' },
  principal_4: { zh: '四级主任科员', en: 'Principal staff member, 4th grade' },
  clerk_1: { zh: '一级科员', en: 'Staff member, 1st grade' },
  clerk_2: { zh: '二级科员', en: 'Staff member, 2nd grade' },
};

/** 在岗 · 退出领导岗位 (still in the system, still competes) · 退休 · 调出. */
export const CADRE_STATUSES = ['in_post', 'left_leadership', 'retired', 'transferred_out'] as const;
export type CadreStatus = (typeof CADRE_STATUSES)[number];
/** Statuses that keep a cadre in the standings and eligible for promotion. */
export const IN_SERVICE: readonly CadreStatus[] = ['in_post', 'left_leadership'];

/** A unit is a rated department or one of the others (townships, offices, institutions). */
export const UNIT_KINDS = ['department', 'township', 'office', 'institution'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const RULE_KINDS = ['award', 'deduction'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

/** Award levels (national / provincial / city / unit); accountability rules carry a type instead. */
export const RULE_LEVELS = ['national', 'provincial', 'city', 'unit'] as const;
export type RuleLevel = (typeof RULE_LEVELS)[number];

export const ENTRY_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

/** manual: submitted by the organisation department; survey: created by a done escalation measure. */
export const ENTRY_SOURCES = ['manual', 'survey'] as const;
export type EntrySource = (typeof ENTRY_SOURCES)[number];

/** The survey's measures are rule codes of the rulebook, so a done measure scores by the book. */
export const MEASURE_RULE_CODES = ['pledge', 'admonishment', 'reassignment'] as const;
export type MeasureRuleCode = (typeof MEASURE_RULE_CODES)[number];
