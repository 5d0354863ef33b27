// The follow-up log's closed sets: one list each for the zod schemas, the database's CHECKs and the page.

/** How the office reached out: 电话 / 上门 / 短信 / 其他. */
export const FOLLOW_UP_CHANNELS = ['phone', 'visit', 'sms', 'other'] as const;
export type FollowUpChannel = (typeof FOLLOW_UP_CHANNELS)[number];

/** What came of it: 已提醒 / 拒访 / 联系不上 / 企业已注销或停业 / 号码错误. */
export const FOLLOW_UP_OUTCOMES = ['reminded', 'refused', 'unreachable', 'ineligible', 'wrong_number'] as const;
export type FollowUpOutcome = (typeof FOLLOW_UP_OUTCOMES)[number];

export const FOLLOW_UP_NOTE_MAX = 500;

/**
 * AAPOR final dispositions (Standard Definitions, internet surveys of specifically named persons):
 * complete (1.1), partial (1.2), refusal (2.11, explicit or implicit), non_contact (2.20),
 * unknown eligibility (3.x), ineligible (4.x).
 */
export const DISPOSITIONS = ['complete', 'partial', 'refusal', 'non_contact', 'ineligible', 'unknown'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];
