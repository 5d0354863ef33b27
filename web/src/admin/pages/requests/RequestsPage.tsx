// 诉求: a head's queue of their department's requests (reply within a working day); the admin's overview of
// every department's, overdue first and counted; leaders and supervisors read.
import { Alert, Flex, Select, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REQUEST_STATES } from '#shared/schemas/requests.ts';
import { useUser } from '../../auth.tsx';
import { useListStates } from '../../components/ListStates.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { listRequests, type RequestItem, type RequestList } from '../../endpoints.ts';
import { departmentName } from '../../labels.ts';
import { cityDeadline } from '../../views/time.ts';
import { useLoad } from '../../useLoad.ts';
import { useDates } from '../rectification/labels.tsx';
import { RequestStateTags, RequestThreadView } from './RequestThreadView.tsx';

type StateFilter = (typeof REQUEST_STATES)[number] | 'overdue' | '';

export default function RequestsPage() {
  const { t, i18n } = useTranslation('requests');
  const user = useUser();
  const dates = useDates();
  const listStates = useListStates();
  const [state, setState] = useState<StateFilter>('');
  const { data, error, loading, reload } = useLoad((signal) => listRequests(state ? { state } : {}, signal), [state]);
  const [list, setList] = useState<RequestList | undefined>(data);
  useEffect(() => setList(data), [data]);
  const head = user.role === 'dept_head';

  const replaced = (item: RequestItem) => setList((l) => l && { ...l, items: l.items.map((x) => (x.id === item.id ? item : x)) });

  return (
    <>
      <PageHeader title={t('title')} subtitle={head ? t('subtitleHead') : t('subtitleAll')} />
      {list && (
        <Alert
          type={list.overdue ? 'error' : 'success'}
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="overdue-count"
          message={list.overdue ? t('overdueAlert', { count: list.overdue }) : t('noneOverdue')}
        />
      )}
      <Flex gap={8} align="center" wrap style={{ marginBottom: 12 }}>
        <label htmlFor="request-state">{t('filters.state')}</label>
        <Select<StateFilter>
          id="request-state"
          value={state}
          onChange={setState}
          style={{ minWidth: 160 }}
          data-testid="request-state-filter"
          options={[
            { value: '', label: t('filters.all') },
            ...[...REQUEST_STATES, 'overdue' as const].map((s) => ({ value: s, label: t(`states.${s}`) })),
          ]}
        />
      </Flex>
      {error && !data ? (
        <LoadError error={error} onRetry={reload} />
      ) : (
        <Table<RequestItem>
          rowKey="id"
          dataSource={list?.items ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          data-testid="requests-table"
          {...listStates(loading && !list, t('empty'))}
          expandable={{ expandedRowRender: (item) => <RequestThreadView item={item} onReplied={replaced} />, expandRowByClick: true }}
          columns={[
            { title: t('columns.raisedAt'), key: 'raisedAt', render: (_, r) => dates.dateTime(r.raisedAt) },
            ...(head
              ? []
              : [
                  {
                    title: t('columns.department'),
                    key: 'department',
                    render: (_: unknown, r: RequestItem) => departmentName(r.department, i18n.language),
                  },
                ]),
            { title: t('columns.category'), key: 'category', render: (_, r) => t(`categories.${r.category}`) },
            {
              title: t('columns.text'),
              key: 'text',
              ellipsis: true,
              render: (_, r) => (
                <Typography.Text style={{ maxWidth: 320 }} ellipsis>
                  {r.text}
                </Typography.Text>
              ),
            },
            { title: t('columns.state'), key: 'state', render: (_, r) => <RequestStateTags item={r} /> },
            { title: t('columns.dueAt'), key: 'dueAt', render: (_, r) => (r.dueAt ? cityDeadline(r.dueAt, i18n.language) : '—') },
          ]}
        />
      )}
    </>
  );
}
