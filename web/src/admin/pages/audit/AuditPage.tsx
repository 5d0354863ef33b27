// The audit log (newest first) and the chain check.
import { Flex, Select, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useListStates } from '../../components/ListStates.tsx';
import { LoadError, StaleDataWarning } from '../../components/LoadError.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { listAudit, type AuditEntry } from '../../endpoints.ts';
import { useLoad } from '../../useLoad.ts';
import { useAuditLabels } from './labels.ts';
import { summaryLines } from './summary.ts';
import { VerifyChain } from './VerifyChain.tsx';

const ENTITY_TYPES = ['department', 'enterprise', 'user', 'system'] as const;

export function AuditPage() {
  const { t, i18n } = useTranslation('audit');
  const { t: tc } = useTranslation('common');
  const labels = useAuditLabels();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [entityType, setEntityType] = useState<string | undefined>();
  const { data, error, loading, reload } = useLoad((signal) => listAudit({ page, pageSize, entityType }, signal), [page, pageSize, entityType]);
  const listStates = useListStates();
  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'medium' });

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('columns.id'), dataIndex: 'id', width: 80 },
    { title: t('columns.at'), dataIndex: 'at', width: 190, render: (at: string) => time.format(new Date(at)) },
    { title: t('columns.actor'), dataIndex: 'actorName', width: 120, render: (a: string) => (a === 'system' ? t('system') : a) },
    { title: t('columns.action'), dataIndex: 'action', width: 160, render: (a: string) => labels.action(a) },
    { title: t('columns.entity'), key: 'entity', width: 220, render: (_, e) => <>{labels.entityType(e.entityType)} <code>{e.entityId}</code></> },
    {
      title: t('columns.summary'), dataIndex: 'summary',
      render: (s: unknown, e) => (
        <Typography.Paragraph ellipsis={{ rows: 2, expandable: 'collapsible' }} style={{ marginBottom: 0 }}>
          {summaryLines(s, { ...labels, field: (k) => labels.field(k, e.entityType) })
            .map((l) => (l.label ? `${l.label}${t('labelSeparator')}${l.text}` : l.text)).join(t('itemSeparator'))}
        </Typography.Paragraph>
      ),
    },
    {
      title: t('columns.hash'), dataIndex: 'hash', width: 130,
      render: (h: string) => <Tooltip title={<code style={{ wordBreak: 'break-all' }}>{h}</code>}><code>{h.slice(0, 10)}…</code></Tooltip>,
    },
  ];

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <VerifyChain />
      <Flex gap={8} style={{ margin: '16px 0' }}>
        <Select
          allowClear placeholder={t('allEntities')} style={{ width: 180 }} value={entityType}
          onChange={(v?: string) => { setEntityType(v); setPage(1); }}
          options={ENTITY_TYPES.map((e) => ({ value: e, label: labels.entityType(e) }))}
        />
      </Flex>
      {error && !data ? <LoadError error={error} onRetry={reload} /> : (
        <>
          <StaleDataWarning error={error} onRetry={reload} />
          <Table<AuditEntry>
            rowKey="id"
            size="middle"
            {...listStates(loading, t('empty'))}
            columns={columns}
            dataSource={data?.items ?? []}
            scroll={{ x: 1100 }}
            pagination={{
              current: page, pageSize, total: data?.total ?? 0, showSizeChanger: true, pageSizeOptions: [20, 50, 100],
              showTotal: (total) => tc('total', { total }),
              onChange: (p, s) => { setPage(s === pageSize ? p : 1); setPageSize(s); },
            }}
            data-testid="audit-table"
          />
        </>
      )}
    </>
  );
}
