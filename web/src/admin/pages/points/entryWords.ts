// A ledger entry in the reader's words. Entries the survey's measures scored are worded from their
// structured fields (round, measure, record), never from the text stored with them, and are signed by
// the system and the rulebook; people are named by their display name, never their login.
import type { PointsEntry } from '#shared/schemas/points.ts';

export interface EntryWordsDeps {
  t(
    key: 'auto.reason' | 'auto.reversal' | 'auto.evidence' | 'auto.submittedBy' | 'auto.reviewedBy',
    vars?: Record<string, string | number>,
  ): string;
  quarter(roundId: string): string;
  ruleName(e: Pick<PointsEntry, 'ruleNameZh' | 'ruleNameEn'>): string;
}

type Entry = Pick<
  PointsEntry,
  | 'source'
  | 'reason'
  | 'evidence'
  | 'roundId'
  | 'escalationId'
  | 'reversesId'
  | 'ruleNameZh'
  | 'ruleNameEn'
  | 'submittedBy'
  | 'submittedByName'
  | 'reviewedBy'
  | 'reviewedByName'
>;

const automatic = (e: Entry) => e.source === 'survey' && e.roundId !== null && e.escalationId !== null;

export function entryReason(e: Entry, w: EntryWordsDeps): { reason: string; evidence: string } {
  if (!automatic(e)) return { reason: e.reason, evidence: e.evidence };
  return {
    reason:
      e.reversesId !== null
        ? w.t('auto.reversal', { id: e.reversesId })
        : w.t('auto.reason', { quarter: w.quarter(e.roundId!), measure: w.ruleName(e) }),
    evidence: w.t('auto.evidence', { id: e.escalationId! }),
  };
}

export function entryPeople(e: Entry, w: EntryWordsDeps): { submittedBy: string; reviewedBy: string | null } {
  if (automatic(e)) return { submittedBy: w.t('auto.submittedBy'), reviewedBy: w.t('auto.reviewedBy') };
  return {
    submittedBy: e.submittedByName ?? e.submittedBy,
    reviewedBy: e.reviewedBy === null ? null : (e.reviewedByName ?? e.reviewedBy),
  };
}
