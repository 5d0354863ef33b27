// Who has responded so far (counts only), with a countdown to the deadline.
import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Flex, Progress as Bar, Row, Statistic, Table, Tabs, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Progress, Round } from '#shared/schemas/rounds.ts';
import { LoadError, StaleDataWarning } from '../../components/LoadError.tsx';
import { roundProgress } from '../../endpoints.ts';
import { useLoad } from '../../useLoad.ts';
import { percent, useStratumLabel, useTimeFormat } from './labels.tsx';

type Group = Progress['byTownship'][number];

function GroupTable({ rows, label }: { rows: Group[]; label: (key: string) => string }) {
  const { t } = useTranslation('rounds');
  const columns: TableColumnsType<Group> = [
    { title: t('progress.group'), dataIndex: 'key', render: (k: string) => <span style={{ whiteSpace: 'nowrap' }}>{label(k)}</span> },
    { title: t('progress.invited'), dataIndex: 'invited', width: 88, align: 'right', sorter: (a, b) => a.invited - b.invited },
    { title: t('progress.submitted'), dataIndex: 'submitted', width: 80, align: 'right' },
    {
      title: t('progress.rate'),
      dataIndex: 'responseRate',
      width: 130,
      sorter: (a, b) => a.responseRate - b.responseRate,
      render: (r: number) => <Bar percent={Math.round(r * 1000) / 10} size="small" format={() => percent(r)} />,
    },
  ];
  return (
    <Table<Group>
      size="small"
      rowKey="key"
      columns={columns}
      dataSource={rows}
      pagination={rows.length > 10 ? { pageSize: 10, size: 'small' } : false}
      locale={{ emptyText: <Empty description={t('progress.none')} /> }}
      scroll={{ x: 420 }}
    />
  );
}

export function ProgressCard({ round }: { round: Round }) {
  const { t } = useTranslation('rounds');
  const time = useTimeFormat();
  const { data, error, loading, reload } = useLoad((signal) => roundProgress(round.id, signal), [round.id, round.status, round.closesAt]);
  const deadline = Date.parse(round.closesAt);

  const deadlineNode =
    round.status === 'open' && deadline > Date.now() ? (
      <Statistic.Timer
        type="countdown"
        title={t('progress.countdown', { time: time.dateTime(round.closesAt) })}
        value={deadline}
        format={t('progress.countdownFormat')}
        onFinish={reload}
        data-testid="countdown"
      />
    ) : (
      <Typography.Text type="secondary">
        {t(round.status === 'open' || round.status === 'drawn' ? 'progress.deadline' : 'progress.closedAt', {
          time: time.dateTime(round.closedAt ?? round.closesAt),
        })}
      </Typography.Text>
    );

  return (
    <Card
      title={t('progress.title')}
      extra={
        <Button type="text" icon={<ReloadOutlined />} onClick={reload} loading={loading}>
          {t('progress.refresh')}
        </Button>
      }
      data-testid="progress-card"
    >
      {error && !data ? <LoadError error={error} onRetry={reload} /> : null}
      <StaleDataWarning error={data ? error : undefined} onRetry={reload} />
      {data ? (
        <Flex vertical gap={16}>
          <Row gutter={[16, 16]}>
            <Col span={8}>
              <Statistic title={t('progress.invited')} value={data.invited} />
            </Col>
            <Col span={8}>
              <Statistic title={t('progress.opened')} value={data.opened} />
            </Col>
            <Col span={8}>
              <Statistic title={t('progress.submitted')} value={data.submitted} />
            </Col>
          </Row>
          {deadlineNode}
          <div>
            <Typography.Text>
              {t('progress.rateLine', { rate: percent(data.responseRate), submitted: data.submitted, invited: data.invited })}
            </Typography.Text>
            <Bar
              percent={Math.round(data.responseRate * 1000) / 10}
              format={() => percent(data.responseRate)}
              status={round.status === 'open' ? 'active' : 'normal'}
            />
            <Typography.Text type="secondary">
              {t('progress.detail', { drafted: data.drafted, notOpened: data.invited - data.opened, replaced: data.replaced })}
            </Typography.Text>
          </div>
          {data.groups === 'after_close' ? (
            <Typography.Text type="secondary" data-testid="progress-groups-after-close">
              {t('progress.groupsAfterClose')}
            </Typography.Text>
          ) : (
            <>
              {data.groups === 'suppressed' ? (
                <Typography.Text type="secondary" data-testid="progress-groups-suppressed">
                  {t('progress.groupsSuppressed')}
                </Typography.Text>
              ) : null}
              <GroupTabs data={data} round={round} />
            </>
          )}
        </Flex>
      ) : null}
    </Card>
  );
}

function GroupTabs({ data, round }: { data: Progress; round: Round }) {
  const { t } = useTranslation('rounds');
  const stratumLabel = useStratumLabel();
  return (
    <Tabs
      size="small"
      items={[
        ...(round.stratifyBy
          ? [
              {
                key: 'stratum',
                label: t('progress.byStratum'),
                children: <GroupTable rows={data.byStratum} label={(k) => stratumLabel(k, round.stratifyBy)} />,
              },
            ]
          : []),
        { key: 'township', label: t('progress.byTownship'), children: <GroupTable rows={data.byTownship} label={(k) => k} /> },
        { key: 'industry', label: t('progress.byIndustry'), children: <GroupTable rows={data.byIndustry} label={(k) => k} /> },
      ]}
    />
  );
}
