// The ledger (台账): one entry per enterprise visited or contacted; the head adds entries and marks them resolved.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Form, Input, Modal, Select, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ledgerBodySchema, type CaseDetail } from '#shared/schemas/rectification.ts';
import type { CallbackBody, LedgerBody } from '../../endpoints.ts';
import { CallbackCell, CallbackModal } from './CallbackParts.tsx';
import { parseForm, zodRule } from '../../forms.ts';
import { useSave } from '../../useSave.ts';
import { useDates } from './labels.tsx';

type Entry = CaseDetail['ledger'][number];
type Values = Partial<LedgerBody>;
const shape = ledgerBodySchema.shape;

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

function AddEntryModal({ onClose, onAdd }: { onClose(): void; onAdd(body: LedgerBody): Promise<boolean> }) {
  const { t } = useTranslation('rectification');
  const { t: tc } = useTranslation('common');
  const [form] = Form.useForm<Values>();
  const { saving, save } = useSave();

  const submit = async () => {
    const entry = await parseForm(form, ledgerBodySchema, (field) =>
      field in shape ? t(`validation.${field as 'date' | 'enterprise' | 'issue' | 'action'}`) : tc('errors.validation_failed'),
    );
    if (!entry) return;
    await save(async () => {
      if (await onAdd(entry)) onClose();
    });
  };

  return (
    <Modal
      open
      title={t('ledger.addTitle')}
      okText={tc('actions.save')}
      cancelText={tc('actions.cancel')}
      confirmLoading={saving}
      onOk={() => {
        void submit();
      }}
      onCancel={onClose}
      destroyOnHidden
      width={600}
    >
      <Form<Values> form={form} layout="vertical" initialValues={{ date: today(), status: 'open' }} data-testid="ledger-form">
        <Form.Item name="date" label={t('ledger.date')} required rules={[zodRule(shape.date, t('validation.date'))]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item
          name="enterprise"
          label={t('ledger.enterprise')}
          required
          rules={[zodRule(shape.enterprise, t('validation.enterprise'))]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="issue" label={t('ledger.issue')} required rules={[zodRule(shape.issue, t('validation.issue'))]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
        <Form.Item name="action" label={t('ledger.action')} required rules={[zodRule(shape.action, t('validation.action'))]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
        <Form.Item name="status" label={t('ledger.status')}>
          <Select
            options={[
              { value: 'open', label: t('ledger.statusOpen') },
              { value: 'resolved', label: t('ledger.statusResolved') },
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface Props {
  c: CaseDetail;
  editable: boolean;
  onAdd(body: LedgerBody): Promise<boolean>;
  onToggle(entryId: number, status: 'open' | 'resolved'): Promise<boolean>;
  /** The admin calls enterprises back until the case is closed. */
  onCallback?: (entryId: number, body: CallbackBody) => Promise<boolean>;
}

export function LedgerSection({ c, editable, onAdd, onToggle, onCallback }: Props) {
  const { t } = useTranslation('rectification');
  const dates = useDates();
  const [adding, setAdding] = useState(false);
  const [busy, setBusy] = useState<number | null>(null);
  const [calling, setCalling] = useState<Entry | null>(null);

  const toggle = async (entry: Entry, resolved: boolean) => {
    setBusy(entry.id);
    try {
      await onToggle(entry.id, resolved ? 'resolved' : 'open');
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card
      title={
        <>
          {t('ledger.title')} <Tag data-testid="ledger-count">{t('ledgerCount', { n: c.ledger.length })}</Tag>
        </>
      }
      extra={
        editable ? (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="add-ledger">
            {t('ledger.add')}
          </Button>
        ) : null
      }
      data-testid="ledger-section"
    >
      <Typography.Paragraph type="secondary">{t('ledger.caption')}</Typography.Paragraph>
      <Table<Entry>
        rowKey="id"
        size="small"
        dataSource={c.ledger}
        pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={t('ledger.empty')} /> }}
        scroll={{ x: 1100 }}
        data-testid="ledger-table"
        columns={[
          { title: t('ledger.date'), dataIndex: 'date', width: 130, render: (v: string) => dates.date(v) },
          { title: t('ledger.enterprise'), dataIndex: 'enterprise', width: 200 },
          { title: t('ledger.issue'), dataIndex: 'issue', render: (v: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span> },
          { title: t('ledger.action'), dataIndex: 'action', render: (v: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span> },
          {
            title: t('ledger.status'),
            key: 'status',
            width: 130,
            render: (_, e) =>
              editable ? (
                <Switch
                  checked={e.status === 'resolved'}
                  checkedChildren={t('ledger.statusResolved')}
                  unCheckedChildren={t('ledger.statusOpen')}
                  loading={busy === e.id}
                  aria-label={e.status === 'resolved' ? t('ledger.markOpen') : t('ledger.markResolved')}
                  onChange={(checked) => {
                    void toggle(e, checked);
                  }}
                  data-testid={`ledger-toggle-${e.id}`}
                />
              ) : (
                <Tag color={e.status === 'resolved' ? 'success' : 'warning'}>
                  {e.status === 'resolved' ? t('ledger.statusResolved') : t('ledger.statusOpen')}
                </Tag>
              ),
          },
          { title: t('ledger.by'), dataIndex: 'createdBy', width: 120 },
          {
            title: t('callback.column'),
            key: 'callback',
            width: 200,
            render: (_, e) => <CallbackCell entry={e} onAdd={onCallback ? () => setCalling(e) : undefined} />,
          },
        ]}
      />
      {calling && onCallback ? (
        <CallbackModal entry={calling} onClose={() => setCalling(null)} onSave={(body) => onCallback(calling.id, body)} />
      ) : null}
      {adding ? <AddEntryModal onClose={() => setAdding(false)} onAdd={onAdd} /> : null}
    </Card>
  );
}
