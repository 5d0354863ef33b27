// Add an enterprise to the registry or edit one (the credit code cannot change).
import { App, AutoComplete, Form, Input, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/FormModal.tsx';
import type { z } from 'zod';
import { enterpriseInputSchema, enterprisePatchSchema, type Enterprise } from '#shared/schemas/enterprises.ts';
import { validateUscc } from '#shared/uscc.ts';
import { createEnterprise, updateEnterprise, type EnterpriseFacets } from '../../endpoints.ts';
import { blankToNull, parseForm, zodRule } from '../../forms.ts';
import { sizeOptions } from '../../labels.ts';
import { useSave } from '../../useSave.ts';

type Values = z.input<typeof enterpriseInputSchema>;
const shape = enterpriseInputSchema.shape;

interface Props {
  enterprise?: Enterprise;
  facets?: EnterpriseFacets;
  onClose(): void;
  onSaved(e: Enterprise): void;
}

export function EnterpriseFormModal({ enterprise, facets, onClose, onSaved }: Props) {
  const { t, i18n } = useTranslation('enterprises');
  const { t: tc } = useTranslation('common');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { saving, problem, save } = useSave();
  const editing = enterprise !== undefined;

  const usccMessage = (value: unknown) => {
    const r = validateUscc(String(value ?? ''));
    if (r.ok) return '';
    return r.reason === 'length'
      ? t('validation.usccLength')
      : r.reason === 'charset'
        ? t('validation.usccCharset')
        : t('validation.usccCheck');
  };

  const submit = async () => {
    const data = await parseForm(
      form,
      editing ? enterprisePatchSchema : enterpriseInputSchema,
      () => tc('errors.validation_failed'),
      (values) => (editing ? { ...blankToNull(values), uscc: undefined } : blankToNull(values)),
    );
    if (!data) return;
    await save(
      async () => {
        const saved = editing
          ? await updateEnterprise(enterprise.uscc, data)
          : await createEnterprise(data as z.infer<typeof enterpriseInputSchema>);
        message.success(t(editing ? 'saved' : 'created', { name: saved.name }));
        onSaved(saved);
      },
      { conflict: () => form.setFields([{ name: 'uscc', errors: [t('usccTaken')] }]) },
    );
  };

  const suggestions = (xs: string[] | undefined) => (xs ?? []).map((x) => ({ value: x }));
  const filter = (input: string, option?: { value: string }) => (option?.value ?? '').includes(input.trim());

  return (
    <FormModal
      title={editing ? t('editTitle', { name: enterprise.name }) : t('createTitle')}
      saving={saving}
      onOk={submit}
      onCancel={onClose}
      width={600}
      problem={problem}
    >
      <Form<Values> form={form} layout="vertical" initialValues={enterprise ?? { active: true }}>
        <Form.Item
          name="uscc"
          label={t('form.uscc')}
          extra={editing ? undefined : t('form.usccHelp')}
          required
          rules={editing ? [] : [zodRule(shape.uscc, usccMessage)]}
        >
          <Input disabled={editing} maxLength={18} autoComplete="off" style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Form.Item name="name" label={t('form.name')} required rules={[zodRule(shape.name, t('validation.name'))]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="industry" label={t('form.industry')} required rules={[zodRule(shape.industry, t('validation.industry'))]}>
          <AutoComplete options={suggestions(facets?.industries)} showSearch={{ filterOption: filter }} />
        </Form.Item>
        <Form.Item name="sizeClass" label={t('form.sizeClass')} required rules={[zodRule(shape.sizeClass, t('validation.sizeClass'))]}>
          <Select options={sizeOptions(i18n.language)} />
        </Form.Item>
        <Form.Item name="township" label={t('form.township')} required rules={[zodRule(shape.township, t('validation.township'))]}>
          <AutoComplete options={suggestions(facets?.townships)} showSearch={{ filterOption: filter }} />
        </Form.Item>
        <Form.Item name="contactName" label={t('form.contactName')} rules={[zodRule(shape.contactName, t('validation.contactName'))]}>
          <Input maxLength={50} placeholder={tc('optional')} />
        </Form.Item>
        <Form.Item name="contactPhone" label={t('form.contactPhone')} rules={[zodRule(shape.contactPhone, t('validation.contactPhone'))]}>
          <Input maxLength={30} placeholder={tc('optional')} />
        </Form.Item>
        <Form.Item name="contactEmail" label={t('form.contactEmail')} rules={[zodRule(shape.contactEmail, t('validation.contactEmail'))]}>
          <Input maxLength={254} placeholder={tc('optional')} />
        </Form.Item>
        <Form.Item name="active" label={t('form.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
