// 跟进名单: who has not submitted yet (as reported), with contacts, each one's AAPOR disposition and last
// call, and the record-call dialog. Never what anyone answered.
import { PhoneOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Select, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { transitionError } from '#shared/round-lifecycle.ts';
import type { FollowUpSummary } from '#shared/schemas/follow-ups.ts';
import type { Invitation, Round } from '#shared/schemas/rounds.ts';
import { useListStates } from '../../components/ListStates.tsx';
import { LoadError, StaleDataWarning } from '../../components/LoadError.tsx';
import { listFollowUps, listNonResponders } from '../../endpoints.ts';
import { useLoad } from '../../useLoad.ts';
import { FollowUpModal } from './FollowUpModal.tsx';
import { InvitationStatusTag, useStratumLabel, useTimeFormat } from './labels.tsx';
import { LinkText } from './LinkText.tsx';

/** Not opened first: they are the ones to call. */
const FOLLOW_UP_ORDER: Record<Invitation['status'], number> = { not_opened: 0, opened: 1, drafted: 2, submitted: 3, replaced: 4 };

export function FollowUpList({ round, onReplaced }: { round: Round; onReplaced(): void }) {
  const { t } = useTranslation('rounds');
  const { t: tf } = useTranslation('followUps');
  const { t: tc } = useTranslation('common');
  const time = useTimeFormat();
  const stratumLabel = useStratumLabel();
  const list = useLoad((signal) => listNonResponders(round.id, signal), [round.id]);
  const summaries = useLoad((signal) => listFollowUps(round.id, signal), [round.id]);
  const [status, setStatus] = useState<Invitation['status'] | undefined>();
  const [calling, setCalling] = useState<Invitation | null>(null);
  const listStates = useListStates();
  const byUscc = useMemo(() => new Map((summaries.data ?? []).map((s) => [s.uscc, s])), [summaries.data]);
  const rows = useMemo(
    () =>
      (list.data ?? [])
        .filter((i) => !status || i.status === status)
        .sort((a, b) => FOLLOW_UP_ORDER[a.status] - FOLLOW_UP_ORDER[b.status] || a.township.localeCompare(b.township, 'zh')),
    [list.data, status],
  );
  const canRecord = !transitionError(round.status, 'follow_up');
  const reload = () => {
    list.reload();
    summaries.reload();
  };

  const disposition = (s: FollowUpSummary | undefined) =>
    s ? (
      <Tooltip title={tf(`basis.${s.basis}`)}>
        <Tag
          color={
            s.disposition === 'ineligible'
              ? 'red'
              : s.disposition === 'refusal'
                ? 'orange'
                : s.disposition === 'non_contact'
                  ? 'gold'
                  : undefined
          }
          data-testid="disposition"
        >
          {tf(`disposition.${s.disposition}`)}
        </Tag>
      </Tooltip>
    ) : null;
  const lastCall = (s: FollowUpSummary | undefined) =>
    s?.last ? (
      <Flex vertical>
        <span>
          {tf(`outcome.${s.last.outcome}`)} · {tf(`channel.${s.last.channel}`)}
        </span>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {time.dateTime(s.last.at)} · {tf('calls', { count: s.calls })}
        </Typography.Text>
      </Flex>
    ) : (
      <Typography.Text type="secondary">{tf('never')}</Typography.Text>
    );

  const columns: TableColumnsType<Invitation> = [
    {
      title: t('columns.enterprise'),
      key: 'enterprise',
      width: 240,
      render: (_, i) => (
        <Flex vertical>
          <Typography.Text strong>{i.name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            <code>{i.uscc}</code>
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('columns.contactName'), dataIndex: 'contactName', width: 100, render: (v: string | null) => v ?? '—' },
    {
      title: t('columns.phone'),
      dataIndex: 'contactPhone',
      width: 160,
      render: (v: string | null) =>
        v ? (
          <Typography.Text copyable={{ tooltips: [t('copy'), t('copied')] }}>
            <a href={`tel:${v}`}>
              <PhoneOutlined /> {v}
            </a>
          </Typography.Text>
        ) : (
          '—'
        ),
    },
    {
      title: t('columns.invitationStatus'),
      dataIndex: 'status',
      width: 100,
      render: (s: Invitation['status']) => <InvitationStatusTag status={s} />,
    },
    { title: tf('columns.disposition'), key: 'disposition', width: 110, render: (_, i) => disposition(byUscc.get(i.uscc)) },
    { title: tf('columns.lastCall'), key: 'last', width: 190, render: (_, i) => lastCall(byUscc.get(i.uscc)) },
    {
      title: round.stratifyBy ? t('columns.stratum') : t('columns.township'),
      key: 'where',
      width: 130,
      render: (_, i) => (round.stratifyBy ? stratumLabel(i.stratum, round.stratifyBy) : i.township),
    },
    { title: t('columns.link'), key: 'link', width: 200, render: (_, i) => (i.link ? <LinkText link={i.link} width={150} /> : '—') },
    {
      title: tf('columns.actions'),
      key: 'actions',
      width: 110,
      fixed: 'right',
      render: (_, i) => (
        <Button size="small" icon={<PhoneOutlined />} disabled={!canRecord} onClick={() => setCalling(i)}>
          {tf('record')}
        </Button>
      ),
    },
  ];

  const error = list.error ?? summaries.error;
  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={list.data ? t('followUp.summary', { count: list.data.length }) : tc('states.loading')}
        description={t('followUp.hint')}
      />
      <Flex gap={8} style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder={t('invitations.allStatuses')}
          style={{ width: 160 }}
          value={status}
          onChange={setStatus}
          options={(['not_opened', 'opened', 'drafted'] as const).map((s) => ({ value: s, label: t(`invitationStatus.${s}`) }))}
        />
      </Flex>
      {error && !list.data ? (
        <LoadError error={error} onRetry={reload} />
      ) : (
        <>
          <StaleDataWarning error={error} onRetry={reload} />
          <div data-testid="non-responders-table">
            <Table<Invitation>
              rowKey="uscc"
              size="middle"
              {...listStates(list.loading, t('followUp.empty'))}
              columns={columns}
              dataSource={rows}
              pagination={{ defaultPageSize: 50, showSizeChanger: true, showTotal: (total) => tc('total', { total }) }}
              scroll={{ x: 1300 }}
            />
          </div>
        </>
      )}
      {calling ? (
        <FollowUpModal
          round={round}
          invitation={calling}
          onClose={() => setCalling(null)}
          onRecorded={summaries.reload}
          onReplaced={() => {
            reload();
            onReplaced();
          }}
        />
      ) : null}
    </>
  );
}
