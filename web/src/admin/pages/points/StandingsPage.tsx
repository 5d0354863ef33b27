// 干部积分排名: every cadre in service on a date, ranked within their rank; heads see their own unit.
import { Alert, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Rank } from '#shared/points/vocabulary.ts';
import type { StandingRow } from '#shared/schemas/points.ts';
import { useListStates, useOptionStates } from '../../components/ListStates.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { getStandings, listUnits } from '../../endpoints.ts';
import { useLoad } from '../../useLoad.ts';
import { cityToday, signed, useRankLabel, useRankOptions } from './shared.tsx';

export default function StandingsPage() {
  const { t, i18n } = useTranslation('points');
  const [asOf, setAsOf] = useState(cityToday());
  const [rank, setRank] = useState<Rank | undefined>();
  const [unit, setUnit] = useState<string | undefined>();
  const rankLabel = useRankLabel();
  const rankOptions = useRankOptions();
  const states = useListStates();
  const optionStates = useOptionStates();
  const units = useLoad((signal) => listUnits(signal), []);
  const data = useLoad(
    (signal) => getStandings({ asOf: /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? asOf : undefined, rank, unit }, signal),
    [asOf, rank, unit],
  );
  const tieBreak = data.data ? (i18n.language === 'en' ? data.data.tieBreak.en : data.data.tieBreak.zh) : '';

  return (
    <>
      <PageHeader title={t('standings.title')} subtitle={t('standings.subtitle')} />
      <Flex gap={12} wrap style={{ marginBottom: 12 }}>
        <label>
          <Typography.Text type="secondary">{t('standings.asOf')} </Typography.Text>
          <Input
            type="date"
            value={asOf}
            onChange={(e) => setAsOf(e.target.value)}
            style={{ width: 170 }}
            data-testid="standings-asof"
            aria-label={t('standings.asOf')}
          />
        </label>
        <Select
          allowClear
          placeholder={t('standings.allRanks')}
          aria-label={t('standings.rank')}
          options={rankOptions}
          value={rank}
          onChange={setRank}
          style={{ width: 200 }}
          data-testid="standings-rank"
        />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('standings.allUnits')}
          aria-label={t('standings.unit')}
          style={{ width: 240 }}
          options={(units.data ?? []).map((u) => ({ value: u.code, label: u.nameZh }))}
          value={unit}
          onChange={setUnit}
          {...optionStates(units)}
        />
      </Flex>
      {data.error ? <LoadError error={data.error} onRetry={data.reload} /> : null}
      {data.data ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={
            <>
              {t('standings.tieBreak', { rule: tieBreak })}　{t('standings.rulebook', { version: data.data.rulebookVersion ?? '—' })}　
              {t('standings.count', { n: data.data.items.length })}
            </>
          }
        />
      ) : null}
      <Table<StandingRow>
        rowKey="cadreId"
        size="small"
        dataSource={data.data?.items ?? []}
        data-testid="standings-table"
        scroll={{ x: 1100 }}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        {...states(data.loading, t('standings.empty'))}
        columns={[
          { title: t('columns.rank'), dataIndex: 'rank', width: 140, render: (r: Rank) => rankLabel(r) },
          {
            title: t('columns.position'),
            key: 'position',
            width: 110,
            render: (_, r) => (
              <>
                {r.position} / {r.cohortSize}
                {r.tiedOnTotal ? (
                  <Tag style={{ marginLeft: 4 }} title={t('tied')}>
                    {t('columns.tied')}
                  </Tag>
                ) : null}
              </>
            ),
          },
          {
            title: t('columns.name'),
            key: 'name',
            width: 110,
            render: (_, r) => <Link to={`/points/cadres/${r.cadreId}?asOf=${data.data?.asOf ?? ''}`}>{r.name}</Link>,
          },
          { title: t('columns.code'), dataIndex: 'code', width: 100 },
          { title: t('columns.unit'), dataIndex: 'unitName', ellipsis: true },
          { title: t('columns.post'), dataIndex: 'post', width: 160, ellipsis: true },
          { title: t('columns.base'), dataIndex: 'base', width: 80, align: 'right' },
          { title: t('columns.awards'), dataIndex: 'awards', width: 80, align: 'right', render: (n: number) => signed(n) },
          {
            title: t('columns.deductions'),
            dataIndex: 'deductions',
            width: 80,
            align: 'right',
            render: (n: number) => <Typography.Text type={n < 0 ? 'danger' : undefined}>{n}</Typography.Text>,
          },
          { title: t('columns.total'), dataIndex: 'total', width: 90, align: 'right', render: (n: number) => <strong>{n}</strong> },
        ]}
      />
    </>
  );
}
