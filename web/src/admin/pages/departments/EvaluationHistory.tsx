// The department's history of published evaluations, in quarter order: rank, whether it was flagged, who
// answered for it, both streaks and every measure the rule gave.
import { Empty, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/LoadError.tsx';
import { getDepartmentHistory, type DepartmentHistory } from '../../endpoints.ts';
import { useLoad } from '../../useLoad.ts';
import { useQuarter } from '../dashboard/format.tsx';
import { MeasureTags, Streaks } from '../escalations/Measures.tsx';

type Entry = DepartmentHistory['rounds'][number];

export function EvaluationHistory({ departmentId }: { departmentId: number }) {
  const { t } = useTranslation('departments');
  const quarter = useQuarter();
  const history = useLoad((signal) => getDepartmentHistory(departmentId, signal), [departmentId]);
  if (history.error && !history.data) return <LoadError error={history.error} onRetry={history.reload} />;
  return (
    <Table<Entry>
      rowKey="roundId"
      size="small"
      loading={history.loading && !history.data}
      pagination={false}
      // Newest quarter first; the server gives them in quarter order.
      dataSource={[...(history.data?.rounds ?? [])].reverse()}
      locale={{ emptyText: <Empty description={t('evaluations.none')} /> }}
      scroll={{ x: 640 }}
      data-testid="evaluation-history"
      columns={[
        { title: t('evaluations.round'), dataIndex: 'roundId', width: 130, render: (id: string) => quarter(id) },
        {
          title: t('evaluations.rank'), key: 'rank', width: 110,
          render: (_, e) => (e.rank === null ? t('evaluations.unranked') : <>{`${e.rank} / ${e.rankedCount}`} {e.flagged ? <Tag color="red">{t('evaluations.flagged')}</Tag> : null}</>),
        },
        { title: t('evaluations.head'), dataIndex: 'headName', width: 100, render: (n: string | null) => n ?? '—' },
        { title: t('evaluations.streaks'), key: 'streaks', width: 190, render: (_, e) => <Streaks headStreak={e.headStreak} departmentStreak={e.departmentStreak} /> },
        { title: t('evaluations.measures'), key: 'measures', render: (_, e) => <MeasureTags measures={e.measures} /> },
      ]}
    />
  );
}
