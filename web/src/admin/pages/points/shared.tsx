// What the 干部积分 pages share: labels of ranks and rules, the entry status tag, today's date.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { RANK_LABELS, RANKS, type Rank } from '#shared/points/vocabulary.ts';
import type { PointsEntry } from '#shared/schemas/points.ts';

export function useRankLabel(): (rank: Rank) => string {
  const { i18n } = useTranslation();
  return (rank) => (i18n.language === 'en' ? RANK_LABELS[rank].en : RANK_LABELS[rank].zh);
}

export function useRankOptions() {
  const label = useRankLabel();
  return RANKS.map((r) => ({ value: r, label: label(r) }));
}

export function useRuleName(): (e: Pick<PointsEntry, 'ruleNameZh' | 'ruleNameEn'>) => string {
  const { i18n } = useTranslation();
  return (e) => (i18n.language === 'en' ? e.ruleNameEn : e.ruleNameZh);
}

const STATUS_COLOR: Record<PointsEntry['status'], string> = { pending: 'gold', approved: 'success', rejected: 'default' };

export function EntryStatus({ entry }: { entry: PointsEntry }) {
  const { t } = useTranslation('points');
  return (
    <>
      <Tag color={STATUS_COLOR[entry.status]}>{t(`status.${entry.status}`)}</Tag>
      {entry.reversedById ? <Tag color="purple">{t('reversed', { id: entry.reversedById })}</Tag> : null}
      {entry.reversesId ? <Tag color="purple">{t('reversal', { id: entry.reversesId })}</Tag> : null}
    </>
  );
}

export const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** The city's day (UTC+8), as the server counts it. */
export const cityToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
