// The dashboard's requests table: per department and quarter, how many, the median first-reply time,
// and of those the enterprises rated, the share solved and the share satisfied (shared/requests/stats.ts).
import { Card, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { listRequests, requestStats, type RequestStats } from '../../endpoints.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { departmentName } from '../../labels.ts';
import { useLoad } from '../../useLoad.ts';
import { useQuarter } from '../rectification/labels.tsx';

type Row = RequestStats[number];
const percent = (x: number | null) => (x === null ? null : `${Math.round(x * 100)}%`);

export function RequestStatsCard() {
  const { t, i18n } = useTranslation('requests');
  const quarter = useQuarter();
  const stats = useLoad((signal) => requestStats(signal), []);
  const overdue = useLoad((signal) => listRequests({ state: 'overdue' }, signal), []);
  const none = t('stats.none');
  return (
    <Card
      title={t('stats.title')}
      style={{ marginTop: 16 }}
      data-testid="request-stats"
      extra={
        overdue.data ? (
          <Typography.Text type={overdue.data.overdue ? 'danger' : 'secondary'} data-testid="request-overdue-now">
            {t('stats.overdueNow', { count: overdue.data.overdue })}
          </Typography.Text>
        ) : null
      }
    >
      {stats.error && !stats.data ? (
        <LoadError error={stats.error} onRetry={stats.reload} />
      ) : (
        <Table<Row>
          size="small"
          rowKey={(r) => `${r.quarter}-${r.departmentId}`}
          loading={stats.loading && !stats.data}
          dataSource={stats.data ?? []}
          pagination={{ pageSize: 15, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('stats.empty') }}
          columns={[
            { title: t('stats.quarter'), key: 'quarter', render: (_, r) => quarter(r.quarter) },
            {
              title: t('stats.department'),
              key: 'department',
              render: (_, r) => departmentName({ nameZh: r.departmentName, nameEn: r.departmentNameEn }, i18n.language),
            },
            { title: t('stats.requests'), dataIndex: 'requests', align: 'right' },
            { title: t('stats.replied'), dataIndex: 'replied', align: 'right' },
            {
              title: t('stats.median'),
              key: 'median',
              align: 'right',
              render: (_, r) => (r.medianFirstReplyHours === null ? none : t('stats.hours', { n: r.medianFirstReplyHours })),
            },
            {
              title: t('stats.resolved'),
              key: 'resolved',
              align: 'right',
              render: (_, r) => (r.feedbacks ? `${percent(r.resolvedShare)} ${t('stats.feedbacks', { n: r.feedbacks })}` : none),
            },
            {
              title: t('stats.satisfied'),
              key: 'satisfied',
              align: 'right',
              render: (_, r) => (r.feedbacks ? percent(r.satisfiedShare) : none),
            },
          ]}
        />
      )}
    </Card>
  );
}
