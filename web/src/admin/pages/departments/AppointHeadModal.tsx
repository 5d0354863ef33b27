// Appoint a new head: the current head's tenure ends the day the new one starts (history is kept).
import { App, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/FormModal.tsx';
import type { z } from 'zod';
import { headInputSchema, type Department } from '#shared/schemas/departments.ts';
import { appointHead } from '../../endpoints.ts';
import { zodRule, parseForm } from '../../forms.ts';
import { useSave } from '../../useSave.ts';

type Values = z.input<typeof headInputSchema>;
const shape = headInputSchema.shape;

interface Props {
  department: Department;
  onClose(): void;
  onSaved(d: Department): void;
}

export function AppointHeadModal({ department, onClose, onSaved }: Props) {
  const { t } = useTranslation('departments');
  const { t: tc } = useTranslation('common');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { saving, problem, save } = useSave();
  // A new appointment follows the last one recorded, even one that starts ahead of today.
  const current = department.nextHead ?? department.head;

  const submit = async () => {
    const input = await parseForm(form, headInputSchema, () => tc('errors.validation_failed'));
    if (!input) return;
    await save(
      async () => {
        const saved = await appointHead(department.id, input);
        message.success(t('appointed', { head: input.name, name: saved.nameZh }));
        onSaved(saved);
      },
      { invalid: () => form.setFields([{ name: 'since', errors: [t('sinceTooEarly')] }]) },
    );
  };

  return (
    <FormModal title={t('appointTitle', { name: department.nameZh })} saving={saving} onOk={submit} onCancel={onClose} problem={problem}>
      <Typography.Paragraph type="secondary">
        {current ? t('appointHint', { name: current.name }) : t('appointHintNone')}
        {current ? ` (${t('columns.since')}: ${current.since})` : null}
      </Typography.Paragraph>
      <Form<Values> form={form} layout="vertical">
        <Form.Item name="name" label={t('form.headName')} required rules={[zodRule(shape.name, t('validation.headName'))]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="title" label={t('form.headTitle')} required rules={[zodRule(shape.title, t('validation.headTitle'))]}>
          <Input maxLength={50} placeholder={t('form.headTitlePlaceholder')} />
        </Form.Item>
        <Form.Item name="since" label={t('form.headSince')} required rules={[zodRule(shape.since, t('validation.headSince'))]}>
          <Input type="date" min={current?.since} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
