// One table of ledger entries, used by the ledger, the review queue, the cadre page and the head's page.
import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { PointsEntry } from '#shared/schemas/points.ts';
import { useListStates } from '../../components/ListStates.tsx';
import { useQuarter } from '../rectification/labels.tsx';
import { entryPeople, entryReason, type EntryWordsDeps } from './entryWords.ts';
import { EntryStatus, signed, useRuleName } from './shared.tsx';

export function EntryTable({
  entries,
  loading,
  empty,
  actions,
  showCadre = true,
  pagination = false,
  testId,
  selection,
}: {
  entries: PointsEntry[];
  loading: boolean;
  empty: ReactNode;
  actions?: (e: PointsEntry) => ReactNode;
  showCadre?: boolean;
  /** Checkboxes on the rows (the review queue's bulk approval). */
  selection?: { selected: number[]; onChange(ids: number[]): void };
  pagination?: false | { current: number; pageSize: number; total: number; onChange(page: number): void };
  testId?: string;
}) {
  const { t } = useTranslation('points');
  const ruleName = useRuleName();
  const quarter = useQuarter();
  const states = useListStates();
  const words: EntryWordsDeps = { t: (key, vars) => t(key, vars ?? {}), quarter, ruleName };
  const columns: ColumnsType<PointsEntry> = [
    { title: t('columns.date'), dataIndex: 'date', width: 110 },
    ...(showCadre
      ? [
          {
            title: t('columns.name'),
            key: 'cadre',
            width: 160,
            render: (_: unknown, e: PointsEntry) => <Link to={`/points/cadres/${e.cadreId}`}>{e.cadreName}</Link>,
          },
          { title: t('columns.unit'), dataIndex: 'unitName', width: 180, ellipsis: true },
        ]
      : []),
    { title: t('columns.rule'), key: 'rule', render: (_, e) => ruleName(e) },
    {
      title: t('columns.points'),
      dataIndex: 'points',
      width: 80,
      align: 'right',
      render: (p: number) => (
        <Typography.Text type={p < 0 ? 'danger' : 'success'} strong>
          {signed(p)}
        </Typography.Text>
      ),
    },
    // The reason wraps instead of being cut: a reviewer reads it, and its evidence under it, before approving.
    {
      title: t('columns.reason'),
      key: 'reason',
      width: 300,
      render: (_, e) => {
        const { reason, evidence } = entryReason(e, words);
        return (
          <div data-testid="entry-reason-text">
            {reason}
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {t('columns.evidence')}：{evidence}
            </Typography.Text>
          </div>
        );
      },
    },
    { title: t('columns.status'), key: 'status', width: 190, render: (_, e) => <EntryStatus entry={e} /> },
    {
      title: t('columns.submittedBy'),
      key: 'by',
      width: 150,
      render: (_, e) => {
        const people = entryPeople(e, words);
        return (
          <span data-testid="entry-people">
            {people.submittedBy}
            {people.reviewedBy ? (
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {t('columns.reviewedBy')}：{people.reviewedBy}
              </Typography.Text>
            ) : null}
          </span>
        );
      },
    },
    ...(actions ? [{ title: t('columns.actions'), key: 'actions', width: 200, render: (_: unknown, e: PointsEntry) => actions(e) }] : []),
  ];
  return (
    <Table<PointsEntry>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={entries}
      scroll={{ x: 1000 }}
      rowSelection={
        selection ? { selectedRowKeys: selection.selected, onChange: (keys) => selection.onChange(keys as number[]) } : undefined
      }
      data-testid={testId}
      pagination={pagination ? { ...pagination, showSizeChanger: false } : false}
      {...states(loading, empty)}
    />
  );
}
