import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Department } from '#shared/schemas/departments.ts';
import { useUser } from '../../auth.tsx';
import { useListStates } from '../../components/ListStates.tsx';
import { LoadError, StaleDataWarning } from '../../components/LoadError.tsx';
import { listDepartments } from '../../endpoints.ts';
import { categoryLabel, categoryOptions, departmentName } from '../../labels.ts';
import { useLoad } from '../../useLoad.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { AppointHeadModal } from './AppointHeadModal.tsx';
import { DepartmentDrawer } from './DepartmentDrawer.tsx';
import { DepartmentFormModal } from './DepartmentFormModal.tsx';
import { SearchFilter, SelectFilter } from '../../components/Filters.tsx';

type Dialog = { kind: 'create' } | { kind: 'edit'; department: Department } | { kind: 'appoint'; department: Department } | null;

function matches(d: Department, q: string): boolean {
  const s = q.trim().toLowerCase();
  if (!s) return true;
  return [d.code, d.nameZh, d.nameEn ?? '', d.head?.name ?? ''].some((v) => v.toLowerCase().includes(s));
}

export function DepartmentsPage() {
  const { t, i18n } = useTranslation('departments');
  const { t: tc } = useTranslation('common');
  const lang = i18n.language;
  const isAdmin = useUser().role === 'admin';
  const { data, error, loading, reload } = useLoad((signal) => listDepartments(signal), []);
  const listStates = useListStates();
  const [q, setQ] = useState('');
  const [category, setCategory] = useState<string | undefined>();
  const [active, setActive] = useState<boolean | undefined>();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [detailId, setDetailId] = useState<number | null>(null);

  const rows = useMemo(
    () =>
      (data ?? []).filter((d) => matches(d, q) && (!category || d.category === category) && (active === undefined || d.active === active)),
    [data, q, category, active],
  );

  const columns: TableColumnsType<Department> = [
    { title: t('columns.code'), dataIndex: 'code', width: 100, render: (code: string) => <code>{code}</code> },
    {
      title: t('columns.name'),
      key: 'name',
      render: (_, d) => (
        <Button
          type="link"
          style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
          onClick={() => setDetailId(d.id)}
        >
          {departmentName(d, lang)}
        </Button>
      ),
    },
    { title: t('columns.category'), dataIndex: 'category', render: (c: string) => categoryLabel(c, lang) },
    {
      title: t('columns.head'),
      key: 'head',
      render: (_, d) => (
        <>
          {d.head ? `${d.head.name}（${d.head.title}）` : <Tag>{t('noHead')}</Tag>}
          {d.nextHead ? (
            <div>
              <Tag color="blue">{t('nextHead', { name: d.nextHead.name, since: d.nextHead.since })}</Tag>
            </div>
          ) : null}
        </>
      ),
    },
    { title: t('columns.since'), key: 'since', width: 120, render: (_, d) => d.head?.since ?? '—' },
    {
      title: t('columns.status'),
      dataIndex: 'active',
      width: 110,
      render: (a: boolean) => <Tag color={a ? 'green' : 'default'}>{a ? t('status.active') : t('status.inactive')}</Tag>,
    },
    ...(isAdmin
      ? [
          {
            title: t('columns.actions'),
            key: 'actions',
            width: 190,
            render: (_: unknown, d: Department) => (
              <Space size={0}>
                <Button type="link" onClick={() => setDialog({ kind: 'edit', department: d })}>
                  {t('edit')}
                </Button>
                <Button type="link" onClick={() => setDialog({ kind: 'appoint', department: d })}>
                  {t('appoint')}
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ];

  const afterSave = () => {
    setDialog(null);
    reload();
  };

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        extra={
          isAdmin ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>
              {t('create')}
            </Button>
          ) : null
        }
      />
      {error && !data ? (
        <LoadError error={error} onRetry={reload} />
      ) : (
        <>
          <Flex gap={8} wrap style={{ marginBottom: 16 }}>
            <SearchFilter label={t('searchPlaceholder')} width={280} onSearch={setQ} />
            <SelectFilter label={t('allCategories')} width={220} value={category} onChange={setCategory} options={categoryOptions(lang)} />
            <Select
              allowClear
              placeholder={t('allStatuses')}
              style={{ width: 140 }}
              value={active === undefined ? undefined : String(active)}
              onChange={(v?: string) => setActive(v === undefined ? undefined : v === 'true')}
              options={[
                { value: 'true', label: t('status.active') },
                { value: 'false', label: t('status.inactive') },
              ]}
            />
          </Flex>
          <StaleDataWarning error={error} onRetry={reload} />
          <Table<Department>
            rowKey="id"
            size="middle"
            {...listStates(loading, data?.length ? t('noMatch') : t('empty'))}
            columns={columns}
            dataSource={rows}
            pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (total) => tc('total', { total }) }}
            scroll={{ x: 900 }}
          />
        </>
      )}
      {dialog?.kind === 'create' ? <DepartmentFormModal onClose={() => setDialog(null)} onSaved={afterSave} /> : null}
      {dialog?.kind === 'edit' ? (
        <DepartmentFormModal department={dialog.department} onClose={() => setDialog(null)} onSaved={afterSave} />
      ) : null}
      {dialog?.kind === 'appoint' ? (
        <AppointHeadModal department={dialog.department} onClose={() => setDialog(null)} onSaved={afterSave} />
      ) : null}
      <DepartmentDrawer id={detailId} onClose={() => setDetailId(null)} />
    </>
  );
}
