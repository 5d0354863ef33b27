// Why a record was revised, in the reader's language: the server sends a code with its round and the
// person's own words (shared/results/revision-reason.ts); the dashboard locale words it.
import type { EscalationLevel } from '#shared/results/escalation.ts';
import type { ReviewNote, RevisionReason } from '#shared/results/revision-reason.ts';

/** The translate function of the `dashboard` namespace, reduced to what this needs (easy to test). */
export type DashboardT = (key: string, vars?: Record<string, string | number>) => string;

export interface RevisionLookups {
  quarter(roundId: string): string;
  level(level: EscalationLevel): string;
}

export function revisionReasonText(t: DashboardT, look: RevisionLookups, reason: RevisionReason): string {
  if (reason.code === 'worded') return reason.note ?? '';
  return t(`escalations.revision.${reason.code}`, { round: look.quarter(reason.roundId), note: reason.note ?? '' });
}

export function reviewNoteText(t: DashboardT, look: RevisionLookups, note: ReviewNote): string {
  const why = revisionReasonText(t, look, note.reason);
  if (note.reason.code === 'worded') return why;
  const rule = note.rule
    ? t('escalations.revision.ruleNow', {
        measures: note.rule.measures.map(look.level).join(t('escalations.revision.and')),
        head: note.rule.headStreak,
        department: note.rule.departmentStreak,
      })
    : t('escalations.revision.ruleNone');
  return t('escalations.revision.sentences', { why, rule });
}
