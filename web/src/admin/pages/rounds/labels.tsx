// Round and invitation labels in the current language: statuses, quarters, strata, times, and the
// sentences for the API's round-specific error codes.
import { Tag } from 'antd';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { quarterLabel } from '#shared/round-lifecycle.ts';
import type { Invitation, RoundStatus, StratifyBy } from '#shared/schemas/rounds.ts';
import { usePageErrorText } from '../../errors.ts';
import { sizeLabel } from '../../labels.ts';
import type { ErrorCode } from '#shared/errors.ts';
import { ROUND_STATUS_COLORS } from '../../labels.ts';

export function RoundStatusTag({ status }: { status: RoundStatus }) {
  const { t } = useTranslation('rounds');
  return (
    <Tag color={ROUND_STATUS_COLORS[status]} data-testid="round-status">
      {t(`status.${status}`)}
    </Tag>
  );
}

const INVITATION_COLORS: Record<Invitation['status'], string> = {
  not_opened: 'default',
  opened: 'blue',
  drafted: 'gold',
  submitted: 'green',
  replaced: 'red',
};

export function InvitationStatusTag({ status }: { status: Invitation['status'] }) {
  const { t } = useTranslation('rounds');
  return <Tag color={INVITATION_COLORS[status]}>{t(`invitationStatus.${status}`)}</Tag>;
}

/** "2026年第一季度" / "Q1 2026". */
export function useQuarter(): (roundId: string) => string {
  const { i18n } = useTranslation();
  return useCallback((id: string) => quarterLabel(id, i18n.language === 'en' ? 'en' : 'zh'), [i18n.language]);
}

/** A stratum key as people read it ("" when the round is not stratified). */
export function useStratumLabel(): (stratum: string, by: StratifyBy | null) => string {
  const { t, i18n } = useTranslation('rounds');
  return useCallback(
    (stratum: string, by: StratifyBy | null) => {
      if (!by || stratum === '') return t('stratify.all');
      return by === 'size' ? sizeLabel(stratum, i18n.language) : stratum;
    },
    [t, i18n.language],
  );
}

export interface TimeFormat {
  dateTime(iso: string | null | undefined): string;
  date(iso: string | null | undefined): string;
}

export function useTimeFormat(): TimeFormat {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const dt = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
    const d = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
    return {
      dateTime: (iso) => (iso ? dt.format(new Date(iso)) : '—'),
      date: (iso) => (iso ? d.format(new Date(iso)) : '—'),
    };
  }, [i18n.language]);
}

export function percent(rate: number): string {
  return `${(rate * 100).toFixed(1)}%`;
}

const ROUND_ERROR_CODES = [
  'round_exists',
  'illegal_transition',
  'empty_pool',
  'deadline_passed',
  'not_drawn',
  'already_replaced',
  'already_submitted',
  'no_backup_left',
  'forbidden',
  'results_computed',
] as const satisfies readonly ErrorCode[];

/** Like useErrorText, with the rounds' own error codes in words. */
export const useRoundErrorText = (): ((error: unknown) => string) => usePageErrorText('rounds', ROUND_ERROR_CODES);
