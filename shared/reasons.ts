// Reasons for 不满意: a fixed list per round (its frozen rules), chosen by a firm only with a 不满意
// rating, at most REASONS_MAX per department. The codes and their default words are a vocabulary
// (shared/vocabulary/named.ts) like the department categories; a round stores its own wording as
// ReasonEntry ({ code, labelZh, labelEn }, the API's and the database's shape). Browser-safe: the survey loads this.
import type { Named, NamedEntry } from './vocabulary/named.ts';

/** Every reason code a round may offer; the database's enum is this list. Codes never change meaning. */
export const REASON_CODES = [
  'slow',
  'repeat_trips',
  'unclear_requirements',
  'policy_not_implemented',
  'poor_attitude',
  'improper_fees',
  'other',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

export interface ReasonEntry {
  code: ReasonCode;
  labelZh: string;
  labelEn: string;
}

/** The default words of every code: 办事效率低、多次跑动、材料要求不明、政策落实不到位、服务态度差、乱收费或吃拿卡要、其他. */
export const REASON_WORDS: readonly NamedEntry<ReasonCode>[] = [
  { key: 'slow', zh: '办事效率低', en: 'Slow to get things done' },
  { key: 'repeat_trips', zh: '多次跑动', en: 'Several trips for one matter' },
  { key: 'unclear_requirements', zh: '材料要求不明', en: 'Unclear document requirements' },
  { key: 'policy_not_implemented', zh: '政策落实不到位', en: 'Policies not carried out' },
  { key: 'poor_attitude', zh: '服务态度差', en: 'Poor service attitude' },
  { key: 'improper_fees', zh: '乱收费或吃拿卡要', en: 'Improper fees or favours asked' },
  { key: 'other', zh: '其他', en: 'Other' },
] satisfies Named<typeof REASON_CODES>;

/** A vocabulary entry as a round's reason (the stored and served shape). */
export const reasonEntry = ({ key, zh, en }: NamedEntry<ReasonCode>): ReasonEntry => ({ code: key, labelZh: zh, labelEn: en });

/** The list a new round offers: every code with its default words. */
export const DEFAULT_REASONS: ReasonEntry[] = REASON_WORDS.map(reasonEntry);

/** At most this many reasons per 不满意 rating. */
export const REASONS_MAX = 3;
/** A reason chosen by fewer firms than this is shown as "<3" (count null): a count of 1 or 2 could point at a firm. */
export const REASON_MIN_COUNT = 3;
/** How many of a department's reasons its rectification plan must answer. */
export const TOP_REASONS = 3;

export const isReasonCode = (code: string): code is ReasonCode => (REASON_CODES as readonly string[]).includes(code);

export interface ReasonCount {
  code: ReasonCode;
  count: number | null;
}

/**
 * One department's reasons as shown: every reason the round offered, most chosen first (the round's
 * order among equals and among the suppressed), with `count: null` below REASON_MIN_COUNT (0 included,
 * so a reader cannot tell 0 from 1 or 2).
 */
export function reasonCounts(
  offered: readonly ReasonCode[],
  chosen: ReadonlyMap<ReasonCode, number>,
  min = REASON_MIN_COUNT,
): ReasonCount[] {
  const rows = offered.map((code, index) => {
    const n = chosen.get(code) ?? 0;
    return { code, count: n >= min ? n : null, index };
  });
  rows.sort((a, b) => (b.count ?? -1) - (a.count ?? -1) || a.index - b.index);
  return rows.map(({ code, count }) => ({ code, count }));
}

/** The reasons a rectification plan answers: the most chosen shown ones, at most TOP_REASONS. */
export function topReasons(counts: readonly ReasonCount[], n = TOP_REASONS): { code: ReasonCode; count: number }[] {
  return counts
    .filter((r): r is { code: ReasonCode; count: number } => r.count !== null)
    .sort((a, b) => b.count - a.count)
    .slice(0, n);
}
