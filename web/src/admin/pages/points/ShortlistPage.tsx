// 职级晋升推荐名单: for a rank and a number of places, the eligible cadres in points order, with the
// reserve and who is not eligible; exported to Excel or printed for the organisation department's meeting.
import { Alert, Button, Card, Flex, Input, InputNumber, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Rank } from '#shared/points/vocabulary.ts';
import type { Shortlist, StandingRow } from '#shared/schemas/points.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { getShortlist, shortlistXlsxUrl } from '../../endpoints.ts';
import { useLoad } from '../../useLoad.ts';
import { cityToday, signed, useRankOptions } from './shared.tsx';

/** `reserve`: the reserve's first column is its order of call-up (1, 2, …), as in the exported file. */
export function useShortlistColumns(reserve = false) {
  const { t } = useTranslation('points');
  return [
    {
      title: reserve ? t('shortlist.reserveOrder') : t('shortlist.position'),
      key: 'n',
      width: 70,
      render: (_: unknown, __: StandingRow, i: number) => i + 1,
    },
    {
      title: t('columns.name'),
      key: 'name',
      width: 100,
      render: (_: unknown, r: StandingRow) => <Link to={`/points/cadres/${r.cadreId}`}>{r.name}</Link>,
    },
    { title: t('columns.code'), dataIndex: 'code', width: 100 },
    { title: t('columns.unit'), dataIndex: 'unitName' },
    { title: t('columns.post'), dataIndex: 'post', width: 160 },
    { title: t('columns.base'), dataIndex: 'base', width: 70, align: 'right' as const },
    { title: t('columns.awards'), dataIndex: 'awards', width: 70, align: 'right' as const, render: (n: number) => signed(n) },
    { title: t('columns.deductions'), dataIndex: 'deductions', width: 70, align: 'right' as const },
    {
      title: t('columns.total'),
      dataIndex: 'total',
      width: 80,
      align: 'right' as const,
      render: (n: number, r: StandingRow) => (
        <>
          <strong>{n}</strong>
          {r.tiedOnTotal ? <Tag style={{ marginLeft: 4 }}>{t('columns.tied')}</Tag> : null}
        </>
      ),
    },
  ];
}

export default function ShortlistPage() {
  const { t, i18n } = useTranslation('points');
  const rankOptions = useRankOptions();
  const [rank, setRank] = useState<Rank>('researcher_4');
  const [places, setPlaces] = useState(10);
  const [asOf, setAsOf] = useState(cityToday());
  const query = { rank, places, asOf: /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? asOf : undefined };
  const data = useLoad((signal) => getShortlist(query, signal), [rank, places, asOf]);
  const columns = useShortlistColumns();
  const reserveColumns = useShortlistColumns(true);
  const list: Shortlist | undefined = data.data;
  const printUrl = `/points/shortlist/print?${new URLSearchParams({ rank, places: String(places), ...(query.asOf ? { asOf: query.asOf } : {}) })}`;

  return (
    <>
      <PageHeader
        title={t('shortlist.title')}
        subtitle={t('shortlist.subtitle')}
        extra={
          <Flex gap={8}>
            <Button href={shortlistXlsxUrl(query)} data-testid="shortlist-export">
              {t('shortlist.export')}
            </Button>
            <Button href={printUrl} target="_blank" data-testid="shortlist-print">
              {t('shortlist.print')}
            </Button>
          </Flex>
        }
      />
      <Flex gap={12} wrap style={{ marginBottom: 12 }} align="center">
        <Select
          aria-label={t('shortlist.rank')}
          options={rankOptions}
          value={rank}
          onChange={setRank}
          style={{ width: 200 }}
          data-testid="shortlist-rank"
        />
        <InputNumber
          aria-label={t('shortlist.places')}
          min={1}
          max={500}
          value={places}
          onChange={(v) => setPlaces(v ?? 1)}
          addonBefore={t('shortlist.places')}
        />
        <Input type="date" aria-label={t('standings.asOf')} value={asOf} onChange={(e) => setAsOf(e.target.value)} style={{ width: 170 }} />
      </Flex>
      {data.error ? <LoadError error={data.error} onRetry={data.reload} /> : null}
      {list ? (
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={
              <>
                {t('shortlist.eligible', { n: list.eligibleCount })}　
                {t('standings.tieBreak', { rule: i18n.language === 'en' ? list.tieBreak.en : list.tieBreak.zh })}
              </>
            }
          />
          {list.tieAtCut ? (
            <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('shortlist.tieAtCut')} data-testid="shortlist-tie" />
          ) : null}
          <Card title={t('shortlist.listed')} size="small" style={{ marginBottom: 12 }}>
            <Table<StandingRow>
              rowKey="cadreId"
              size="small"
              pagination={false}
              dataSource={list.shortlisted}
              columns={columns}
              data-testid="shortlist-table"
              scroll={{ x: 900 }}
            />
          </Card>
          <Card title={t('shortlist.reserve')} size="small" style={{ marginBottom: 12 }}>
            <Table<StandingRow>
              rowKey="cadreId"
              size="small"
              pagination={false}
              dataSource={list.reserve}
              columns={reserveColumns}
              scroll={{ x: 900 }}
            />
          </Card>
          {list.ineligible.length ? (
            <Card title={t('shortlist.ineligible')} size="small">
              {list.ineligible.map((r) => (
                <Tag key={r.cadreId}>
                  {r.name}（{t(`shortlist.reason.${r.reason}`)}）
                </Tag>
              ))}
            </Card>
          ) : null}
        </>
      ) : (
        <Typography.Text type="secondary">{t('shortlist.pick')}</Typography.Text>
      )}
    </>
  );
}
