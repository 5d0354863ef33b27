// 问责督办: each department's current streak and level, the open follow-up actions and when they are due,
// and every escalation record. Admins follow records up; leaders and supervisors read.
import { Alert, Button, Card, Col, Flex, Row, Statistic, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppealStatusTag } from '../../components/integrity/AppealStatusTag.tsx';
import { byStreak, daysBetween, levelCounts, pendingActions, type DueState } from '../../../../../shared/charts/escalations.ts';
import { ESCALATION_LEVELS } from '../../../../../shared/results/escalation.ts';
import type { EscalationRecord } from '../../../../../shared/schemas/results.ts';
import { useUser } from '../../auth.tsx';
import { useListStates } from '../../components/ListStates.tsx';
import { LoadError, StaleDataWarning } from '../../components/LoadError.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { getEscalationBoard, type EscalationBoard } from '../../endpoints.ts';
import { categoryLabel, departmentName } from '../../labels.ts';
import { useLoad } from '../../useLoad.ts';
import { COLORS, levelLabel, LevelTag, useQuarter } from '../dashboard/format.tsx';
import { EscalationModal } from './EscalationModal.tsx';

type BoardDepartment = EscalationBoard['departments'][number];

/** Today as YYYY-MM-DD in the reader's time zone. */
function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const DUE_COLORS: Record<DueState, string> = { overdue: 'red', due_soon: 'orange', unscheduled: 'gold', scheduled: 'blue', done: 'green', withdrawn: 'default' };
const STATUS_COLORS: Record<EscalationRecord['status'], string> = { pending: 'gold', scheduled: 'blue', on_hold: 'purple', done: 'green', withdrawn: 'default' };
const recordName = (r: EscalationRecord, lang: string) => departmentName({ nameZh: r.departmentName, nameEn: r.departmentNameEn }, lang);

function DueTag({ due, scheduledFor, today }: { due: DueState; scheduledFor: string | null; today: string }) {
  const { t } = useTranslation('dashboard');
  const days = scheduledFor ? daysBetween(today, scheduledFor) : 0;
  const text = due === 'overdue' ? t('escalations.due.overdue', { days: -days })
    : due === 'due_soon' ? (days === 0 ? t('escalations.due.due_today') : t('escalations.due.due_soon', { days }))
      : t(`escalations.due.${due}`);
  return <Tag color={DUE_COLORS[due]} data-due={due}>{text}</Tag>;
}

export default function EscalationsPage() {
  const { t, i18n } = useTranslation('dashboard');
  const lang = i18n.language;
  const quarter = useQuarter();
  const isAdmin = useUser().role === 'admin';
  const board = useLoad((signal) => getEscalationBoard(signal), []);
  const [onlyFlagged, setOnlyFlagged] = useState(true);
  const [open, setOpen] = useState<EscalationRecord | null>(null);
  const today = localToday();
  const listStates = useListStates();
  const firstLoad = board.loading && !board.data;

  const departments = useMemo(() => byStreak(board.data?.departments ?? []).filter((d) => !onlyFlagged || d.timesFlagged > 0), [board.data, onlyFlagged]);
  const counts = useMemo(() => levelCounts(board.data?.departments ?? []), [board.data]);
  const pending = useMemo(() => pendingActions(board.data?.records ?? [], today), [board.data, today]);

  const action = (r: EscalationRecord) => (
    <Button type="link" style={{ padding: 0 }} onClick={() => setOpen(r)}>
      {isAdmin && r.status !== 'withdrawn' ? t('escalations.edit') : t('escalations.view')}
    </Button>
  );
  const head = (r: EscalationRecord) => (r.headName ? `${r.headName}${r.headTitle ? `（${r.headTitle}）` : ''}` : '—');

  const pendingColumns: TableColumnsType<EscalationRecord & { due: DueState }> = [
    { title: t('escalations.columns.department'), dataIndex: 'departmentName', render: (_, r) => <Typography.Text strong>{recordName(r, lang)}</Typography.Text> },
    { title: t('escalations.columns.round'), dataIndex: 'roundId', width: 140, render: (id: string) => quarter(id) },
    { title: t('escalations.columns.recordLevel'), dataIndex: 'level', width: 200, render: (_, r) => <LevelTag level={r.level} /> },
    { title: t('escalations.columns.head'), key: 'head', width: 150, render: (_, r) => head(r) },
    {
      title: t('escalations.columns.status'), dataIndex: 'status', width: 150,
      render: (s: EscalationRecord['status'], r: EscalationRecord) => <>{<Tag color={STATUS_COLORS[s]}>{t(`escalations.status.${s}`)}</Tag>}{r.appeal ? <AppealStatusTag status={r.appeal.status} /> : null}</>,
    },
    { title: t('escalations.columns.scheduledFor'), dataIndex: 'scheduledFor', width: 120, render: (d: string | null) => d ?? '—' },
    { title: t('escalations.columns.due'), key: 'due', width: 130, render: (_, r) => <DueTag due={r.due} scheduledFor={r.scheduledFor} today={today} /> },
    { title: t('escalations.columns.actions'), key: 'actions', width: 80, render: (_, r) => action(r) },
  ];

  const departmentColumns: TableColumnsType<BoardDepartment> = [
    {
      title: t('escalations.columns.department'), dataIndex: 'name',
      render: (n: string, d) => <Typography.Text strong={d.streak > 0} style={d.streak > 0 ? { color: COLORS.flagged } : undefined}>{departmentName({ nameZh: n, nameEn: d.nameEn }, lang)}</Typography.Text>,
    },
    { title: t('escalations.columns.category'), dataIndex: 'category', width: 200, render: (c: string) => categoryLabel(c, lang) },
    {
      title: t('escalations.columns.streak'), dataIndex: 'streak', width: 100, align: 'right', sorter: (a, b) => a.streak - b.streak,
      render: (s: number) => (s > 0 ? t('escalations.streakValue', { count: s }) : t('escalations.none')),
    },
    { title: t('escalations.columns.level'), dataIndex: 'level', width: 200, render: (_, d) => <LevelTag level={d.level} /> },
    { title: t('escalations.columns.timesFlagged'), dataIndex: 'timesFlagged', width: 130, align: 'right', sorter: (a, b) => a.timesFlagged - b.timesFlagged },
    { title: t('escalations.columns.lastFlagged'), dataIndex: 'lastFlaggedRound', width: 150, render: (r: string | null) => (r ? quarter(r) : '—') },
  ];

  const historyColumns: TableColumnsType<EscalationRecord> = [
    { title: t('escalations.columns.round'), dataIndex: 'roundId', width: 140, render: (id: string) => quarter(id) },
    { title: t('escalations.columns.department'), dataIndex: 'departmentName', render: (_, r) => recordName(r, lang) },
    { title: t('escalations.columns.recordLevel'), dataIndex: 'level', width: 200, render: (_, r) => <LevelTag level={r.level} /> },
    { title: t('escalations.columns.streak'), dataIndex: 'streak', width: 90, align: 'right', render: (s: number) => t('escalations.streakValue', { count: s }) },
    { title: t('escalations.columns.head'), key: 'head', width: 150, render: (_, r) => head(r) },
    {
      title: t('escalations.columns.status'), dataIndex: 'status', width: 150,
      render: (s: EscalationRecord['status'], r: EscalationRecord) => <>{<Tag color={STATUS_COLORS[s]}>{t(`escalations.status.${s}`)}</Tag>}{r.appeal ? <AppealStatusTag status={r.appeal.status} /> : null}</>,
    },
    { title: t('escalations.columns.scheduledFor'), dataIndex: 'scheduledFor', width: 110, render: (d: string | null) => d ?? '—' },
    { title: t('escalations.columns.doneAt'), dataIndex: 'doneAt', width: 110, render: (d: string | null) => d ?? '—' },
    { title: t('escalations.columns.notes'), dataIndex: 'notes', ellipsis: true, render: (n: string | null) => n ?? '—' },
    { title: t('escalations.columns.actions'), key: 'actions', width: 80, render: (_, r) => action(r) },
  ];

  const policy = t('escalations.policy', { pledge: levelLabel('pledge', lang), admonishment: levelLabel('admonishment', lang), reassignment: levelLabel('reassignment', lang) });

  return (
    <>
      <PageHeader title={t('escalations.title')} subtitle={t('escalations.subtitle')} />
      {board.error && !board.data ? <LoadError error={board.error} onRetry={board.reload} /> : (
        <>
          <StaleDataWarning error={board.error} onRetry={board.reload} />
          <Alert type="info" showIcon title={policy} style={{ marginBottom: 16 }} />
          {!isAdmin ? <Typography.Paragraph type="secondary">{t('escalations.readOnly')}</Typography.Paragraph> : null}
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="level-counts">
            {ESCALATION_LEVELS.map((level) => (
              <Col xs={24} md={8} key={level}>
                <Card size="small" loading={firstLoad}>
                  <Statistic title={<LevelTag level={level} />} value={counts[level]} suffix={t('escalations.departmentsUnit')} />
                </Card>
              </Col>
            ))}
          </Row>
          <Card title={t('escalations.pendingTitle')} style={{ marginBottom: 16 }} data-testid="pending-actions">
            <Table
              rowKey="id" size="small" {...listStates(firstLoad, t('escalations.pendingEmpty'))} columns={pendingColumns} dataSource={pending} pagination={false}
              scroll={{ x: 1000 }}
              rowClassName={(r) => (r.due === 'overdue' ? 'pingyi-overdue-row' : '')}
            />
          </Card>
          <Card
            title={t('escalations.departmentsTitle')}
            extra={<Flex gap={8} align="center"><Switch size="small" checked={onlyFlagged} onChange={setOnlyFlagged} aria-label={t('escalations.onlyFlagged')} />{t('escalations.onlyFlagged')}</Flex>}
            style={{ marginBottom: 16 }}
            data-testid="streak-table"
          >
            <Table<BoardDepartment>
              rowKey="departmentId" size="small" {...listStates(firstLoad, t('escalations.departmentsEmpty'))} columns={departmentColumns} dataSource={departments}
              pagination={departments.length > 20 ? { pageSize: 20 } : false} scroll={{ x: 900 }}
            />
          </Card>
          <Card title={t('escalations.historyTitle')} data-testid="escalation-history">
            <Table<EscalationRecord>
              rowKey="id" size="small" {...listStates(firstLoad, t('escalations.historyEmpty'))} columns={historyColumns} dataSource={board.data?.records ?? []}
              pagination={{ defaultPageSize: 20, hideOnSinglePage: true }} scroll={{ x: 1200 }}
            />
          </Card>
        </>
      )}
      <style>{'.pingyi-overdue-row > td { background: #fff1f0 !important; }'}</style>
      {open ? (
        <EscalationModal
          record={open}
          editable={isAdmin}
          onClose={() => setOpen(null)}
          onSaved={() => { setOpen(null); board.reload(); }}
        />
      ) : null}
    </>
  );
}
