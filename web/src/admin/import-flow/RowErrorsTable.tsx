// The rows an import check refused: row number, column, the row's key (USCC, cadre code) and the reason in words.
import { Table, Typography } from 'antd';

interface RowProblem {
  row: number;
  field?: string | null;
}

interface Props<E extends RowProblem> {
  errors: E[];
  testId: string;
  titles: { row: string; field: string; key: string; message: string };
  rowLabel(row: number): string;
  fieldLabel(field: NonNullable<E['field']>): string;
  /** The row's key as the file had it (null when it had none). */
  keyOf(error: E): string | null;
  keyWidth: number;
  message(error: E): string;
}

export function RowErrorsTable<E extends RowProblem>({ errors, testId, titles, rowLabel, fieldLabel, keyOf, keyWidth, message }: Props<E>) {
  return (
    <Table<E>
      rowKey={(e, i) => `${e.row}-${e.field ?? ''}-${i ?? 0}`}
      size="small"
      dataSource={errors}
      pagination={errors.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      data-testid={testId}
      columns={[
        { title: titles.row, dataIndex: 'row', width: 100, render: (row: number) => rowLabel(row) },
        {
          title: titles.field,
          key: 'field',
          width: 150,
          render: (_, e) => (e.field ? fieldLabel(e.field as NonNullable<E['field']>) : '—'),
        },
        {
          title: titles.key,
          key: 'key',
          width: keyWidth,
          render: (_, e) => {
            const k = keyOf(e);
            return k ? <code>{k}</code> : '—';
          },
        },
        { title: titles.message, key: 'message', render: (_, e) => <Typography.Text type="danger">{message(e)}</Typography.Text> },
      ]}
    />
  );
}
