import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewNote, RevisionReason } from '#shared/results/revision-reason.ts';
import { levelLabel, useQuarter } from '../dashboard/format.tsx';
import { reviewNoteText, revisionReasonText, type DashboardT, type RevisionLookups } from './revisionText.ts';

/** The revision reason and review note of a record, worded in the page's language. */
export function useRevisionText() {
  const { t, i18n } = useTranslation('dashboard');
  const quarter = useQuarter();
  return useMemo(() => {
    const dt = t as unknown as DashboardT;
    const look: RevisionLookups = { quarter, level: (l) => levelLabel(l, i18n.language) };
    return {
      reason: (r: RevisionReason | null) => (r ? revisionReasonText(dt, look, r) : null),
      reviewNote: (n: ReviewNote | null) => (n ? reviewNoteText(dt, look, n) : null),
    };
  }, [t, quarter, i18n.language]);
}
