// 问责督办: each department's current streak and level, the open follow-up actions and when they are due,
// and every escalation record. Admins follow records up; leaders and supervisors read.
import { Alert, Button, Card, Col, Flex, Row, Statistic, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppealStatusTag } from '../../components/integrity/AppealStatusTag.tsx';
import { byStreak, daysBetween, levelCounts, pendingActions, type DueState } from '#shared/charts/escalations.ts';
import { ESCALATION_LEVELS } from '#shared/results/escalation.ts';
import type { EscalationRecord } from '#shared/schemas/results.ts';
import { useUser } from '../../auth.tsx';
import { useListStates } from '../../components/ListStates.tsx';
import { LoadError, StaleDataWarning } from '../../components/LoadError.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QuarterState } from '../../components/QuarterState.tsx';
import { getDepartmentStates, getEscalationBoard, type EscalationBoard } from '../../endpoints.ts';
import { categoryLabel, departmentName } from '../../labels.ts';
import { useLoad } from '../../useLoad.ts';
import { COLORS, levelLabel, LevelTag, useQuarter } from '../dashboard/format.tsx';
import { EscalationModal } from './EscalationModal.tsx';
import { MeasureTags, Streaks } from './Measures.tsx';
import { useRevisionText } from './useRevisionText.ts';
import { WatchesCard } from './WatchesCard.tsx';

type BoardDepartment = EscalationBoard['departments'][number];

const DUE_COLORS: Record<DueState, string> = {
  overdue: 'red',
  due_soon: 'orange',
  unscheduled: 'gold',
  scheduled: 'blue',
  done: 'green',
  withdrawn: 'default',
};
const STATUS_COLORS: Record<EscalationRecord['status'], string> = {
  pending: 'gold',
  scheduled: 'blue',
  on_hold: 'purple',
  done: 'green',
  withdrawn: 'default',
};
const recordName = (r: EscalationRecord, lang: string) => departmentName({ nameZh: r.departmentName, nameEn: r.departmentNameEn }, lang);

/** The record's status, and a flag when a re-derivation asks the admin to look at it. */
function StatusTag({ status, review }: { status: EscalationRecord['status']; review: boolean }) {
  const { t } = useTranslation('dashboard');
  return (
    <>
      <Tag color={STATUS_COLORS[status]}>{t(`escalations.status.${status}`)}</Tag>
      {review ? (
        <Tag color="magenta" data-testid="needs-review">
          {t('escalations.needsReview')}
        </Tag>
      ) : null}
    </>
  );
}

type PendingRecord = EscalationRecord & { due: DueState };

function DueTag({ due, scheduledFor, today }: { due: DueState; scheduledFor: string | null; today: string }) {
  const { t } = useTranslation('dashboard');
  const days = scheduledFor ? daysBetween(today, scheduledFor) : 0;
  const text =
    due === 'overdue'
      ? t('escalations.due.overdue', { days: -days })
      : due === 'due_soon'
        ? days === 0
          ? t('escalations.due.due_today')
          : t('escalations.due.due_soon', { days })
        : t(`escalations.due.${due}`);
  return (
    <Tag color={DUE_COLORS[due]} data-due={due}>
      {text}
    </Tag>
  );
}

export default function EscalationsPage() {
  const { t, i18n } = useTranslation('dashboard');
  const lang = i18n.language;
  const quarter = useQuarter();
  const revision = useRevisionText();
  const isAdmin = useUser().role === 'admin';
  const { t: tState } = useTranslation('state');
  const board = useLoad((signal) => getEscalationBoard(signal), []);
  // Every quarter still open, from the one state the server decides (the same words as 本部门 and the dashboard).
  const states = useLoad((signal) => getDepartmentStates({}, signal), []);
  const openStates = useMemo(() => (states.data?.states ?? []).filter((s) => s.open), [states.data]);
  // Open measures by level over every quarter: the "累计" beside the latest quarter's count.
  const openByLevel = useMemo(
    () =>
      Object.fromEntries(
        ESCALATION_LEVELS.map((l) => [
          l,
          new Set(
            openStates
              .filter((s) =>
                s.measures.some((m) => m.measure === l && (m.status === 'pending' || m.status === 'scheduled' || m.status === 'on_hold')),
              )
              .map((s) => s.departmentId),
          ).size,
        ]),
      ) as Record<(typeof ESCALATION_LEVELS)[number], number>,
    [openStates],
  );
  const latestRound = board.data?.latestRound ?? null;
  const [onlyFlagged, setOnlyFlagged] = useState(true);
  const [open, setOpen] = useState<EscalationRecord | null>(null);
  const today = board.data?.today ?? '';
  const listStates = useListStates();
  const firstLoad = board.loading && !board.data;

  const departments = useMemo(
    () => byStreak(board.data?.departments ?? []).filter((d) => !onlyFlagged || d.timesFlagged > 0),
    [board.data, onlyFlagged],
  );
  const counts = useMemo(() => levelCounts(board.data?.departments ?? []), [board.data]);
  const pending = useMemo(() => pendingActions(board.data?.records ?? [], today), [board.data, today]);

  const action = (r: EscalationRecord) => (
    <Button type="link" style={{ padding: 0 }} onClick={() => setOpen(r)}>
      {isAdmin && r.status !== 'withdrawn' ? t('escalations.edit') : t('escalations.view')}
    </Button>
  );
  const head = (r: EscalationRecord) => (r.headName ? `${r.headName}${r.headTitle ? `（${r.headTitle}）` : ''}` : '—');

  // The columns the pending and history tables share: what the record asks of whom, and where it stands.
  const recordColumns = <R extends EscalationRecord>(): TableColumnsType<R> => [
    {
      title: t('escalations.columns.measures'),
      key: 'measures',
      width: 260,
      render: (_, r) => <MeasureTags measures={r.measures} states={r.measureStates} />,
    },
    {
      title: t('escalations.columns.streaks'),
      key: 'streaks',
      width: 190,
      render: (_, r) => <Streaks headStreak={r.headStreak} departmentStreak={r.departmentStreak} />,
    },
    { title: t('escalations.columns.head'), key: 'head', width: 150, render: (_, r) => head(r) },
  ];
  const statusColumn = <R extends EscalationRecord>(width: number): TableColumnsType<R>[number] => ({
    title: t('escalations.columns.status'),
    dataIndex: 'status',
    width,
    render: (s: EscalationRecord['status'], r: R) => (
      <>
        <StatusTag status={s} review={r.needsReview} />
        {r.appeal ? <AppealStatusTag status={r.appeal.status} /> : null}
      </>
    ),
  });

  const pendingColumns: TableColumnsType<PendingRecord> = [
    {
      title: t('escalations.columns.department'),
      dataIndex: 'departmentName',
      render: (_, r) => <Typography.Text strong>{recordName(r, lang)}</Typography.Text>,
    },
    { title: t('escalations.columns.round'), dataIndex: 'roundId', width: 140, render: (id: string) => quarter(id) },
    ...recordColumns<PendingRecord>(),
    statusColumn<PendingRecord>(140),
    { title: t('escalations.columns.scheduledFor'), dataIndex: 'scheduledFor', width: 120, render: (d: string | null) => d ?? '—' },
    {
      title: t('escalations.columns.due'),
      key: 'due',
      width: 130,
      render: (_, r) => <DueTag due={r.due} scheduledFor={r.scheduledFor} today={today} />,
    },
    { title: t('escalations.columns.actions'), key: 'actions', width: 80, render: (_, r) => action(r) },
  ];

  const departmentColumns: TableColumnsType<BoardDepartment> = [
    {
      title: t('escalations.columns.department'),
      dataIndex: 'name',
      render: (n: string, d) => (
        <Typography.Text strong={d.streak > 0} style={d.streak > 0 ? { color: COLORS.flagged } : undefined}>
          {departmentName({ nameZh: n, nameEn: d.nameEn }, lang)}
        </Typography.Text>
      ),
    },
    { title: t('escalations.columns.category'), dataIndex: 'category', width: 200, render: (c: string) => categoryLabel(c, lang) },
    {
      title: t('escalations.columns.headStreak'),
      dataIndex: 'headStreak',
      width: 110,
      align: 'right',
      sorter: (a, b) => a.headStreak - b.headStreak,
      render: (s: number, d) => (
        <span data-testid="head-streak" title={d.headName ?? undefined}>
          {s > 0 ? t('escalations.streakValue', { count: s }) : t('escalations.none')}
        </span>
      ),
    },
    {
      title: t('escalations.columns.departmentStreak'),
      dataIndex: 'departmentStreak',
      width: 110,
      align: 'right',
      sorter: (a, b) => a.departmentStreak - b.departmentStreak,
      render: (s: number) => (
        <span data-testid="department-streak">{s > 0 ? t('escalations.streakValue', { count: s }) : t('escalations.none')}</span>
      ),
    },
    {
      title: t('escalations.columns.measures'),
      dataIndex: 'measures',
      width: 240,
      render: (_, d) => <MeasureTags measures={d.measures} />,
    },
    {
      title: t('escalations.columns.timesFlagged'),
      dataIndex: 'timesFlagged',
      width: 130,
      align: 'right',
      sorter: (a, b) => a.timesFlagged - b.timesFlagged,
    },
    {
      title: t('escalations.columns.lastFlagged'),
      dataIndex: 'lastFlaggedRound',
      width: 150,
      render: (r: string | null) => (r ? quarter(r) : '—'),
    },
  ];

  const historyColumns: TableColumnsType<EscalationRecord> = [
    { title: t('escalations.columns.round'), dataIndex: 'roundId', width: 140, render: (id: string) => quarter(id) },
    { title: t('escalations.columns.department'), dataIndex: 'departmentName', render: (_, r) => recordName(r, lang) },
    ...recordColumns(),
    statusColumn(150),
    { title: t('escalations.columns.scheduledFor'), dataIndex: 'scheduledFor', width: 110, render: (d: string | null) => d ?? '—' },
    { title: t('escalations.columns.doneAt'), dataIndex: 'doneAt', width: 110, render: (d: string | null) => d ?? '—' },
    { title: t('escalations.columns.notes'), dataIndex: 'notes', ellipsis: true, render: (n: string | null) => n ?? '—' },
    { title: t('escalations.columns.actions'), key: 'actions', width: 80, render: (_, r) => action(r) },
  ];

  const revisionColumns: TableColumnsType<EscalationRecord> = [
    { title: t('escalations.columns.round'), dataIndex: 'roundId', width: 140, render: (id: string) => quarter(id) },
    { title: t('escalations.columns.department'), dataIndex: 'departmentName', width: 200, render: (_, r) => recordName(r, lang) },
    { title: t('escalations.columns.measures'), key: 'measures', width: 240, render: (_, r) => <MeasureTags measures={r.measures} /> },
    {
      title: t('escalations.columns.streaks'),
      key: 'streaks',
      width: 190,
      render: (_, r) => <Streaks headStreak={r.headStreak} departmentStreak={r.departmentStreak} />,
    },
    {
      title: t('escalations.columns.supersededAt'),
      dataIndex: 'supersededAt',
      width: 170,
      render: (d: string | null) => (d ? d.slice(0, 16).replace('T', ' ') : '—'),
    },
    {
      title: t('escalations.columns.supersededReason'),
      dataIndex: 'supersededReason',
      render: (reason: EscalationRecord['supersededReason'], r) => (
        <>
          {revision.reason(reason) ?? '—'}{' '}
          {r.supersededById === null ? <Tag>{t('escalations.withdrawnTag')}</Tag> : <Tag color="blue">{t('escalations.replacedTag')}</Tag>}
        </>
      ),
    },
  ];

  const policy = t('escalations.policy', {
    pledge: levelLabel('pledge', lang),
    admonishment: levelLabel('admonishment', lang),
    reassignment: levelLabel('reassignment', lang),
  });

  return (
    <>
      <PageHeader title={t('escalations.title')} subtitle={t('escalations.subtitle')} />
      {board.error && !board.data ? (
        <LoadError error={board.error} onRetry={board.reload} />
      ) : (
        <>
          <StaleDataWarning error={board.error} onRetry={board.reload} />
          <Alert type="info" showIcon title={policy} style={{ marginBottom: 16 }} />
          {!isAdmin ? <Typography.Paragraph type="secondary">{t('escalations.readOnly')}</Typography.Paragraph> : null}
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="level-counts">
            {ESCALATION_LEVELS.map((level) => (
              <Col xs={24} md={8} key={level}>
                {/* Both reads feed a card: a cumulative 0 shown before the states arrive would be a false figure. */}
                <Card size="small" loading={firstLoad || (states.loading && !states.data)} data-level={level}>
                  <Statistic
                    title={
                      <>
                        <LevelTag level={level} /> {latestRound ? tState('summary.thisQuarter', { quarter: quarter(latestRound) }) : null}
                      </>
                    }
                    value={counts[level]}
                    suffix={t('escalations.departmentsUnit')}
                  />
                  {states.data ? (
                    <Typography.Text type="secondary" data-testid="level-open">
                      {tState('summary.cumulativeOpen', { n: openByLevel[level] })}
                    </Typography.Text>
                  ) : null}
                </Card>
              </Col>
            ))}
          </Row>
          <Card
            title={tState('openQuarters')}
            style={{ marginBottom: 16 }}
            loading={states.loading && !states.data}
            data-testid="open-states"
          >
            {states.error && !states.data ? (
              <LoadError error={states.error} onRetry={states.reload} />
            ) : openStates.length === 0 ? (
              <Typography.Text type="secondary">{t('escalations.pendingEmpty')}</Typography.Text>
            ) : (
              <Row gutter={[16, 16]}>
                {openStates.map((s) => (
                  <Col xs={24} md={12} xl={8} key={`${s.roundId}:${s.departmentId}`}>
                    <Typography.Text strong>
                      {departmentName({ nameZh: s.departmentName, nameEn: s.departmentNameEn }, lang)}
                    </Typography.Text>
                    <QuarterState state={s} code={s.departmentCode} caseLink />
                  </Col>
                ))}
              </Row>
            )}
          </Card>
          <WatchesCard watches={board.data?.watches ?? []} onReviewed={board.reload} />
          <Card title={t('escalations.pendingTitle')} style={{ marginBottom: 16 }} data-testid="pending-actions">
            <Table
              rowKey="id"
              size="small"
              {...listStates(firstLoad, t('escalations.pendingEmpty'))}
              columns={pendingColumns}
              dataSource={pending}
              pagination={false}
              scroll={{ x: 1400 }}
              rowClassName={(r) => (r.due === 'overdue' ? 'pingyi-overdue-row' : '')}
            />
          </Card>
          <Card
            title={t('escalations.departmentsTitle')}
            extra={
              <Flex gap={8} align="center">
                <Switch size="small" checked={onlyFlagged} onChange={setOnlyFlagged} aria-label={t('escalations.onlyFlagged')} />
                {t('escalations.onlyFlagged')}
              </Flex>
            }
            style={{ marginBottom: 16 }}
            data-testid="streak-table"
          >
            <Table<BoardDepartment>
              rowKey="departmentId"
              size="small"
              {...listStates(firstLoad, t('escalations.departmentsEmpty'))}
              columns={departmentColumns}
              dataSource={departments}
              pagination={departments.length > 20 ? { pageSize: 20 } : false}
              scroll={{ x: 900 }}
            />
          </Card>
          <Card title={t('escalations.historyTitle')} data-testid="escalation-history" style={{ marginBottom: 16 }}>
            <Table<EscalationRecord>
              rowKey="id"
              size="small"
              {...listStates(firstLoad, t('escalations.historyEmpty'))}
              columns={historyColumns}
              dataSource={board.data?.records ?? []}
              pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
              scroll={{ x: 1500 }}
            />
          </Card>
          {board.data?.superseded.length ? (
            <Card title={t('escalations.revisionsTitle')} data-testid="escalation-revisions">
              <Typography.Paragraph type="secondary">{t('escalations.revisionsHelp')}</Typography.Paragraph>
              <Table<EscalationRecord>
                rowKey="id"
                size="small"
                columns={revisionColumns}
                dataSource={board.data.superseded}
                pagination={{ defaultPageSize: 10, hideOnSinglePage: true }}
                scroll={{ x: 1200 }}
              />
            </Card>
          ) : null}
        </>
      )}
      <style>{'.pingyi-overdue-row > td { background: #fff1f0 !important; }'}</style>
      {open ? (
        <EscalationModal
          record={open}
          editable={isAdmin}
          onClose={() => setOpen(null)}
          onSaved={() => {
            setOpen(null);
            board.reload();
            states.reload();
          }}
          onChanged={() => {
            board.reload();
            states.reload();
          }}
        />
      ) : null}
    </>
  );
}
