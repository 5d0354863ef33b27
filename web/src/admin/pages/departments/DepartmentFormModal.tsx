// Create a department (with an optional first head) or edit its names, category and status.
import { App, Divider, Form, Input, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/FormModal.tsx';
import type { z } from 'zod';
import { departmentInputSchema, departmentPatchSchema, headInputSchema, type Department } from '#shared/schemas/departments.ts';
import { createDepartment, updateDepartment } from '../../endpoints.ts';
import { blankToNull, parseForm, zodRule } from '../../forms.ts';
import { categoryOptions } from '../../labels.ts';
import { useSave } from '../../useSave.ts';

type Values = z.input<typeof departmentInputSchema>;
type HeadKey = keyof z.input<typeof headInputSchema>;
const HEAD_KEYS: HeadKey[] = ['name', 'title', 'since'];
const shape = departmentInputSchema.shape;

function headGiven(head: Values['head']): boolean {
  return HEAD_KEYS.some((k) => String(head?.[k] ?? '').trim() !== '');
}

interface Props {
  department?: Department;
  onClose(): void;
  onSaved(d: Department): void;
}

export function DepartmentFormModal({ department, onClose, onSaved }: Props) {
  const { t, i18n } = useTranslation('departments');
  const { t: tc } = useTranslation('common');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { saving, problem, save } = useSave();
  const editing = department !== undefined;

  // Head fields: all three or none.
  const headRule =
    (key: HeadKey, text: string) =>
    ({ getFieldValue }: { getFieldValue(name: unknown): unknown }) => ({
      validator: async (_: unknown, value: unknown) => {
        if (!headGiven(getFieldValue('head') as Values['head'])) return;
        if (!headInputSchema.shape[key].safeParse(value ?? '').success) throw new Error(text);
      },
    });

  const submit = async () => {
    const data = await parseForm(
      form,
      editing ? departmentPatchSchema : departmentInputSchema,
      () => tc('errors.validation_failed'),
      ({ head, ...rest }) =>
        editing
          ? blankToNull({ nameZh: rest.nameZh, nameEn: rest.nameEn, category: rest.category, active: rest.active })
          : { ...blankToNull(rest), head: headGiven(head) ? head : null },
    );
    if (!data) return;
    await save(
      async () => {
        const saved = editing
          ? await updateDepartment(department.id, data)
          : await createDepartment(data as z.infer<typeof departmentInputSchema>);
        message.success(t(editing ? 'saved' : 'created', { name: saved.nameZh }));
        onSaved(saved);
      },
      { conflict: () => form.setFields([{ name: 'code', errors: [t('codeTaken')] }]) },
    );
  };

  const dependsOnHead = HEAD_KEYS.map((k) => ['head', k]);
  return (
    <FormModal
      title={editing ? t('editTitle', { name: department.nameZh }) : t('createTitle')}
      saving={saving}
      onOk={submit}
      onCancel={onClose}
      width={560}
      problem={problem}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={
          department
            ? {
                code: department.code,
                nameZh: department.nameZh,
                nameEn: department.nameEn,
                category: department.category,
                active: department.active,
              }
            : { active: true }
        }
      >
        <Form.Item
          name="code"
          label={t('form.code')}
          extra={editing ? undefined : t('form.codeHelp')}
          required
          rules={editing ? [] : [zodRule(shape.code, t('validation.code'))]}
        >
          <Input disabled={editing} autoComplete="off" maxLength={32} />
        </Form.Item>
        <Form.Item name="nameZh" label={t('form.nameZh')} required rules={[zodRule(shape.nameZh, t('validation.nameZh'))]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="nameEn" label={t('form.nameEn')} rules={[zodRule(shape.nameEn, t('validation.nameEn'))]}>
          <Input maxLength={200} placeholder={tc('optional')} />
        </Form.Item>
        <Form.Item name="category" label={t('form.category')} required rules={[zodRule(shape.category, t('validation.category'))]}>
          <Select options={categoryOptions(i18n.language)} />
        </Form.Item>
        <Form.Item name="active" label={t('form.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
        {editing ? null : (
          <>
            <Divider titlePlacement="start" plain>
              {t('form.headSection')}
            </Divider>
            <Form.Item
              name={['head', 'name']}
              label={t('form.headName')}
              dependencies={dependsOnHead}
              rules={[headRule('name', t('validation.headName'))]}
            >
              <Input maxLength={50} />
            </Form.Item>
            <Form.Item
              name={['head', 'title']}
              label={t('form.headTitle')}
              dependencies={dependsOnHead}
              rules={[headRule('title', t('validation.headTitle'))]}
            >
              <Input maxLength={50} placeholder={t('form.headTitlePlaceholder')} />
            </Form.Item>
            <Form.Item
              name={['head', 'since']}
              label={t('form.headSince')}
              dependencies={dependsOnHead}
              rules={[headRule('since', t('validation.headSince'))]}
            >
              <Input type="date" />
            </Form.Item>
          </>
        )}
      </Form>
    </FormModal>
  );
}
