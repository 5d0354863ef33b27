// The round form's verdict rules: the reasons for 不满意 the survey offers (codes stable, wording editable)
// and which ranking is official. Pure: the form component (VerdictRulesFields.tsx) only draws these.
import { DEFAULT_REASONS, REASON_CODES, type ReasonEntry } from '#shared/reasons.ts';
import { DEFAULT_OFFICIAL_RANKING, type OfficialRanking } from '#shared/results/official-ranking.ts';

export interface VerdictRules {
  reasons: ReasonEntry[];
  officialRanking: OfficialRanking;
}

/** A new round starts with the default list and the unweighted ranking; a draft with its own. */
export function initialVerdictRules(round?: Partial<VerdictRules>): VerdictRules {
  return {
    reasons: (round?.reasons ?? DEFAULT_REASONS).map((r) => ({ ...r })),
    officialRanking: round?.officialRanking ?? DEFAULT_OFFICIAL_RANKING,
  };
}

/**
 * The reason "add" puts back: the first code (in the list's fixed order) the round does not offer, with
 * its default wording; null when every code is offered. Codes never change meaning, so a removed reason
 * comes back under its own code, and renaming one changes its words only.
 */
export function addableReason(list: readonly Pick<ReasonEntry, 'code'>[]): ReasonEntry | null {
  const used = new Set(list.map((r) => r.code));
  const code = REASON_CODES.find((c) => !used.has(c));
  return code ? { ...DEFAULT_REASONS.find((r) => r.code === code)! } : null;
}

/** The part of the round's request body these fields give (trimmed words; the shared schema decides the rest). */
export function verdictRulesBody(values: object): Partial<VerdictRules> {
  const v = values as Partial<VerdictRules>;
  return {
    ...(v.reasons
      ? { reasons: v.reasons.map((r) => ({ code: r.code, labelZh: r.labelZh?.trim() ?? '', labelEn: r.labelEn?.trim() ?? '' })) }
      : {}),
    ...(v.officialRanking ? { officialRanking: v.officialRanking } : {}),
  };
}
