// 问卷链接: every sampled enterprise with its personal link and QR code; replacement, new links,
// the .xlsx export, and the follow-up list of those who have not responded yet (FollowUpList.tsx).
import { ArrowLeftOutlined, DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Badge, Button, Flex, Space, Spin, Table, Tabs, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { ROUND_ACTIONS } from '#shared/round-lifecycle.ts';
import { INVITATION_STATUSES, type Invitation, type Round } from '#shared/schemas/rounds.ts';
import { useListStates } from '../../components/ListStates.tsx';
import { LoadError, StaleDataWarning } from '../../components/LoadError.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { getRound, invitationsXlsxUrl, listInvitations, regenerateInvitation } from '../../endpoints.ts';
import { useLoad } from '../../useLoad.ts';
import { downloadFile } from './download.ts';
import { FollowUpList } from './FollowUpList.tsx';
import { LinkText } from './LinkText.tsx';
import { InvitationStatusTag, useQuarter, useRoundErrorText, useStratumLabel, useTimeFormat } from './labels.tsx';
import { QrCode } from './QrCode.tsx';
import { ReplaceModal } from './ReplaceModal.tsx';
import { SearchFilter, SelectFilter } from '../../components/Filters.tsx';

type Tab = 'all' | 'follow-up';

function matches(i: Invitation, q: string): boolean {
  const s = q.trim().toLowerCase();
  if (!s) return true;
  return [i.name, i.uscc, i.contactName ?? '', i.contactPhone ?? '', i.township].some((v) => v.toLowerCase().includes(s));
}

function StatusNote({ round }: { round: Round }) {
  const { t } = useTranslation('rounds');
  const time = useTimeFormat();
  switch (round.status) {
    case 'drawn':
      return <Alert type="info" showIcon title={t('invitations.notOpenYet')} style={{ marginBottom: 16 }} />;
    case 'open':
      return (
        <Alert
          type="success"
          showIcon
          title={t('invitations.openNow', { time: time.dateTime(round.closesAt) })}
          style={{ marginBottom: 16 }}
        />
      );
    case 'closed':
    case 'published':
      return <Alert type="warning" showIcon title={t('invitations.closedNow')} style={{ marginBottom: 16 }} />;
    case 'voided':
      return <Alert type="error" showIcon title={t('invitations.voidedNow')} style={{ marginBottom: 16 }} />;
    default:
      return null;
  }
}

export function InvitationsPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('rounds');
  const { t: tc } = useTranslation('common');
  const { modal, message } = App.useApp();
  const quarter = useQuarter();
  const time = useTimeFormat();
  const errorText = useRoundErrorText();
  const stratumLabel = useStratumLabel();
  const [params, setParams] = useSearchParams();
  const tab: Tab = params.get('view') === 'follow-up' ? 'follow-up' : 'all';
  const round = useLoad((signal) => getRound(id, signal), [id]);
  const list = useLoad((signal) => listInvitations(id, signal), [id]);
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<Invitation['status'] | undefined>();
  const [replacing, setReplacing] = useState<Invitation | null>(null);
  const [exporting, setExporting] = useState(false);
  const listStates = useListStates();

  const r = round.data;
  const names = useMemo(() => new Map((list.data ?? []).map((i) => [i.uscc, i.name])), [list.data]);
  const rows = useMemo(() => (list.data ?? []).filter((i) => (!status || i.status === status) && matches(i, q)), [list.data, status, q]);
  const pending = (list.data ?? []).filter((i) => i.status !== 'submitted' && i.status !== 'replaced').length;

  if (round.error && !r) return <LoadError error={round.error} onRetry={round.reload} />;
  if (!r)
    return (
      <Flex justify="center" style={{ padding: 64 }}>
        <Spin size="large" />
      </Flex>
    );

  const canReplace = (ROUND_ACTIONS.replace.from as readonly string[]).includes(r.status);
  const canRegenerate = (ROUND_ACTIONS.regenerate.from as readonly string[]).includes(r.status);
  const live = (i: Invitation) => i.status !== 'replaced' && i.status !== 'submitted';

  const regenerate = (i: Invitation) => {
    modal.confirm({
      title: t('regenerate.title', { name: i.name }),
      content: t('regenerate.content'),
      okText: t('regenerate.submit'),
      okButtonProps: { danger: true },
      cancelText: tc('actions.cancel'),
      onOk: async () => {
        try {
          const next = await regenerateInvitation(r.id, i.uscc);
          message.success(t('regenerate.done', { name: next.name }));
        } catch (error) {
          message.error(errorText(error));
        }
        list.reload();
      },
    });
  };

  const exportXlsx = async () => {
    setExporting(true);
    try {
      await downloadFile(invitationsXlsxUrl(r.id), `invitations-${r.id}.xlsx`);
    } catch (error) {
      message.error(errorText(error));
    } finally {
      setExporting(false);
    }
  };

  const enterprise = (i: Invitation) => (
    <Flex vertical>
      <Typography.Text strong>{i.name}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        <code>{i.uscc}</code>
      </Typography.Text>
      {i.replaces ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('invitations.replaces', { name: names.get(i.replaces) ?? i.replaces })}
        </Typography.Text>
      ) : null}
    </Flex>
  );
  const stratum = (i: Invitation) => (
    <Flex vertical>
      <span>{r.stratifyBy ? stratumLabel(i.stratum, r.stratifyBy) : i.township}</span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {r.stratifyBy === 'industry' ? i.township : i.industry}
      </Typography.Text>
    </Flex>
  );
  const contact = (i: Invitation) => (
    <Flex vertical>
      <span>{i.contactName ?? '—'}</span>
      {i.contactPhone ? (
        <Typography.Text copyable={{ tooltips: [t('copy'), t('copied')] }} style={{ fontSize: 12 }}>
          <a href={`tel:${i.contactPhone}`}>{i.contactPhone}</a>
        </Typography.Text>
      ) : null}
    </Flex>
  );
  const statusCell = (i: Invitation) => (
    <Flex vertical align="flex-start">
      <InvitationStatusTag status={i.status} />
      {i.submittedAt ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('invitations.submittedAt', { time: time.date(i.submittedAt) })}
        </Typography.Text>
      ) : i.openedAt ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('invitations.openedAt', { time: time.date(i.openedAt) })}
        </Typography.Text>
      ) : null}
      {i.replacedBy ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('invitations.replacedBy', { name: names.get(i.replacedBy) ?? i.replacedBy })}
        </Typography.Text>
      ) : null}
    </Flex>
  );
  const linkCell = (i: Invitation) =>
    i.link ? <LinkText link={i.link} width={180} /> : <Typography.Text type="secondary">—</Typography.Text>;

  const columns: TableColumnsType<Invitation> = [
    { title: t('columns.enterprise'), key: 'enterprise', width: 260, render: (_, i) => enterprise(i) },
    // The QR code comes early: at the far right the sticky 操作 column covered it while the table scrolled.
    {
      title: t('columns.qr'),
      key: 'qr',
      width: 90,
      render: (_, i) => (i.link ? <QrCode text={i.link} size={56} alt={t('invitations.qrAlt', { name: i.name })} preview /> : null),
    },
    { title: r.stratifyBy ? t('columns.stratum') : t('columns.township'), key: 'stratum', width: 170, render: (_, i) => stratum(i) },
    { title: t('columns.contact'), key: 'contact', width: 150, render: (_, i) => contact(i) },
    { title: t('columns.invitationStatus'), key: 'status', width: 170, render: (_, i) => statusCell(i) },
    { title: t('columns.link'), key: 'link', width: 230, render: (_, i) => linkCell(i) },
    {
      title: t('columns.actions'),
      key: 'actions',
      width: 130,
      fixed: 'right',
      render: (_, i) => (
        <Flex vertical align="flex-start">
          <Tooltip title={!canReplace ? t('invitations.replaceNotNow') : !live(i) ? t('invitations.notLive') : undefined}>
            <Button type="link" size="small" danger disabled={!canReplace || !live(i)} onClick={() => setReplacing(i)}>
              {t('invitations.replace')}
            </Button>
          </Tooltip>
          <Tooltip title={!canRegenerate ? t('invitations.regenerateNotNow') : !live(i) ? t('invitations.notLive') : undefined}>
            <Button type="link" size="small" disabled={!canRegenerate || !live(i)} onClick={() => regenerate(i)}>
              {t('invitations.regenerate')}
            </Button>
          </Tooltip>
          {i.link ? (
            <Link
              to={`/rounds/${r.id}/letters?uscc=${encodeURIComponent(i.uscc)}`}
              target="_blank"
              style={{ paddingInline: 7, fontSize: 14 }}
            >
              {t('invitations.letter')}
            </Link>
          ) : null}
        </Flex>
      ),
    },
  ];

  const all = (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <SearchFilter label={t('invitations.search')} width={300} onSearch={setQ} />
        <SelectFilter
          label={t('invitations.allStatuses')}
          width={160}
          value={status}
          onChange={setStatus}
          options={INVITATION_STATUSES.map((s) => ({ value: s, label: t(`invitationStatus.${s}`) }))}
          testId="status-filter"
        />
      </Flex>
      {list.error && !list.data ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : (
        <>
          <StaleDataWarning error={list.error} onRetry={list.reload} />
          <div data-testid="invitations-table">
            <Table<Invitation>
              rowKey="uscc"
              size="middle"
              {...listStates(list.loading, list.data?.length ? t('invitations.noMatch') : t('invitations.empty'))}
              columns={columns}
              dataSource={rows}
              pagination={{
                defaultPageSize: 50,
                pageSizeOptions: [20, 50, 100, 200, 500],
                showSizeChanger: true,
                showTotal: (total) => tc('total', { total }),
              }}
              scroll={{ x: 1200 }}
            />
          </div>
        </>
      )}
    </>
  );

  return (
    <>
      <Link to={`/rounds/${r.id}`}>
        <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }}>
          {t('invitations.back', { name: quarter(r.id) })}
        </Button>
      </Link>
      <PageHeader
        title={t('invitations.title', { name: quarter(r.id) })}
        subtitle={t('invitations.subtitle')}
        extra={
          <Space wrap>
            <Button icon={<DownloadOutlined />} onClick={exportXlsx} loading={exporting} disabled={!list.data?.length}>
              {t('invitations.export')}
            </Button>
            <Link to={`/rounds/${r.id}/letters`} target="_blank">
              <Button icon={<PrinterOutlined />} disabled={!list.data?.length}>
                {t('detail.letters')}
              </Button>
            </Link>
          </Space>
        }
      />
      <StatusNote round={r} />
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'follow-up' ? { view: 'follow-up' } : {}, { replace: true })}
        items={[
          {
            key: 'all',
            label: (
              <>
                {t('invitations.tabAll')}{' '}
                <Badge count={list.data?.filter((i) => i.status !== 'replaced').length ?? 0} overflowCount={9999} color="blue" />
              </>
            ),
            children: all,
          },
          {
            key: 'follow-up',
            label: (
              <>
                {t('invitations.tabFollowUp')} <Badge count={pending} overflowCount={9999} color="orange" showZero />
              </>
            ),
            children: tab === 'follow-up' ? <FollowUpList round={r} onReplaced={list.reload} /> : null,
          },
        ]}
      />
      {replacing ? (
        <ReplaceModal roundId={r.id} invitation={replacing} onClose={() => setReplacing(null)} onReplaced={list.reload} />
      ) : null}
    </>
  );
}
