// The shortlist on A4 for the meeting: no menu, plain table, the rule that made it, then the print dialog.
import { Spin, Table, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { RANKS, type Rank } from '#shared/points/vocabulary.ts';
import type { StandingRow } from '#shared/schemas/points.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { getShortlist } from '../../endpoints.ts';
import { useLoad } from '../../useLoad.ts';
import { useShortlistColumns } from './ShortlistPage.tsx';
import { useRankLabel } from './shared.tsx';

export default function ShortlistPrintPage() {
  const { t, i18n } = useTranslation('points');
  const [params] = useSearchParams();
  const rank = (RANKS as readonly string[]).includes(params.get('rank') ?? '') ? (params.get('rank') as Rank) : 'researcher_4';
  const places = Number(params.get('places') ?? 10) || 10;
  const asOf = params.get('asOf') ?? undefined;
  const rankLabel = useRankLabel();
  const columns = useShortlistColumns();
  const reserveColumns = useShortlistColumns(true);
  const data = useLoad((signal) => getShortlist({ rank, places, asOf }, signal), [rank, places, asOf]);
  useEffect(() => {
    if (data.data) setTimeout(() => window.print(), 300);
  }, [data.data]);
  if (data.error) return <LoadError error={data.error} onRetry={data.reload} />;
  if (!data.data) return <Spin style={{ display: 'block', marginTop: 96 }} />;
  const list = data.data;
  return (
    <main style={{ maxWidth: 1000, margin: '0 auto', padding: 24, background: '#fff' }} data-testid="shortlist-print">
      <Typography.Title level={3} style={{ textAlign: 'center' }}>
        {t('shortlist.printTitle', { rank: rankLabel(list.rank), asOf: list.asOf })}
      </Typography.Title>
      <Typography.Title level={5}>{t('shortlist.listed')}</Typography.Title>
      {/* On a phone the tables scroll in their box; printed, they fit the page. */}
      <div style={{ overflowX: 'auto' }}>
        <Table<StandingRow> rowKey="cadreId" size="small" pagination={false} bordered dataSource={list.shortlisted} columns={columns} />
      </div>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('shortlist.reserve')}
      </Typography.Title>
      <div style={{ overflowX: 'auto' }}>
        <Table<StandingRow> rowKey="cadreId" size="small" pagination={false} bordered dataSource={list.reserve} columns={reserveColumns} />
      </div>
      {list.tieAtCut ? <Typography.Paragraph style={{ marginTop: 12 }}>{t('shortlist.tieAtCut')}</Typography.Paragraph> : null}
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, fontSize: 12 }}>
        {t('shortlist.eligible', { n: list.eligibleCount })}；
        {t('shortlist.printFooter', {
          version: list.rulebookVersion ?? '—',
          rule: i18n.language === 'en' ? list.tieBreak.en : list.tieBreak.zh,
        })}
      </Typography.Paragraph>
    </main>
  );
}
