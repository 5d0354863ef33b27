// The audit log for the discipline inspector: newest first by time, in words (no field names or codes),
// people by name, times in the city's clock; filters by person, action, record and date; the chain check.
import { DatePicker, Flex, Select, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useListStates } from '../../components/ListStates.tsx';
import { LoadError, StaleDataWarning } from '../../components/LoadError.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { auditFacets, listAudit, listDepartments, listRounds, type AuditEntry } from '../../endpoints.ts';
import { useLoad } from '../../useLoad.ts';
import { useAuditLabels } from './labels.ts';
import { summaryLines } from './summary.ts';
import { VerifyChain } from './VerifyChain.tsx';
import { actionText, actorText, auditWords, entityText } from './words.ts';

const ENTITY_TYPES = ['round', 'escalation', 'rectification', 'appeal', 'request', 'department', 'enterprise', 'user', 'system'] as const;

export function AuditPage() {
  const { t } = useTranslation('audit');
  const { t: tc } = useTranslation('common');
  const departments = useLoad((signal) => listDepartments(signal), []);
  const facets = useLoad((signal) => auditFacets(signal), []);
  // The rounds' own reasons for 不满意 word the reason codes in their entries.
  const rounds = useLoad((signal) => listRounds(signal), []);
  const { dict, look } = useAuditLabels(departments.data, facets.data?.actors, rounds.data);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [filters, setFilters] = useState<{ entityType?: string; actor?: string; action?: string; from?: string; to?: string }>({});
  const { data, error, loading, reload } = useLoad(
    (signal) => listAudit({ page, pageSize, ...filters }, signal),
    [page, pageSize, filters.entityType, filters.actor, filters.action, filters.from, filters.to],
  );
  const listStates = useListStates();
  const filter = (change: Partial<typeof filters>) => {
    setFilters((f) => ({ ...f, ...change }));
    setPage(1);
  };

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('columns.at'), dataIndex: 'at', width: 170, render: (at: string) => look.dateTime(at) },
    {
      title: t('columns.actor'),
      dataIndex: 'actorDisplayName',
      width: 150,
      render: (name: string | null, e) => actorText(dict, e.actorName, name),
    },
    { title: t('columns.action'), dataIndex: 'action', width: 150, render: (a: string) => actionText(dict, a) },
    { title: t('columns.entity'), key: 'entity', width: 190, render: (_, e) => entityText(dict, look, e) },
    {
      title: t('columns.summary'),
      dataIndex: 'summary',
      render: (s: unknown, e) => (
        <Typography.Paragraph ellipsis={{ rows: 3, expandable: 'collapsible' }} style={{ marginBottom: 0, minWidth: 200 }}>
          {summaryLines(s, auditWords(dict, look, e))
            .map((l) => (l.label ? `${l.label}${t('labelSeparator')}${l.text}` : l.text))
            .join(t('itemSeparator'))}
        </Typography.Paragraph>
      ),
    },
    {
      title: t('columns.hash'),
      dataIndex: 'hash',
      width: 120,
      render: (h: string, e) => (
        <Tooltip
          title={
            <>
              <div>
                {t('columns.id')} {e.id}
              </div>
              <code style={{ wordBreak: 'break-all' }}>{h}</code>
            </>
          }
        >
          <code>{h.slice(0, 10)}…</code>
        </Tooltip>
      ),
    },
  ];

  const onDates = (range: [Dayjs | null, Dayjs | null] | null) =>
    filter({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') });

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <VerifyChain dateTime={look.dateTime} />
      <Flex gap={8} wrap style={{ margin: '16px 0' }} data-testid="audit-filters">
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('filters.actor')}
          aria-label={t('filters.actor')}
          style={{ width: 200, maxWidth: '100%' }}
          value={filters.actor}
          onChange={(actor?: string) => filter({ actor })}
          loading={facets.loading}
          options={(facets.data?.actors ?? []).map((a) => ({ value: a.name, label: actorText(dict, a.name, a.displayName) }))}
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('filters.action')}
          aria-label={t('filters.action')}
          style={{ width: 200, maxWidth: '100%' }}
          value={filters.action}
          onChange={(action?: string) => filter({ action })}
          loading={facets.loading}
          options={(facets.data?.actions ?? []).map((a) => ({ value: a, label: actionText(dict, a) }))}
        />
        <Select
          allowClear
          placeholder={t('allEntities')}
          aria-label={t('allEntities')}
          style={{ width: 160, maxWidth: '100%' }}
          value={filters.entityType}
          onChange={(entityType?: string) => filter({ entityType })}
          options={ENTITY_TYPES.map((e) => ({ value: e, label: dict.entityTypes[e] }))}
        />
        <DatePicker.RangePicker
          aria-label={t('filters.dates')}
          placeholder={[t('filters.from'), t('filters.to')]}
          onChange={onDates}
          style={{ maxWidth: '100%' }}
        />
      </Flex>
      <Typography.Paragraph type="secondary">{t('timeZone')}</Typography.Paragraph>
      {error && !data ? (
        <LoadError error={error} onRetry={reload} />
      ) : (
        <>
          <StaleDataWarning error={error} onRetry={reload} />
          <Table<AuditEntry>
            rowKey="id"
            size="middle"
            {...listStates(loading, t('empty'))}
            columns={columns}
            dataSource={data?.items ?? []}
            scroll={{ x: 1000 }}
            pagination={{
              current: page,
              pageSize,
              total: data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [20, 50, 100],
              showTotal: (total) => tc('total', { total }),
              onChange: (p, s) => {
                setPage(s === pageSize ? p : 1);
                setPageSize(s);
              },
            }}
            data-testid="audit-table"
          />
        </>
      )}
    </>
  );
}
