// 问卷链接: every sampled enterprise with its personal link and QR code; replacement, new links,
// the .xlsx export, and the list of those who have not responded yet (for follow-up calls).
import { ArrowLeftOutlined, DownloadOutlined, PhoneOutlined, PrinterOutlined } from '@ant-design/icons';
import {
  Alert, App, Badge, Button, Flex, Input, Select, Space, Spin, Table, Tabs, Tooltip, Typography, type TableColumnsType,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { ROUND_ACTIONS } from '../../../../../shared/round-lifecycle.ts';
import { INVITATION_STATUSES, type Invitation, type Round } from '../../../../../shared/schemas/rounds.ts';
import { useListStates } from '../../components/ListStates.tsx';
import { LoadError, StaleDataWarning } from '../../components/LoadError.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { getRound, invitationsXlsxUrl, listInvitations, listNonResponders, regenerateInvitation } from '../../endpoints.ts';
import { useLoad } from '../../useLoad.ts';
import { downloadFile } from './download.ts';
import { InvitationStatusTag, useQuarter, useRoundErrorText, useStratumLabel, useTimeFormat } from './labels.tsx';
import { QrCode } from './QrCode.tsx';
import { ReplaceModal } from './ReplaceModal.tsx';

type Tab = 'all' | 'follow-up';

/** The full link in the page (cut visually at the start, so the token shows; not cut in the text), with a copy button. */
function LinkText({ link, width }: { link: string; width: number }) {
  const { t } = useTranslation('rounds');
  return (
    <Typography.Text copyable={{ text: link, tooltips: [t('copyLink'), t('copied')] }}>
      <Tooltip title={link}>
        <span
          data-testid="invitation-link"
          style={{ display: 'inline-block', maxWidth: width, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', verticalAlign: 'bottom', direction: 'rtl', textAlign: 'left' }}
        >
          <span dir="ltr">{link}</span>
        </span>
      </Tooltip>
    </Typography.Text>
  );
}

function matches(i: Invitation, q: string): boolean {
  const s = q.trim().toLowerCase();
  if (!s) return true;
  return [i.name, i.uscc, i.contactName ?? '', i.contactPhone ?? '', i.township].some((v) => v.toLowerCase().includes(s));
}

function StatusNote({ round }: { round: Round }) {
  const { t } = useTranslation('rounds');
  const time = useTimeFormat();
  switch (round.status) {
    case 'drawn': return <Alert type="info" showIcon title={t('invitations.notOpenYet')} style={{ marginBottom: 16 }} />;
    case 'open': return <Alert type="success" showIcon title={t('invitations.openNow', { time: time.dateTime(round.closesAt) })} style={{ marginBottom: 16 }} />;
    case 'closed':
    case 'published': return <Alert type="warning" showIcon title={t('invitations.closedNow')} style={{ marginBottom: 16 }} />;
    case 'voided': return <Alert type="error" showIcon title={t('invitations.voidedNow')} style={{ marginBottom: 16 }} />;
    default: return null;
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
  if (!r) return <Flex justify="center" style={{ padding: 64 }}><Spin size="large" /></Flex>;

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
      <Typography.Text type="secondary" style={{ fontSize: 12 }}><code>{i.uscc}</code></Typography.Text>
      {i.replaces ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('invitations.replaces', { name: names.get(i.replaces) ?? i.replaces })}</Typography.Text> : null}
    </Flex>
  );
  const stratum = (i: Invitation) => (
    <Flex vertical>
      <span>{r.stratifyBy ? stratumLabel(i.stratum, r.stratifyBy) : i.township}</span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.stratifyBy === 'industry' ? i.township : i.industry}</Typography.Text>
    </Flex>
  );
  const contact = (i: Invitation) => (
    <Flex vertical>
      <span>{i.contactName ?? '—'}</span>
      {i.contactPhone ? <Typography.Text copyable={{ tooltips: [t('copy'), t('copied')] }} style={{ fontSize: 12 }}><a href={`tel:${i.contactPhone}`}>{i.contactPhone}</a></Typography.Text> : null}
    </Flex>
  );
  const statusCell = (i: Invitation) => (
    <Flex vertical align="flex-start">
      <InvitationStatusTag status={i.status} />
      {i.submittedAt ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('invitations.submittedAt', { time: time.date(i.submittedAt) })}</Typography.Text>
        : i.openedAt ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('invitations.openedAt', { time: time.date(i.openedAt) })}</Typography.Text> : null}
      {i.replacedBy ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('invitations.replacedBy', { name: names.get(i.replacedBy) ?? i.replacedBy })}</Typography.Text> : null}
    </Flex>
  );
  const linkCell = (i: Invitation) => (i.link
    ? <LinkText link={i.link} width={180} />
    : <Typography.Text type="secondary">—</Typography.Text>);

  const columns: TableColumnsType<Invitation> = [
    { title: t('columns.enterprise'), key: 'enterprise', width: 260, render: (_, i) => enterprise(i) },
    // The QR code comes early: at the far right the sticky 操作 column covered it while the table scrolled.
    {
      title: t('columns.qr'), key: 'qr', width: 90,
      render: (_, i) => (i.link ? <QrCode text={i.link} size={56} alt={t('invitations.qrAlt', { name: i.name })} preview /> : null),
    },
    { title: r.stratifyBy ? t('columns.stratum') : t('columns.township'), key: 'stratum', width: 170, render: (_, i) => stratum(i) },
    { title: t('columns.contact'), key: 'contact', width: 150, render: (_, i) => contact(i) },
    { title: t('columns.invitationStatus'), key: 'status', width: 170, render: (_, i) => statusCell(i) },
    { title: t('columns.link'), key: 'link', width: 230, render: (_, i) => linkCell(i) },
    {
      title: t('columns.actions'), key: 'actions', width: 130, fixed: 'right',
      render: (_, i) => (
        <Flex vertical align="flex-start">
          <Tooltip title={!canReplace ? t('invitations.replaceNotNow') : !live(i) ? t('invitations.notLive') : undefined}>
            <Button type="link" size="small" danger disabled={!canReplace || !live(i)} onClick={() => setReplacing(i)}>{t('invitations.replace')}</Button>
          </Tooltip>
          <Tooltip title={!canRegenerate ? t('invitations.regenerateNotNow') : !live(i) ? t('invitations.notLive') : undefined}>
            <Button type="link" size="small" disabled={!canRegenerate || !live(i)} onClick={() => regenerate(i)}>{t('invitations.regenerate')}</Button>
          </Tooltip>
          {i.link ? <Link to={`/rounds/${r.id}/letters?uscc=${encodeURIComponent(i.uscc)}`} target="_blank" style={{ paddingInline: 7, fontSize: 14 }}>{t('invitations.letter')}</Link> : null}
        </Flex>
      ),
    },
  ];

  const all = (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Input.Search allowClear placeholder={t('invitations.search')} aria-label={t('invitations.search')} style={{ width: 300 }} onChange={(e) => setQ(e.target.value)} onSearch={setQ} />
        <Select
          allowClear placeholder={t('invitations.allStatuses')} style={{ width: 160 }} value={status} onChange={setStatus}
          options={INVITATION_STATUSES.map((s) => ({ value: s, label: t(`invitationStatus.${s}`) }))}
          aria-label={t('invitations.allStatuses')}
          data-testid="status-filter"
        />
      </Flex>
      {list.error && !list.data ? <LoadError error={list.error} onRetry={list.reload} /> : (
        <>
          <StaleDataWarning error={list.error} onRetry={list.reload} />
          <div data-testid="invitations-table">
            <Table<Invitation>
              rowKey="uscc"
              size="middle"
              {...listStates(list.loading, list.data?.length ? t('invitations.noMatch') : t('invitations.empty'))}
              columns={columns}
              dataSource={rows}
              pagination={{ defaultPageSize: 50, pageSizeOptions: [20, 50, 100, 200, 500], showSizeChanger: true, showTotal: (total) => tc('total', { total }) }}
              scroll={{ x: 1200 }}
            />
          </div>
        </>
      )}
    </>
  );

  return (
    <>
      <Link to={`/rounds/${r.id}`}><Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }}>{t('invitations.back', { name: quarter(r.id) })}</Button></Link>
      <PageHeader
        title={t('invitations.title', { name: quarter(r.id) })}
        subtitle={t('invitations.subtitle')}
        extra={(
          <Space wrap>
            <Button icon={<DownloadOutlined />} onClick={exportXlsx} loading={exporting} disabled={!list.data?.length}>{t('invitations.export')}</Button>
            <Link to={`/rounds/${r.id}/letters`} target="_blank"><Button icon={<PrinterOutlined />} disabled={!list.data?.length}>{t('detail.letters')}</Button></Link>
          </Space>
        )}
      />
      <StatusNote round={r} />
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'follow-up' ? { view: 'follow-up' } : {}, { replace: true })}
        items={[
          { key: 'all', label: <>{t('invitations.tabAll')} <Badge count={list.data?.filter((i) => i.status !== 'replaced').length ?? 0} overflowCount={9999} color="blue" /></>, children: all },
          {
            key: 'follow-up',
            label: <>{t('invitations.tabFollowUp')} <Badge count={pending} overflowCount={9999} color="orange" showZero /></>,
            children: tab === 'follow-up' ? <NonResponders round={r} /> : null,
          },
        ]}
      />
      {replacing ? <ReplaceModal roundId={r.id} invitation={replacing} onClose={() => setReplacing(null)} onReplaced={list.reload} /> : null}
    </>
  );
}

/** Not opened first: they are the ones to call. */
const FOLLOW_UP_ORDER: Record<Invitation['status'], number> = { not_opened: 0, opened: 1, drafted: 2, submitted: 3, replaced: 4 };

/** Who has not submitted yet, with contacts, for follow-up calls (never what anyone answered). */
function NonResponders({ round }: { round: Round }) {
  const { t } = useTranslation('rounds');
  const { t: tc } = useTranslation('common');
  const time = useTimeFormat();
  const stratumLabel = useStratumLabel();
  const { data, error, loading, reload } = useLoad((signal) => listNonResponders(round.id, signal), [round.id]);
  const [status, setStatus] = useState<Invitation['status'] | undefined>();
  const listStates = useListStates();
  const rows = useMemo(
    () => (data ?? []).filter((i) => !status || i.status === status)
      .sort((a, b) => FOLLOW_UP_ORDER[a.status] - FOLLOW_UP_ORDER[b.status] || a.township.localeCompare(b.township, 'zh')),
    [data, status],
  );

  const columns: TableColumnsType<Invitation> = [
    {
      title: t('columns.enterprise'), key: 'enterprise', width: 260,
      render: (_, i) => <Flex vertical><Typography.Text strong>{i.name}</Typography.Text><Typography.Text type="secondary" style={{ fontSize: 12 }}><code>{i.uscc}</code></Typography.Text></Flex>,
    },
    { title: t('columns.contactName'), dataIndex: 'contactName', width: 110, render: (v: string | null) => v ?? '—' },
    {
      title: t('columns.phone'), dataIndex: 'contactPhone', width: 170,
      render: (v: string | null) => (v ? <Typography.Text copyable={{ tooltips: [t('copy'), t('copied')] }}><a href={`tel:${v}`}><PhoneOutlined /> {v}</a></Typography.Text> : '—'),
    },
    { title: t('columns.invitationStatus'), dataIndex: 'status', width: 110, render: (s: Invitation['status']) => <InvitationStatusTag status={s} /> },
    { title: t('columns.openedAt'), dataIndex: 'openedAt', width: 170, render: (v: string | null) => (v ? time.date(v) : t('invitations.never')) },
    { title: round.stratifyBy ? t('columns.stratum') : t('columns.township'), key: 'where', width: 150, render: (_, i) => (round.stratifyBy ? stratumLabel(i.stratum, round.stratifyBy) : i.township) },
    {
      title: t('columns.link'), key: 'link', width: 220,
      render: (_, i) => (i.link ? <LinkText link={i.link} width={170} /> : '—'),
    },
  ];

  return (
    <>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={data ? t('followUp.summary', { count: data.length }) : tc('states.loading')} description={t('followUp.hint')} />
      <Flex gap={8} style={{ marginBottom: 16 }}>
        <Select
          allowClear placeholder={t('invitations.allStatuses')} style={{ width: 160 }} value={status} onChange={setStatus}
          options={(['not_opened', 'opened', 'drafted'] as const).map((s) => ({ value: s, label: t(`invitationStatus.${s}`) }))}
        />
      </Flex>
      {error && !data ? <LoadError error={error} onRetry={reload} /> : (
        <>
          <StaleDataWarning error={error} onRetry={reload} />
          <div data-testid="non-responders-table">
            <Table<Invitation>
              rowKey="uscc" size="middle" {...listStates(loading, t('followUp.empty'))} columns={columns} dataSource={rows}
              pagination={{ defaultPageSize: 50, showSizeChanger: true, showTotal: (total) => tc('total', { total }) }}
              scroll={{ x: 1100 }}
            />
          </div>
        </>
      )}
    </>
  );
}
