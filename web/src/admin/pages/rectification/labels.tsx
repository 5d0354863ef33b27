// Rectification labels in the current language: case status tags, quarters, dates, numbers and the
// sentences for the API's rectification error codes.
import { Tag } from 'antd';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { quarterLabel } from '#shared/round-lifecycle.ts';
import type { CaseStatus } from '#shared/schemas/rectification.ts';
import { usePageErrorText } from '../../errors.ts';
import type { ErrorCode } from '#shared/errors.ts';

const STATUS_COLORS: Record<CaseStatus, string> = { open: 'processing', submitted: 'gold', returned: 'orange', closed: 'success' };

export function CaseStatusTag({ status, overdue }: { status: CaseStatus; overdue?: boolean }) {
  const { t } = useTranslation('rectification');
  return (
    <>
      <Tag color={STATUS_COLORS[status]} data-testid="case-status">
        {t(`status.${status}`)}
      </Tag>
      {overdue ? (
        <Tag color="error" data-testid="case-overdue">
          {t('overdue')}
        </Tag>
      ) : null}
    </>
  );
}

/** "2026年第三季度" / "Q3 2026". */
export function useQuarter(): (roundId: string) => string {
  const { i18n } = useTranslation();
  return useCallback((id: string) => quarterLabel(id, i18n.language === 'en' ? 'en' : 'zh'), [i18n.language]);
}

export interface Dates {
  /** A calendar day (YYYY-MM-DD) or an instant, as a date. */
  date(value: string | null | undefined): string;
  dateTime(iso: string | null | undefined): string;
}

export function useDates(): Dates {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const d = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' });
    const local = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
    const dt = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
    return {
      // A bare day is shown as that day wherever the browser is; an instant in local time.
      date: (value) =>
        !value ? '—' : /^\d{4}-\d{2}-\d{2}$/.test(value) ? d.format(new Date(`${value}T00:00:00Z`)) : local.format(new Date(value)),
      dateTime: (iso) => (iso ? dt.format(new Date(iso)) : '—'),
    };
  }, [i18n.language]);
}

export const score = (mean: number | null | undefined): string => (mean === null || mean === undefined ? '—' : mean.toFixed(1));
export const percent = (rate: number | null | undefined): string =>
  rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`;

const CASE_ERROR_CODES = [
  'case_locked',
  'plan_missing',
  'ledger_empty',
  'case_not_submitted',
  'callback_missing',
  'reasons_unanswered',
  'reason_not_top',
] as const satisfies readonly ErrorCode[];

/** Like useErrorText, with the rectification error codes in words. */
export const useCaseErrorText = (): ((error: unknown) => string) => usePageErrorText('rectification', CASE_ERROR_CODES);
