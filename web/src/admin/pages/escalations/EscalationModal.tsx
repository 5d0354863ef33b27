// Follow up one escalation record (admins): status pending → scheduled → done, the date, notes and the
// head's written commitment. Others (and withdrawn records) see the same record read-only.
import { Alert, App, Descriptions, Form, Input, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { nextStatuses } from '../../../../../shared/charts/escalations.ts';
import { escalationFormSchema, escalationPatchSchema, type EscalationRecord } from '../../../../../shared/schemas/results.ts';
import { updateEscalation } from '../../endpoints.ts';
import { blankToNull, parseForm, zodRule } from '../../forms.ts';
import { departmentName } from '../../labels.ts';
import { useSave } from '../../useSave.ts';
import { levelLabel, useQuarter } from '../dashboard/format.tsx';

type Values = { status: 'pending' | 'scheduled' | 'done'; scheduledFor: string | null; doneAt: string | null; notes: string | null; commitment: string | null };
const shape = escalationPatchSchema.shape;

interface Props { record: EscalationRecord; editable: boolean; onClose(): void; onSaved(r: EscalationRecord): void }

export function EscalationModal({ record, editable, onClose, onSaved }: Props) {
  const { t, i18n } = useTranslation('dashboard');
  const { t: tc } = useTranslation('common');
  const { t: tI } = useTranslation('integrity');
  const { message } = App.useApp();
  const quarter = useQuarter();
  const [form] = Form.useForm<Values>();
  const { saving, problem, save } = useSave();
  const canEdit = editable && record.status !== 'withdrawn' && record.status !== 'on_hold' && !record.supersededAt;
  const name = departmentName({ nameZh: record.departmentName, nameEn: record.departmentNameEn }, i18n.language);
  const title = t('escalations.editTitle', { name, level: levelLabel(record.level, i18n.language) });

  // The field rules catch malformed input as it is typed; the schema's cross-field rules (a status
  // that names a date needs that date) come back on the date field they concern.
  const fieldMessage = (field: string) => (field === 'scheduledFor' || field === 'doneAt' || field === 'notes' || field === 'commitment'
    ? t(`escalations.validation.${field}`) : tc('errors.validation_failed'));

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
    <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }} items={[
      { key: 'round', label: t('escalations.columns.round'), children: quarter(record.roundId) },
      { key: 'head', label: t('escalations.columns.head'), children: record.headName ? `${record.headName}${record.headTitle ? `（${record.headTitle}）` : ''}` : '—' },
      { key: 'streak', label: t('escalations.columns.streak'), children: `${t('escalations.streakValue', { count: record.streak })} · ${t('escalations.policyVersion', { version: record.policyVersion })}` },
    ]} />
  );

  if (!canEdit) {
    return (
      <Modal open title={title} onCancel={onClose} footer={null} destroyOnHidden>
        {record.status === 'withdrawn' ? <Alert type="warning" showIcon title={t('escalations.withdrawnNote')} style={{ marginBottom: 16 }} /> : null}
        {record.status === 'on_hold' ? <Alert type="info" showIcon title={tI('appeal.status.pending')} description={tI('queue.onHoldHelp')} style={{ marginBottom: 16 }} data-testid="on-hold" /> : null}
        {facts}
        <Descriptions size="small" column={1} items={[
          { key: 'status', label: t('escalations.columns.status'), children: t(`escalations.status.${record.status}`) },
          { key: 'scheduledFor', label: t('escalations.columns.scheduledFor'), children: record.scheduledFor ?? '—' },
          { key: 'doneAt', label: t('escalations.columns.doneAt'), children: record.doneAt ?? '—' },
          { key: 'notes', label: t('escalations.columns.notes'), children: record.notes ?? '—' },
        ]} />
        <Typography.Title level={5}>{t('escalations.commitmentTitle')}</Typography.Title>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{record.commitment ?? '—'}</Typography.Paragraph>
      </Modal>
    );
  }

  const initial: Values = {
    status: record.status === 'withdrawn' || record.status === 'on_hold' ? 'pending' : record.status,
    scheduledFor: record.scheduledFor, doneAt: record.doneAt, notes: record.notes, commitment: record.commitment,
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
      {facts}
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} /> : null}
      <Form<Values> form={form} layout="vertical" initialValues={initial}>
        <Form.Item name="status" label={t('escalations.form.status')} required>
          <Select options={nextStatuses(record.status).map((s) => ({ value: s, label: t(`escalations.status.${s}`) }))} />
        </Form.Item>
        {/* A date field is checked again when the status changes, which clears the schema's "needs a date". */}
        <Form.Item name="scheduledFor" label={t('escalations.form.scheduledFor')} dependencies={['status']} rules={[zodRule(shape.scheduledFor, t('escalations.validation.date'))]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="doneAt" label={t('escalations.form.doneAt')} dependencies={['status']} rules={[zodRule(shape.doneAt, t('escalations.validation.date'))]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="notes" label={t('escalations.form.notes')} rules={[zodRule(shape.notes, t('escalations.validation.notes'))]}>
          <Input.TextArea rows={2} placeholder={t('escalations.form.notesPlaceholder')} />
        </Form.Item>
        <Form.Item name="commitment" label={t('escalations.form.commitment')} rules={[zodRule(shape.commitment, t('escalations.validation.commitment'))]}>
          <Input.TextArea rows={5} placeholder={t('escalations.form.commitmentPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
