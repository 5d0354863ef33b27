// Department details with the record of its heads (who was in office when matters for escalation) and its
// evaluations with the streaks and measures they brought.
import { Descriptions, Drawer, Empty, Spin, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/LoadError.tsx';
import { getDepartment, type DepartmentDetail } from '../../endpoints.ts';
import { categoryLabel } from '../../labels.ts';
import { useLoad } from '../../useLoad.ts';
import { EvaluationHistory } from './EvaluationHistory.tsx';

type Head = DepartmentDetail['headHistory'][number];

export function DepartmentDrawer({ id, onClose }: { id: number | null; onClose(): void }) {
  const { t, i18n } = useTranslation('departments');
  const { data, error, loading, reload } = useLoad(
    (signal) => (id === null ? Promise.resolve(undefined) : getDepartment(id, signal)),
    [id],
  );
  const d = id !== null && data?.id === id ? data : undefined;

  return (
    <Drawer open={id !== null} onClose={onClose} title={d?.nameZh ?? t('drawer.title')} size={720} destroyOnHidden>
      {error && !d ? (
        <LoadError error={error} onRetry={reload} />
      ) : !d || loading ? (
        <Spin style={{ display: 'block', marginTop: 48 }} />
      ) : (
        <>
          <Descriptions
            column={1}
            size="small"
            bordered
            items={[
              { key: 'code', label: t('columns.code'), children: <code>{d.code}</code> },
              { key: 'nameZh', label: t('form.nameZh'), children: d.nameZh },
              { key: 'nameEn', label: t('form.nameEn'), children: d.nameEn ?? '—' },
              { key: 'category', label: t('columns.category'), children: categoryLabel(d.category, i18n.language) },
              { key: 'status', label: t('columns.status'), children: d.active ? t('status.active') : t('status.inactive') },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('drawer.history')}
          </Typography.Title>
          <Table<Head>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={[...d.headHistory].sort((a, b) => b.since.localeCompare(a.since))}
            locale={{ emptyText: <Empty description={t('drawer.noHistory')} /> }}
            data-testid="head-history"
            columns={[
              {
                title: t('form.headName'),
                dataIndex: 'name',
                render: (name: string, h) => (
                  <>
                    {name} {h.until === null ? <Tag color="green">{t('drawer.current')}</Tag> : null}
                  </>
                ),
              },
              { title: t('form.headTitle'), dataIndex: 'title' },
              { title: t('drawer.term'), key: 'term', render: (_, h) => `${h.since} – ${h.until ?? t('drawer.present')}` },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('evaluations.title')}
          </Typography.Title>
          <EvaluationHistory departmentId={d.id} />
        </>
      )}
    </Drawer>
  );
}
