// The department's escalation (问责) status: current streak and level, and its records.
import { Alert, Card, Descriptions, Empty, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { AppealStatusTag } from '../../components/integrity/AppealStatusTag.tsx';
import { ESCALATION_LABELS, type EscalationLevel } from '#shared/results/escalation.ts';
import type { EscalationRecord } from '#shared/schemas/results.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { departmentStanding } from '#shared/results/department-state.ts';
import { QuarterState } from '../../components/QuarterState.tsx';
import type { DepartmentStates, EscalationBoard } from '../../endpoints.ts';
import { MeasureTags, Streaks } from '../escalations/Measures.tsx';
import { useDates, useQuarter } from '../rectification/labels.tsx';

const LEVEL_COLORS: Record<EscalationLevel, string> = { pledge: 'gold', admonishment: 'orange', reassignment: 'red' };
const STATUS_COLORS: Record<EscalationRecord['status'], string> = {
  pending: 'default',
  scheduled: 'processing',
  on_hold: 'warning',
  done: 'success',
  withdrawn: 'default',
};

export function useLevelLabel(): (level: EscalationLevel) => string {
  const { i18n } = useTranslation();
  return (level) => (i18n.language === 'en' ? ESCALATION_LABELS[level].en : ESCALATION_LABELS[level].zh);
}

export function EscalationCard({
  board,
  states,
  error,
  loading,
  onRetry,
  departmentId,
}: {
  board: EscalationBoard | undefined;
  states: DepartmentStates | undefined;
  error: unknown;
  loading: boolean;
  onRetry(): void;
  departmentId: number;
}) {
  const { t } = useTranslation('mydept');
  const { t: tState } = useTranslation('state');
  const levelLabel = useLevelLabel();
  const quarter = useQuarter();
  const dates = useDates();
  const mine = board?.departments.find((d) => d.departmentId === departmentId);
  const records = (board?.records ?? []).filter((r) => r.departmentId === departmentId);
  // Older quarters may still be open when the latest is clear: "no escalation matters" only when none is.
  const standing = departmentStanding((states?.states ?? []).filter((s) => s.departmentId === departmentId));

  return (
    <Card title={t('escalation.title')} loading={loading && !(board && states)} data-testid="escalation-card">
      {error && !board ? (
        <LoadError error={error} onRetry={onRetry} />
      ) : (
        <>
          {standing.open.length ? (
            <Alert
              type="warning"
              showIcon
              title={tState('openElsewhere')}
              description={
                <Flex vertical gap={12} style={{ marginTop: 8 }}>
                  {standing.open.map((s) => (
                    <QuarterState key={s.roundId} state={s} code={s.departmentCode} caseLink />
                  ))}
                </Flex>
              }
              style={{ marginBottom: 16 }}
              data-testid="open-matters"
            />
          ) : null}
          {mine && mine.level ? (
            <Alert
              type={mine.level === 'pledge' ? 'warning' : 'error'}
              showIcon
              title={
                <>
                  {t('escalation.current')}{' '}
                  <Tag color={LEVEL_COLORS[mine.level]} data-testid="escalation-level">
                    {levelLabel(mine.level)}
                  </Tag>
                </>
              }
              description={
                <>
                  {t('escalation.currentMeasures')} <MeasureTags measures={mine.measures} />
                </>
              }
              style={{ marginBottom: 16 }}
            />
          ) : standing.open.length || !states ? null : (
            <Alert type="success" showIcon title={t('escalation.noneHelp')} style={{ marginBottom: 16 }} />
          )}
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2, lg: 4 }}
            items={[
              {
                key: 'headStreak',
                label: t('escalation.headStreak'),
                children: <span data-testid="escalation-head-streak">{t('escalation.streakValue', { n: mine?.headStreak ?? 0 })}</span>,
              },
              {
                key: 'streak',
                label: t('escalation.departmentStreak'),
                children: <span data-testid="escalation-streak">{t('escalation.streakValue', { n: mine?.departmentStreak ?? 0 })}</span>,
              },
              { key: 'times', label: t('escalation.timesFlagged'), children: t('escalation.timesValue', { n: mine?.timesFlagged ?? 0 }) },
              { key: 'last', label: t('escalation.lastFlagged'), children: mine?.lastFlaggedRound ? quarter(mine.lastFlaggedRound) : '—' },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 8 }}>
            {t('escalation.records')}
          </Typography.Title>
          <Table<EscalationRecord>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={records}
            scroll={{ x: 960 }}
            locale={{ emptyText: <Empty description={t('escalation.noRecords')} image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
            data-testid="escalation-records"
            expandable={{
              rowExpandable: (r) => Boolean(r.notes || r.commitment),
              expandedRowRender: (r) => (
                <Descriptions
                  size="small"
                  column={1}
                  items={[
                    ...(r.notes
                      ? [
                          {
                            key: 'notes',
                            label: t('escalation.notes'),
                            children: <span style={{ whiteSpace: 'pre-wrap' }}>{r.notes}</span>,
                          },
                        ]
                      : []),
                    ...(r.commitment
                      ? [
                          {
                            key: 'commitment',
                            label: t('escalation.commitment'),
                            children: <span style={{ whiteSpace: 'pre-wrap' }}>{r.commitment}</span>,
                          },
                        ]
                      : []),
                  ]}
                />
              ),
            }}
            columns={[
              { title: t('escalation.columns.round'), dataIndex: 'roundId', width: 130, render: (id: string) => quarter(id) },
              {
                title: t('escalation.columns.level'),
                key: 'measures',
                render: (_, r) => <MeasureTags measures={r.measures} states={r.measureStates} />,
              },
              {
                title: t('escalation.columns.streak'),
                key: 'streaks',
                width: 200,
                render: (_, r) => <Streaks headStreak={r.headStreak} departmentStreak={r.departmentStreak} />,
              },
              {
                title: t('escalation.columns.head'),
                key: 'head',
                render: (_, r) => (r.headName ? `${r.headName}${r.headTitle ? `（${r.headTitle}）` : ''}` : '—'),
              },
              {
                title: t('escalation.columns.status'),
                dataIndex: 'status',
                width: 150,
                render: (s: EscalationRecord['status'], r: EscalationRecord) => (
                  <>
                    {<Tag color={STATUS_COLORS[s]}>{t(`escalation.status.${s}`)}</Tag>}
                    {r.appeal ? <AppealStatusTag status={r.appeal.status} /> : null}
                  </>
                ),
              },
              {
                title: t('escalation.columns.scheduledFor'),
                dataIndex: 'scheduledFor',
                width: 130,
                render: (d: string | null) => dates.date(d),
              },
              { title: t('escalation.columns.doneAt'), dataIndex: 'doneAt', width: 130, render: (d: string | null) => dates.date(d) },
            ]}
          />
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 12, marginBottom: 0 }}>
            {t('escalation.policy', {
              pledge: levelLabel('pledge'),
              admonishment: levelLabel('admonishment'),
              reassignment: levelLabel('reassignment'),
            })}
          </Typography.Paragraph>
        </>
      )}
    </Card>
  );
}
