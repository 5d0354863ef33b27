// A round at a glance: where it is in its lifecycle, how many of the drawn enterprises have responded
// (overall, by township, by industry), and the time left while it is open.
import { Card, Col, Flex, Progress, Row, Statistic, Steps, Table, Typography, type TableColumnsType } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countdown, followUpOrder } from '#shared/charts/rounds.ts';
import type { Progress as RoundProgress } from '#shared/schemas/rounds.ts';
import { ApiError } from '../../../api.ts';
import { StaleDataWarning } from '../../components/LoadError.tsx';
import { roundProgress, type RoundSummary } from '../../endpoints.ts';
import { cachedRead } from '../../readCache.ts';
import { useLoad } from '../../useLoad.ts';
import { fmtPct, StatusTag, useDates, useQuarter } from './format.tsx';

type Group = RoundProgress['byTownship'][number];

/** The current time, refreshed every `ms` (for the countdown). */
function useNow(ms: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

function Countdown({ closesAt }: { closesAt: string }) {
  const { t } = useTranslation('dashboard');
  const now = useNow(30_000);
  const left = countdown(closesAt, now);
  return (
    <div data-testid="countdown">
      <Statistic
        title={t('overview.countdown')}
        value={left.past ? t('overview.deadlinePassed') : t('overview.countdownValue', left)}
        styles={{ content: { color: left.past ? '#cf1322' : left.days < 3 ? '#d46b08' : undefined, fontSize: 22 } }}
      />
    </div>
  );
}

function GroupTable({ title, groups, testId }: { title: string; groups: readonly Group[]; testId: string }) {
  const { t } = useTranslation('dashboard');
  const rows = useMemo(() => followUpOrder(groups), [groups]);
  const columns: TableColumnsType<Group> = [
    { title: t('overview.group'), dataIndex: 'key', ellipsis: true },
    { title: t('overview.invited'), dataIndex: 'invited', width: 72, align: 'right' },
    { title: t('overview.submitted'), dataIndex: 'submitted', width: 72, align: 'right' },
    {
      title: t('overview.responseRate'),
      dataIndex: 'responseRate',
      width: 150,
      render: (rate: number) => (
        <Progress percent={Math.round(rate * 100)} size="small" status={rate < 0.5 ? 'exception' : 'normal'} format={(p) => `${p}%`} />
      ),
    },
  ];
  return (
    <Card size="small" title={title} data-testid={testId}>
      <Table<Group>
        rowKey="key"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={rows.length > 8 ? { pageSize: 8, size: 'small' } : false}
      />
    </Card>
  );
}

export function RoundOverview({ round }: { round: RoundSummary }) {
  const { t } = useTranslation('dashboard');
  const quarter = useQuarter();
  const dates = useDates();
  const open = round.status === 'open';
  // Through the read cache: a section mounted again while the page loads (a busy machine) shares the answer
  // instead of asking twice (test/e2e/views.test.ts found /progress read twice in one visit).
  const progress = useLoad(
    () => cachedRead(`progress:${round.id}:${round.status}`, () => roundProgress(round.id)),
    [round.id, round.status],
  );

  const stepIndex = { draft: 0, pool_frozen: 0, drawn: 1, open: 2, closed: 3, published: 4, voided: 0 }[round.status];
  const steps = [
    { title: t('overview.steps.frozen'), content: dates.date(round.frozenAt) },
    { title: t('overview.steps.drawn'), content: dates.date(round.drawnAt) },
    { title: t('overview.steps.open'), content: dates.date(round.openedAt ?? round.opensAt) },
    { title: t('overview.steps.closed'), content: dates.dateTime(round.closedAt ?? round.closesAt) },
    { title: t('overview.steps.published'), content: dates.date(round.publishedAt) },
  ];

  const p = progress.data;
  const noInvitations = p !== undefined && p.invited === 0;
  const missing = progress.error instanceof ApiError && progress.error.status === 404;
  return (
    <Card
      title={
        <Flex gap={8} align="center">
          {t('overview.title')} · {quarter(round.id)} <StatusTag status={round.status} />
        </Flex>
      }
      style={{ marginBottom: 16 }}
      data-testid="round-overview"
    >
      <Steps
        size="small"
        current={stepIndex}
        status={round.status === 'published' ? 'finish' : 'process'}
        items={steps}
        style={{ marginBottom: 24 }}
      />
      {progress.error && !p && !missing ? (
        <StaleDataWarning title={t('overview.progressFailed')} error={progress.error} onRetry={progress.reload} />
      ) : noInvitations || missing ? (
        <Typography.Text type="secondary">{t('overview.noProgress')}</Typography.Text>
      ) : (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={12} md={open ? 4 : 5}>
              <Statistic title={t('overview.invited')} value={p?.invited ?? '—'} loading={progress.loading && !p} />
            </Col>
            <Col xs={12} md={open ? 4 : 5}>
              <Statistic title={t('overview.opened')} value={p?.opened ?? '—'} loading={progress.loading && !p} />
            </Col>
            <Col xs={12} md={open ? 4 : 5}>
              <Statistic title={t('overview.submitted')} value={p?.submitted ?? '—'} loading={progress.loading && !p} />
            </Col>
            <Col xs={12} md={open ? 6 : 9}>
              <div data-testid="response-rate">
                <Statistic title={t('overview.responseRate')} value={p ? fmtPct(p.responseRate) : '—'} loading={progress.loading && !p} />
              </div>
              {p ? <Progress percent={Math.round(p.responseRate * 100)} showInfo={false} size="small" /> : null}
              {p && p.replaced > 0 ? (
                <Typography.Text type="secondary">{t('overview.replaced', { count: p.replaced })}</Typography.Text>
              ) : null}
            </Col>
            {open ? (
              <Col xs={24} md={6}>
                <Countdown closesAt={round.closesAt} />
              </Col>
            ) : null}
          </Row>
          {open && p && p.groups === 'after_close' ? (
            <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }} data-testid="progress-groups-after-close">
              {t('overview.groupsAfterClose')}
            </Typography.Paragraph>
          ) : open && p ? (
            <>
              <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 8 }}>
                {t('overview.lowestFirst')}
              </Typography.Paragraph>
              <Row gutter={[16, 16]}>
                <Col xs={24} lg={12}>
                  <GroupTable title={t('overview.byTownship')} groups={p.byTownship} testId="progress-township" />
                </Col>
                <Col xs={24} lg={12}>
                  <GroupTable title={t('overview.byIndustry')} groups={p.byIndustry} testId="progress-industry" />
                </Col>
              </Row>
            </>
          ) : null}
        </>
      )}
    </Card>
  );
}
