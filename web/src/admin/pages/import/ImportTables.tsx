// The row problems and the first rows as they will be saved.
import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportResult } from '#shared/enterprise-import.ts';
import { sizeLabel } from '../../labels.ts';
import { RowErrorsTable } from '../../import-flow/RowErrorsTable.tsx';
import { rowErrorText, type RowError } from './rowErrors.ts';

type PreviewRow = ImportResult['preview'][number];

export function ImportErrorsTable({ errors }: { errors: RowError[] }) {
  const { t } = useTranslation('importer');
  return (
    <RowErrorsTable<RowError>
      errors={errors}
      testId="import-errors"
      titles={{ row: t('errors.row'), field: t('errors.field'), key: t('errors.uscc'), message: t('errors.message') }}
      rowLabel={(row) => t('errors.rowN', { row })}
      fieldLabel={(f) => t(`fields.${f}`)}
      keyOf={(e) => e.uscc}
      keyWidth={200}
      message={(e) => rowErrorText(e, t)}
    />
  );
}

export function ImportPreviewTable({ rows }: { rows: PreviewRow[] }) {
  const { t, i18n } = useTranslation('importer');
  const { t: te } = useTranslation('enterprises');
  return (
    <Table<PreviewRow>
      rowKey="uscc"
      size="small"
      dataSource={rows}
      pagination={false}
      scroll={{ x: 1000 }}
      data-testid="import-preview"
      columns={[
        { title: t('fields.uscc'), dataIndex: 'uscc', width: 190, render: (v: string) => <code>{v}</code> },
        { title: t('fields.name'), dataIndex: 'name' },
        { title: t('fields.industry'), dataIndex: 'industry' },
        { title: t('fields.sizeClass'), dataIndex: 'sizeClass', width: 80, render: (v: string) => sizeLabel(v, i18n.language) },
        { title: t('fields.township'), dataIndex: 'township' },
        { title: t('fields.contactName'), dataIndex: 'contactName', render: (v: string | null) => v ?? '—' },
        { title: t('fields.contactPhone'), dataIndex: 'contactPhone', render: (v: string | null) => v ?? '—' },
        { title: t('fields.contactEmail'), dataIndex: 'contactEmail', render: (v: string | null) => v ?? '—' },
        {
          title: t('fields.active'),
          dataIndex: 'active',
          width: 80,
          render: (a: boolean) => <Tag color={a ? 'green' : 'default'}>{a ? te('status.active') : te('status.inactive')}</Tag>,
        },
      ]}
    />
  );
}
