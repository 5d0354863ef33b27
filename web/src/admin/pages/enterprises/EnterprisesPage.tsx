// The registry, paginated on the server; search and filters live in the URL so a view can be shared.
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Select, Space, Table, Tag, type SelectProps, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { SIZE_CLASS_KEYS, type Enterprise, type SizeClass } from '#shared/schemas/enterprises.ts';
import { useUser } from '../../auth.tsx';
import { useListStates, useOptionStates } from '../../components/ListStates.tsx';
import { LoadError, StaleDataWarning } from '../../components/LoadError.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { enterpriseFacets, listEnterprises, type EnterpriseQuery } from '../../endpoints.ts';
import { sizeLabel, sizeOptions } from '../../labels.ts';
import { useLoad } from '../../useLoad.ts';
import { EnterpriseFormModal } from './EnterpriseFormModal.tsx';

const FILTERS = ['q', 'township', 'industry', 'sizeClass', 'active'] as const;
type FilterKey = (typeof FILTERS)[number];

function queryOf(params: URLSearchParams): EnterpriseQuery & { page: number; pageSize: number } {
  const size = params.get('sizeClass');
  const active = params.get('active');
  return {
    page: Math.max(1, Number(params.get('page')) || 1),
    pageSize: Math.min(100, Math.max(1, Number(params.get('pageSize')) || 20)),
    q: params.get('q') || undefined,
    township: params.get('township') || undefined,
    industry: params.get('industry') || undefined,
    sizeClass: SIZE_CLASS_KEYS.includes(size as SizeClass) ? (size as SizeClass) : undefined,
    active: active === 'true' || active === 'false' ? active : undefined,
  };
}

type Dialog = { kind: 'create' } | { kind: 'edit'; enterprise: Enterprise } | null;

export function EnterprisesPage() {
  const { t, i18n } = useTranslation('enterprises');
  const { t: tc } = useTranslation('common');
  const lang = i18n.language;
  const isAdmin = useUser().role === 'admin';
  const [params, setParams] = useSearchParams();
  const query = queryOf(params);
  const list = useLoad((signal) => listEnterprises(query, signal), [params.toString()]);
  const facets = useLoad((signal) => enterpriseFacets(signal), []);
  const optionStates = useOptionStates();
  const listStates = useListStates();
  const [text, setText] = useState(query.q ?? '');
  const [dialog, setDialog] = useState<Dialog>(null);

  const update = (changes: Partial<Record<FilterKey | 'page' | 'pageSize', string | number | undefined>>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined || value === '') next.delete(key);
      else next.set(key, String(value));
    }
    if (!('page' in changes)) next.delete('page'); // a new filter starts at page 1
    setParams(next);
  };
  const filtered = FILTERS.some((f) => params.get(f));

  const columns: TableColumnsType<Enterprise> = [
    { title: t('columns.uscc'), dataIndex: 'uscc', width: 190, render: (v: string) => <code>{v}</code> },
    { title: t('columns.name'), dataIndex: 'name', width: 260 },
    { title: t('columns.industry'), dataIndex: 'industry', width: 180 },
    { title: t('columns.size'), dataIndex: 'sizeClass', width: 80, render: (v: string) => sizeLabel(v, lang) },
    { title: t('columns.township'), dataIndex: 'township', width: 130 },
    { title: t('columns.contact'), dataIndex: 'contactName', width: 90, render: (v: string | null) => v ?? '—' },
    { title: t('columns.phone'), dataIndex: 'contactPhone', width: 130, render: (v: string | null) => v ?? '—' },
    {
      title: t('columns.status'),
      dataIndex: 'active',
      width: 80,
      render: (a: boolean) => <Tag color={a ? 'green' : 'default'}>{a ? t('status.active') : t('status.inactive')}</Tag>,
    },
    ...(isAdmin
      ? [
          {
            title: t('columns.actions'),
            key: 'actions',
            width: 80,
            fixed: 'right' as const,
            render: (_: unknown, e: Enterprise) => (
              <Button type="link" onClick={() => setDialog({ kind: 'edit', enterprise: e })}>
                {t('edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  const select = (
    key: FilterKey,
    placeholder: string,
    options: { value: string; label: string }[],
    width: number,
    states: SelectProps = {},
  ) => (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={placeholder}
      style={{ width }}
      value={params.get(key) || undefined}
      onChange={(v?: string) => update({ [key]: v })}
      options={options}
      aria-label={placeholder}
      {...states}
    />
  );
  const toOptions = (xs: string[] | undefined) => (xs ?? []).map((x) => ({ value: x, label: x }));

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        extra={
          isAdmin ? (
            <Space>
              <Link to="/enterprises/import">
                <Button icon={<UploadOutlined />}>{t('import')}</Button>
              </Link>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>
                {t('create')}
              </Button>
            </Space>
          ) : null
        }
      />
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('searchPlaceholder')}
          style={{ width: 300 }}
          value={text}
          enterButton
          onChange={(e) => {
            setText(e.target.value);
            if (!e.target.value) update({ q: undefined });
          }}
          onSearch={(v) => update({ q: v.trim() || undefined })}
          aria-label={t('searchPlaceholder')}
          data-testid="enterprise-search"
        />
        {select('township', t('filters.township'), toOptions(facets.data?.townships), 160, optionStates(facets))}
        {select('industry', t('filters.industry'), toOptions(facets.data?.industries), 200, optionStates(facets))}
        {select('sizeClass', t('filters.size'), sizeOptions(lang), 120)}
        {select(
          'active',
          t('filters.status'),
          [
            { value: 'true', label: t('status.active') },
            { value: 'false', label: t('status.inactive') },
          ],
          120,
        )}
        {filtered ? (
          <Button
            onClick={() => {
              setText('');
              setParams(new URLSearchParams());
            }}
          >
            {tc('actions.reset')}
          </Button>
        ) : null}
      </Flex>
      {list.error && !list.data ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : (
        <>
          <StaleDataWarning error={list.error} onRetry={list.reload} />
          <Table<Enterprise>
            rowKey="uscc"
            size="middle"
            {...listStates(list.loading, filtered ? t('noMatch') : t('empty'))}
            columns={columns}
            dataSource={list.data?.items ?? []}
            scroll={{ x: 1250 }}
            pagination={{
              current: query.page,
              pageSize: query.pageSize,
              total: list.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [20, 50, 100],
              showTotal: (total) => tc('total', { total }),
              onChange: (page, pageSize) => update({ page, pageSize }),
            }}
            data-testid="enterprise-table"
          />
        </>
      )}
      {dialog ? (
        <EnterpriseFormModal
          enterprise={dialog.kind === 'edit' ? dialog.enterprise : undefined}
          facets={facets.data}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            list.reload();
          }}
        />
      ) : null}
    </>
  );
}
