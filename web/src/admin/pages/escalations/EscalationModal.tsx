// Follow up one escalation record (admins): each of its measures on its own, or the record as a whole
// (status pending → scheduled → done, the date, notes and the head's written commitment). Others (and
// withdrawn or superseded records) see the same record read-only.
import { Alert, App, Button, Descriptions, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { nextStatuses } from '#shared/charts/escalations.ts';
import { escalationFormSchema, escalationPatchSchema, type EscalationRecord } from '#shared/schemas/results.ts';
import { updateEscalation, updateMeasure } from '../../endpoints.ts';
import { blankToNull, parseForm, zodRule } from '../../forms.ts';
import { departmentName } from '../../labels.ts';
import { useSave } from '../../useSave.ts';
import { levelLabel, useQuarter } from '../dashboard/format.tsx';
import { MeasureTags, Streaks } from './Measures.tsx';
import type { EscalationLevel } from '#shared/results/escalation.ts';
import type { MeasureState } from '#shared/schemas/results.ts';
import { useRevisionText } from './useRevisionText.ts';

type Values = {
  status: 'pending' | 'scheduled' | 'done';
  scheduledFor: string | null;
  doneAt: string | null;
  notes: string | null;
  commitment: string | null;
};
const shape = escalationPatchSchema.shape;

interface Props {
  record: EscalationRecord;
  editable: boolean;
  onClose(): void;
  onSaved(r: EscalationRecord): void;
  /** A measure or the review flag changed: the modal stays open, the list behind it reloads. */
  onChanged?(r: EscalationRecord): void;
}

export function EscalationModal({ record: initialRecord, editable, onClose, onSaved, onChanged }: Props) {
  const [record, setRecord] = useState(initialRecord);
  const { t, i18n } = useTranslation('dashboard');
  const { t: tc } = useTranslation('common');
  const { t: tI } = useTranslation('integrity');
  const revision = useRevisionText();
  const { message } = App.useApp();
  const quarter = useQuarter();
  const [form] = Form.useForm<Values>();
  const { saving, problem, save } = useSave();
  const canEdit = editable && record.status !== 'withdrawn' && record.status !== 'on_hold' && !record.supersededAt;
  const name = departmentName({ nameZh: record.departmentName, nameEn: record.departmentNameEn }, i18n.language);
  const title = t('escalations.editTitle', { name, level: levelLabel(record.level, i18n.language) });

  // The field rules catch malformed input as it is typed; the schema's cross-field rules (a status
  // that names a date needs that date) come back on the date field they concern.
  const fieldMessage = (field: string) =>
    field === 'scheduledFor' || field === 'doneAt' || field === 'notes' || field === 'commitment'
      ? t(`escalations.validation.${field}`)
      : tc('errors.validation_failed');

  const submit = async () => {
    const patch = await parseForm(form, escalationFormSchema, fieldMessage, blankToNull);
    if (!patch) return;
    await save(async () => {
      const saved = await updateEscalation(record.id, patch);
      message.success(t('escalations.saved', { name }));
      onSaved(saved);
    });
  };

  const facts = (
    <Descriptions
      size="small"
      column={1}
      bordered
      style={{ marginBottom: 16 }}
      items={[
        { key: 'round', label: t('escalations.columns.round'), children: quarter(record.roundId) },
        {
          key: 'head',
          label: t('escalations.columns.head'),
          children: record.headName ? `${record.headName}${record.headTitle ? `（${record.headTitle}）` : ''}` : '—',
        },
        {
          key: 'streaks',
          label: t('escalations.columns.streaks'),
          children: (
            <>
              <Streaks headStreak={record.headStreak} departmentStreak={record.departmentStreak} /> ·{' '}
              {t('escalations.policyVersion', { version: record.policyVersion })}
            </>
          ),
        },
        { key: 'measures', label: t('escalations.columns.measures'), children: <MeasureTags measures={record.measures} /> },
      ]}
    />
  );

  const changed = (saved: EscalationRecord) => {
    setRecord(saved);
    // The record's status follows its measures: the form must not send back the stale one.
    if (canEdit)
      form.setFieldsValue({
        status: saved.status === 'withdrawn' || saved.status === 'on_hold' ? 'pending' : saved.status,
        scheduledFor: saved.scheduledFor,
        doneAt: saved.doneAt,
      });
    onChanged?.(saved);
  };
  const notices = (
    <>
      {record.supersededAt ? (
        <Alert
          type="warning"
          showIcon
          title={t('escalations.supersededNote')}
          description={revision.reason(record.supersededReason)}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {record.needsReview ? (
        <Alert
          type="warning"
          showIcon
          data-testid="review-note"
          style={{ marginBottom: 16 }}
          title={t('escalations.reviewTitle')}
          description={revision.reviewNote(record.reviewNote)}
          action={
            canEdit ? (
              <Button
                size="small"
                onClick={() => void save(async () => changed(await updateEscalation(record.id, { needsReview: false })))}
              >
                {t('escalations.reviewAck')}
              </Button>
            ) : undefined
          }
        />
      ) : null}
    </>
  );
  const measureTable = (
    <MeasureTable
      record={record}
      editable={canEdit}
      busy={saving}
      onMark={(measure, status) => void save(async () => changed(await updateMeasure(record.id, measure, { status })))}
    />
  );

  if (!canEdit) {
    return (
      <Modal open title={title} onCancel={onClose} footer={null} destroyOnHidden>
        {record.status === 'withdrawn' && !record.supersededAt ? (
          <Alert type="warning" showIcon title={t('escalations.withdrawnNote')} style={{ marginBottom: 16 }} />
        ) : null}
        {notices}
        {record.status === 'on_hold' ? (
          <Alert
            type="info"
            showIcon
            title={tI('appeal.status.pending')}
            description={tI('queue.onHoldHelp')}
            style={{ marginBottom: 16 }}
            data-testid="on-hold"
          />
        ) : null}
        {facts}
        {measureTable}
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'status', label: t('escalations.columns.status'), children: t(`escalations.status.${record.status}`) },
            { key: 'scheduledFor', label: t('escalations.columns.scheduledFor'), children: record.scheduledFor ?? '—' },
            { key: 'doneAt', label: t('escalations.columns.doneAt'), children: record.doneAt ?? '—' },
            { key: 'notes', label: t('escalations.columns.notes'), children: record.notes ?? '—' },
          ]}
        />
        <Typography.Title level={5}>{t('escalations.commitmentTitle')}</Typography.Title>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{record.commitment ?? '—'}</Typography.Paragraph>
      </Modal>
    );
  }

  const initial: Values = {
    status: record.status === 'withdrawn' || record.status === 'on_hold' ? 'pending' : record.status,
    scheduledFor: record.scheduledFor,
    doneAt: record.doneAt,
    notes: record.notes,
    commitment: record.commitment,
  };
  return (
    <Modal
      open
      title={title}
      okText={tc('actions.save')}
      cancelText={tc('actions.cancel')}
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      {notices}
      {facts}
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} /> : null}
      {measureTable}
      <Typography.Title level={5}>{t('escalations.wholeRecord')}</Typography.Title>
      <Form<Values> form={form} layout="vertical" initialValues={initial}>
        <Form.Item name="status" label={t('escalations.form.status')} required>
          <Select options={nextStatuses(record.status).map((s) => ({ value: s, label: t(`escalations.status.${s}`) }))} />
        </Form.Item>
        {/* A date field is checked again when the status changes, which clears the schema's "needs a date". */}
        <Form.Item
          name="scheduledFor"
          label={t('escalations.form.scheduledFor')}
          dependencies={['status']}
          rules={[zodRule(shape.scheduledFor, t('escalations.validation.date'))]}
        >
          <Input type="date" />
        </Form.Item>
        <Form.Item
          name="doneAt"
          label={t('escalations.form.doneAt')}
          dependencies={['status']}
          rules={[zodRule(shape.doneAt, t('escalations.validation.date'))]}
        >
          <Input type="date" />
        </Form.Item>
        <Form.Item name="notes" label={t('escalations.form.notes')} rules={[zodRule(shape.notes, t('escalations.validation.notes'))]}>
          <Input.TextArea rows={2} placeholder={t('escalations.form.notesPlaceholder')} />
        </Form.Item>
        <Form.Item
          name="commitment"
          label={t('escalations.form.commitment')}
          rules={[zodRule(shape.commitment, t('escalations.validation.commitment'))]}
        >
          <Input.TextArea rows={5} placeholder={t('escalations.form.commitmentPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Each measure on its own: where it stands, and (for admins) done or reopened in one click. */
function MeasureTable({
  record,
  editable,
  busy,
  onMark,
}: {
  record: EscalationRecord;
  editable: boolean;
  busy: boolean;
  onMark(measure: EscalationLevel, status: 'done' | 'pending'): void;
}) {
  const { t, i18n } = useTranslation('dashboard');
  return (
    <Table<MeasureState>
      rowKey="id"
      size="small"
      pagination={false}
      style={{ marginBottom: 16 }}
      dataSource={record.measureStates}
      data-testid="measure-table"
      columns={[
        { title: t('escalations.columns.measure'), dataIndex: 'measure', render: (m: EscalationLevel) => levelLabel(m, i18n.language) },
        {
          title: t('escalations.columns.status'),
          dataIndex: 'status',
          width: 110,
          render: (s: MeasureState['status']) => <Tag data-status={s}>{t(`escalations.status.${s}`)}</Tag>,
        },
        { title: t('escalations.columns.doneAt'), dataIndex: 'doneAt', width: 110, render: (d: string | null) => d ?? '—' },
        ...(editable
          ? [
              {
                title: t('escalations.columns.actions'),
                key: 'actions',
                width: 120,
                render: (_: unknown, m: MeasureState) => (
                  <Space>
                    {m.status === 'pending' || m.status === 'scheduled' ? (
                      <Button size="small" type="link" disabled={busy} onClick={() => onMark(m.measure, 'done')}>
                        {t('escalations.markDone')}
                      </Button>
                    ) : null}
                    {m.status === 'done' ? (
                      <Button size="small" type="link" disabled={busy} onClick={() => onMark(m.measure, 'pending')}>
                        {t('escalations.reopen')}
                      </Button>
                    ) : null}
                  </Space>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
