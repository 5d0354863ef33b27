// Reasons for 不满意 as a reader sees them: the round's wording, the count or "<3".
import type { ReasonCode, ReasonCount, ReasonEntry } from '#shared/reasons.ts';

export interface ReasonItem {
  code: ReasonCode;
  label: string;
  count: number | null;
  text: string;
}

/** Every reason in the order given (most chosen first), worded as the round words it; fewer than 3 as "<3". */
export function reasonItems(reasons: readonly ReasonCount[], offered: readonly ReasonEntry[], en: boolean, fewer = '<3'): ReasonItem[] {
  const wording = new Map(offered.map((r) => [r.code, en ? r.labelEn : r.labelZh]));
  return reasons.map((r) => ({
    code: r.code,
    label: wording.get(r.code) ?? r.code,
    count: r.count,
    text: r.count === null ? fewer : String(r.count),
  }));
}

/** The most chosen shown reasons in one line ("多次跑动 13 · 办事效率低 7"); empty when none reached 3. */
export function reasonLine(items: readonly ReasonItem[], max = 2): string {
  return items
    .filter((r) => r.count !== null)
    .slice(0, max)
    .map((r) => `${r.label} ${r.text}`)
    .join(' · ');
}

/** One of a case's top reasons with what its plan does about it (the measures aimed at it; none yet: []). */
export interface ReasonAnswer {
  code: ReasonCode;
  label: string;
  count: number;
  measures: { measure: string; owner: string; due: string }[];
}

/** The plan's answer per top reason, in the top reasons' order; a plan not yet written answers none. */
export function planAnswers(
  top: readonly { code: ReasonCode; count: number; labelZh: string; labelEn: string }[],
  measures: readonly { measure: string; owner: string; due: string; reason?: ReasonCode | undefined }[] | undefined,
  en: boolean,
): ReasonAnswer[] {
  return top.map((r) => ({
    code: r.code,
    label: en ? r.labelEn : r.labelZh,
    count: r.count,
    measures: (measures ?? []).filter((m) => m.reason === r.code).map(({ measure, owner, due }) => ({ measure, owner, due })),
  }));
}
