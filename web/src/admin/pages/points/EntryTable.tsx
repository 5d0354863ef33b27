// One table of ledger entries, used by the ledger, the review queue, the cadre page and the head's page.
import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { PointsEntry } from '../../../../../shared/schemas/points.ts';
import { useListStates } from '../../components/ListStates.tsx';
import { useQuarter } from '../rectification/labels.tsx';
import { EntryStatus, signed, useRuleName } from './shared.tsx';

export function EntryTable({ entries, loading, empty, actions, showCadre = true, pagination = false, testId }: {
  entries: PointsEntry[]; loading: boolean; empty: ReactNode; actions?: (e: PointsEntry) => ReactNode; showCadre?: boolean;
  pagination?: false | { current: number; pageSize: number; total: number; onChange(page: number): void }; testId?: string;
}) {
  const { t } = useTranslation('points');
  const ruleName = useRuleName();
  const quarter = useQuarter();
  const states = useListStates();
  const columns: ColumnsType<PointsEntry> = [
    { title: t('columns.date'), dataIndex: 'date', width: 110 },
    ...(showCadre ? [{
      title: t('columns.name'), key: 'cadre', width: 160,
      render: (_: unknown, e: PointsEntry) => <Link to={`/points/cadres/${e.cadreId}`}>{e.cadreName}</Link>,
    }, { title: t('columns.unit'), dataIndex: 'unitName', width: 180, ellipsis: true }] : []),
    { title: t('columns.rule'), key: 'rule', render: (_, e) => ruleName(e) },
    { title: t('columns.points'), dataIndex: 'points', width: 80, align: 'right', render: (p: number) => <Typography.Text type={p < 0 ? 'danger' : 'success'} strong>{signed(p)}</Typography.Text> },
    { title: t('columns.reason'), key: 'reason', ellipsis: true, render: (_, e) => (
      <span title={`${e.reason} · ${e.evidence}`}>{e.roundId ? `${quarter(e.roundId)} · ` : ''}{e.reason}<Typography.Text type="secondary"> · {e.evidence}</Typography.Text></span>
    ) },
    { title: t('columns.status'), key: 'status', width: 190, render: (_, e) => <EntryStatus entry={e} /> },
    { title: t('columns.submittedBy'), key: 'by', width: 150, render: (_, e) => `${e.submittedBy}${e.reviewedBy ? ` / ${e.reviewedBy}` : ''}` },
    ...(actions ? [{ title: t('columns.actions'), key: 'actions', width: 200, render: (_: unknown, e: PointsEntry) => actions(e) }] : []),
  ];
  return (
    <Table<PointsEntry>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={entries}
      scroll={{ x: 1000 }}
      data-testid={testId}
      pagination={pagination ? { ...pagination, showSizeChanger: false } : false}
      {...states(loading, empty)}
    />
  );
}
