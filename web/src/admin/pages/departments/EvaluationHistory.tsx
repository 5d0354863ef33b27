// The department's history of published evaluations, newest first: who answered for it, both streaks,
// and the quarter's state as every page shows it (rank, measures and their status, case, appeal, next).
import { Empty, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/LoadError.tsx';
import { QuarterState } from '../../components/QuarterState.tsx';
import { getDepartmentHistory, getDepartmentStates, type DepartmentHistory } from '../../endpoints.ts';
import { useLoad } from '../../useLoad.ts';
import { useQuarter } from '../dashboard/format.tsx';
import { Streaks } from '../escalations/Measures.tsx';

type Entry = DepartmentHistory['rounds'][number];

export function EvaluationHistory({ departmentId }: { departmentId: number }) {
  const { t } = useTranslation('departments');
  const quarter = useQuarter();
  const history = useLoad((signal) => getDepartmentHistory(departmentId, signal), [departmentId]);
  const states = useLoad((signal) => getDepartmentStates({ departmentId, all: true }, signal), [departmentId]);
  if (history.error && !history.data) return <LoadError error={history.error} onRetry={history.reload} />;
  if (states.error && !states.data) return <LoadError error={states.error} onRetry={states.reload} />;
  const stateOf = (roundId: string) => states.data?.states.find((s) => s.roundId === roundId);
  return (
    <Table<Entry>
      rowKey="roundId"
      size="small"
      loading={(history.loading && !history.data) || (states.loading && !states.data)}
      pagination={false}
      // Newest quarter first; the server gives them in quarter order.
      dataSource={[...(history.data?.rounds ?? [])].reverse()}
      locale={{ emptyText: <Empty description={t('evaluations.none')} /> }}
      scroll={{ x: 760 }}
      data-testid="evaluation-history"
      columns={[
        { title: t('evaluations.round'), dataIndex: 'roundId', width: 130, render: (id: string) => quarter(id) },
        { title: t('evaluations.head'), dataIndex: 'headName', width: 100, render: (n: string | null) => n ?? '—' },
        {
          title: t('evaluations.streaks'),
          key: 'streaks',
          width: 190,
          render: (_, e) => <Streaks headStreak={e.headStreak} departmentStreak={e.departmentStreak} />,
        },
        {
          title: t('evaluations.state'),
          key: 'state',
          width: 320,
          render: (_, e) => {
            const s = stateOf(e.roundId);
            return s ? <QuarterState state={s} code={s.departmentCode} caseLink /> : '—';
          },
        },
      ]}
    />
  );
}
