// Rectification cases: a head sees their department's; admins, leaders and supervisors see all, with filters.
import { Alert, Flex, Select, Table, Typography, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { CASE_STATUSES, type CaseSummary } from '#shared/schemas/rectification.ts';
import { useUser } from '../../auth.tsx';
import { useListStates, useOptionStates } from '../../components/ListStates.tsx';
import { LoadError, StaleDataWarning } from '../../components/LoadError.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { listCases, type CaseQuery } from '../../endpoints.ts';
import { useLoad } from '../../useLoad.ts';
import { CaseStatusTag, useDates, useQuarter } from './labels.tsx';
import { OutcomeCell } from './Outcome.tsx';

const STATUS_FILTERS = [...CASE_STATUSES, 'overdue'] as const;
type StatusFilter = (typeof STATUS_FILTERS)[number];
const isStatusFilter = (v: string | null): v is StatusFilter => STATUS_FILTERS.includes(v as StatusFilter);

export function CasesPage() {
  const { t } = useTranslation('rectification');
  const { t: tc } = useTranslation('common');
  const user = useUser();
  const isHead = user.role === 'dept_head';
  const quarter = useQuarter();
  const dates = useDates();
  const listStates = useListStates();
  // Filters live in the URL, so a filtered list can be shared and survives going back from a case.
  const [params, setParams] = useSearchParams();
  const statusParam = params.get('status');
  const status = isStatusFilter(statusParam) ? statusParam : undefined;
  const roundId = params.get('roundId') ?? undefined;
  const query: CaseQuery = isHead ? {} : { status, roundId };
  const { data, error, loading, reload } = useLoad((signal) => listCases(query, signal), [query.status, query.roundId]);
  // The round filter offers every round that has cases (from an unfiltered look, kept while filtering).
  const all = useLoad((signal) => (isHead ? Promise.resolve([]) : listCases({}, signal)), [isHead]);
  const optionStates = useOptionStates();
  const roundOptions = useMemo(
    () =>
      [...new Set((all.data ?? []).map((c) => c.roundId))]
        .sort()
        .reverse()
        .map((id) => ({ value: id, label: quarter(id) })),
    [all.data, quarter],
  );

  const setFilter = (key: 'status' | 'roundId', value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const columns: TableColumnsType<CaseSummary> = [
    { title: t('columns.round'), dataIndex: 'roundId', width: 130, render: (id: string) => quarter(id) },
    ...(isHead ? [] : [{ title: t('columns.department'), dataIndex: 'departmentName', render: (name: string) => name }]),
    {
      title: t('columns.status'),
      key: 'status',
      width: 170,
      render: (_, c) => <CaseStatusTag status={c.status} overdue={c.overdue} />,
    },
    {
      title: t('columns.deadline'),
      dataIndex: 'deadline',
      width: 130,
      render: (deadline: string, c) => (
        <Typography.Text type={c.overdue ? 'danger' : undefined} strong={c.overdue}>
          {dates.date(deadline)}
        </Typography.Text>
      ),
    },
    { title: t('columns.ledger'), dataIndex: 'ledgerEntries', width: 100, render: (n: number) => t('ledgerCount', { n }) },
    { title: t('columns.outcome'), key: 'outcome', render: (_, c) => <OutcomeCell c={c} /> },
    {
      title: t('columns.actions'),
      key: 'actions',
      width: 100,
      render: (_, c) => (
        <Link to={`/rectification/${c.id}`} data-testid={`case-link-${c.id}`}>
          {isHead && (c.status === 'open' || c.status === 'returned') ? t('work') : t('open')}
        </Link>
      ),
    },
  ];

  const filtered = !isHead && (status !== undefined || roundId !== undefined);
  return (
    <>
      <PageHeader title={t('title')} subtitle={isHead ? t('subtitleHead') : t('subtitleAll')} />
      {user.role === 'leader' || user.role === 'supervisor' ? (
        <Alert type="info" showIcon title={t('subtitleReadOnly')} style={{ marginBottom: 16 }} />
      ) : null}
      {error && !data ? (
        <LoadError error={error} onRetry={reload} />
      ) : (
        <>
          {isHead ? null : (
            <Flex gap={8} wrap style={{ marginBottom: 16 }} data-testid="case-filters">
              <Select
                allowClear
                aria-label={t('filters.status')}
                placeholder={t('filters.allStatuses')}
                style={{ width: 200 }}
                value={status}
                onChange={(v?: StatusFilter) => setFilter('status', v)}
                options={STATUS_FILTERS.map((s) => ({ value: s, label: s === 'overdue' ? t('overdueFilter') : t(`status.${s}`) }))}
              />
              <Select
                allowClear
                aria-label={t('filters.round')}
                placeholder={t('filters.allRounds')}
                style={{ width: 200 }}
                value={roundId}
                onChange={(v?: string) => setFilter('roundId', v)}
                options={roundOptions}
                {...optionStates(all)}
              />
            </Flex>
          )}
          <StaleDataWarning error={error} onRetry={reload} />
          <Table<CaseSummary>
            rowKey="id"
            size="middle"
            {...listStates(loading, filtered ? t('noMatch') : isHead ? t('emptyHead') : t('empty'))}
            columns={columns}
            dataSource={data ?? []}
            pagination={{ defaultPageSize: 20, hideOnSinglePage: true, showTotal: (total) => tc('total', { total }) }}
            scroll={{ x: 900 }}
            data-testid="case-table"
          />
        </>
      )}
    </>
  );
}
