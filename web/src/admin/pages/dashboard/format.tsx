// Labels and number formats shared by the dashboard, the escalation board and the report.
import { Tag } from 'antd';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ESCALATION_LABELS, type EscalationLevel } from '#shared/results/escalation-levels.ts';
import { quarterLabel } from '#shared/round-lifecycle.ts';
import type { RoundStatus } from '#shared/schemas/rounds.ts';
import { ROUND_STATUS_COLORS } from '../../labels.ts';

export const COLORS = {
  primary: '#1d4ed8',
  flagged: '#cf1322',
  flaggedBg: '#fff1f0',
  muted: '#8c8c8c',
  limit95: '#fa8c16',
  limit998: '#cf1322',
  mean: '#595959',
  levels: { satisfied: '#389e0d', fairly_satisfied: '#95de64', basically_satisfied: '#fadb14', dissatisfied: '#cf1322' },
  series: ['#1d4ed8', '#d4380d', '#08979c', '#7cb305', '#722ed1', '#d48806', '#c41d7f', '#595959'],
} as const;

export const isEnglish = (lang: string) => lang === 'en';

/** 85.3 */
export const fmtMean = (x: number | null | undefined) => (x === null || x === undefined ? '—' : x.toFixed(1));
/** 93.4% */
export const fmtPct = (x: number | null | undefined, digits = 1) => (x === null || x === undefined ? '—' : `${(x * 100).toFixed(digits)}%`);

/** A department's name in the current language (the Chinese one when there is no English one). */
export function useDeptName(): (d: { name: string; nameEn?: string | null }) => string {
  const { i18n } = useTranslation();
  return useCallback((d) => (isEnglish(i18n.language) && d.nameEn ? d.nameEn : d.name), [i18n.language]);
}

/** "2026年第三季度" / "Q3 2026". */
export function useQuarter(): (roundId: string) => string {
  const { i18n } = useTranslation();
  return useCallback((id: string) => quarterLabel(id, isEnglish(i18n.language) ? 'en' : 'zh'), [i18n.language]);
}

export function useDates(): { dateTime(iso: string | null | undefined): string; date(iso: string | null | undefined): string } {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const dt = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
    const d = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
    return { dateTime: (iso) => (iso ? dt.format(new Date(iso)) : '—'), date: (iso) => (iso ? d.format(new Date(iso)) : '—') };
  }, [i18n.language]);
}

export function levelLabel(level: EscalationLevel, lang: string): string {
  return isEnglish(lang) ? ESCALATION_LABELS[level].en : ESCALATION_LABELS[level].zh;
}

const LEVEL_COLORS: Record<EscalationLevel, string> = { pledge: 'orange', admonishment: 'volcano', reassignment: 'red' };

export function LevelTag({ level }: { level: EscalationLevel | null }) {
  const { i18n } = useTranslation();
  if (!level) return <span>—</span>;
  return (
    <Tag color={LEVEL_COLORS[level]} data-level={level}>
      {levelLabel(level, i18n.language)}
    </Tag>
  );
}

export function StatusTag({ status }: { status: RoundStatus }) {
  const { t } = useTranslation('dashboard');
  return <Tag color={ROUND_STATUS_COLORS[status]}>{t(`status.${status}`)}</Tag>;
}
