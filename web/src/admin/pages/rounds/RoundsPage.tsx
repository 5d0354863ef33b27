// 轮次管理: every quarterly round with its status, period, sample and how many have responded.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Progress, Skeleton, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { ROUND_STATUSES, type RoundStatus } from '#shared/schemas/rounds.ts';
import { useUser } from '../../auth.tsx';
import { useListStates } from '../../components/ListStates.tsx';
import { LoadError, StaleDataWarning } from '../../components/LoadError.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { listRounds, roundProgress, type RoundSummary } from '../../endpoints.ts';
import { useLoad } from '../../useLoad.ts';
import { percent, RoundStatusTag, useQuarter, useRoundErrorText, useTimeFormat } from './labels.tsx';
import { RoundFormModal } from './RoundFormModal.tsx';

/** Statuses in which invitations exist, so progress means something. */
export const DRAWN_STATUSES: readonly RoundStatus[] = ['drawn', 'open', 'closed', 'published'];

function ProgressCell({ id }: { id: string }) {
  const { t } = useTranslation('rounds');
  const errorText = useRoundErrorText();
  const { data, error } = useLoad((signal) => roundProgress(id, signal), [id]);
  if (error && !data)
    return (
      <Tooltip title={errorText(error)}>
        <Typography.Text type="secondary">—</Typography.Text>
      </Tooltip>
    );
  if (!data) return <Skeleton.Input active size="small" />;
  return (
    <Flex vertical style={{ minWidth: 140 }}>
      <Progress percent={Math.round(data.responseRate * 1000) / 10} size="small" format={() => percent(data.responseRate)} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('list.submittedOf', { submitted: data.submitted, invited: data.invited })}
      </Typography.Text>
    </Flex>
  );
}

export function RoundsPage() {
  const { t } = useTranslation('rounds');
  const { t: tc } = useTranslation('common');
  const isAdmin = useUser().role === 'admin';
  const quarter = useQuarter();
  const time = useTimeFormat();
  const navigate = useNavigate();
  const { data, error, loading, reload } = useLoad((signal) => listRounds(signal), []);
  const [creating, setCreating] = useState(false);
  const listStates = useListStates();
  const rows = useMemo(() => [...(data ?? [])].sort((a, b) => b.id.localeCompare(a.id)), [data]);

  const columns: TableColumnsType<RoundSummary> = [
    {
      title: t('columns.round'),
      dataIndex: 'id',
      width: 200,
      render: (id: string) => (
        <Flex vertical>
          <Link to={`/rounds/${id}`}>{quarter(id)}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            <code>{id}</code>
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('columns.status'),
      dataIndex: 'status',
      width: 120,
      filters: ROUND_STATUSES.map((s) => ({ text: t(`status.${s}`), value: s })),
      onFilter: (value, r) => r.status === value,
      render: (s: RoundStatus, r) =>
        r.status === 'voided' && r.voidReason ? (
          <Tooltip title={t('list.voidReason', { reason: r.voidReason })}>
            <span>
              <RoundStatusTag status={s} />
            </span>
          </Tooltip>
        ) : (
          <RoundStatusTag status={s} />
        ),
    },
    {
      title: t('columns.period'),
      key: 'period',
      width: 260,
      render: (_, r) => `${time.dateTime(r.opensAt)} – ${time.dateTime(r.closesAt)}`,
    },
    {
      title: t('columns.sample'),
      key: 'sample',
      width: 150,
      render: (_, r) => (
        <Flex vertical>
          <span>{t('list.sampleSize', { count: r.sampleSize })}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.stratifyBy ? t('list.stratifiedBy', { by: t(`stratify.${r.stratifyBy}`) }) : t('stratify.none')}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('columns.departments'), dataIndex: 'departmentCount', width: 90 },
    {
      title: t('columns.progress'),
      key: 'progress',
      width: 200,
      render: (_, r) =>
        DRAWN_STATUSES.includes(r.status) ? (
          <ProgressCell id={r.id} />
        ) : (
          <Typography.Text type="secondary">{r.status === 'voided' ? '—' : t('list.notDrawn')}</Typography.Text>
        ),
    },
    {
      title: t('columns.actions'),
      key: 'actions',
      width: 90,
      render: (_, r) => <Link to={`/rounds/${r.id}`}>{tc('actions.details')}</Link>,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        extra={
          isAdmin ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} disabled={!data}>
              {t('create')}
            </Button>
          ) : null
        }
      />
      {error && !data ? (
        <LoadError error={error} onRetry={reload} />
      ) : (
        <>
          <StaleDataWarning error={error} onRetry={reload} />
          <div data-testid="rounds-table">
            <Table<RoundSummary>
              rowKey="id"
              size="middle"
              {...listStates(loading, isAdmin ? t('list.emptyAdmin') : t('list.empty'))}
              columns={columns}
              dataSource={rows}
              pagination={{ defaultPageSize: 10, showSizeChanger: true, showTotal: (total) => tc('total', { total }) }}
              scroll={{ x: 1000 }}
            />
          </div>
        </>
      )}
      {creating ? (
        <RoundFormModal
          takenIds={rows.map((r) => r.id)}
          onClose={() => setCreating(false)}
          onSaved={(round) => {
            setCreating(false);
            navigate(`/rounds/${round.id}`);
          }}
        />
      ) : null}
    </>
  );
}
