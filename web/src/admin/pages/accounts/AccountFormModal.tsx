// Create an account (username, name, role, a department for heads) or change one's name, role or department.
import { Alert, App, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/FormModal.tsx';
import { ROLES } from '#shared/schemas/common.ts';
import { accountCreateSchema, roleNeedsDepartment, type Account } from '#shared/schemas/users.ts';
import type { Department } from '#shared/schemas/departments.ts';
import { createAccount, updateAccount, type AccountWithPassword } from '../../endpoints.ts';
import { showIssues, zodRule } from '../../forms.ts';
import { departmentName } from '../../labels.ts';
import { useSave } from '../../useSave.ts';
import { createBody, endsSessions, patchBody, type AccountFormValues } from './model.ts';

const shape = accountCreateSchema.shape;

interface Props {
  account?: Account;
  departments: Department[];
  onClose(): void;
  onCreated(issued: AccountWithPassword): void;
  onSaved(account: Account): void;
}

export function AccountFormModal({ account, departments, onClose, onCreated, onSaved }: Props) {
  const { t, i18n } = useTranslation('accounts');
  const { t: tc } = useTranslation('common');
  const { message } = App.useApp();
  const [form] = Form.useForm<AccountFormValues>();
  const role = Form.useWatch('role', form);
  const departmentId = Form.useWatch('departmentId', form);
  const { saving, problem, save } = useSave();
  const editing = account !== undefined;
  const needsDepartment = role !== undefined && roleNeedsDepartment(role);

  const taken = () => form.setFields([{ name: 'username', errors: [t('validation.usernameTaken')] }]);
  const onCode = {
    // A unique violation answers 409 duplicate naming the field.
    duplicate: taken,
    conflict: taken,
    department_required: () => form.setFields([{ name: 'departmentId', errors: [t('validation.departmentRequired')] }]),
  };

  const submit = async () => {
    let values: AccountFormValues;
    try {
      values = await form.validateFields();
    } catch {
      return; // the fields say what is wrong
    }
    if (editing) {
      await save(async () => {
        const patch = patchBody(account, values);
        const saved = Object.keys(patch).length ? await updateAccount(account.id, patch) : account;
        message.success(t('saved', { name: saved.displayName }));
        onSaved(saved);
      }, onCode);
      return;
    }
    // The shared schema decides (the field rules only explain); what it refuses goes back on the fields.
    const parsed = accountCreateSchema.safeParse(createBody(values));
    if (!parsed.success) {
      showIssues(form, parsed.error, (field) =>
        field === 'departmentId' ? t('validation.departmentRequired') : tc('errors.validation_failed'),
      );
      return;
    }
    const body = parsed.data;
    await save(async () => {
      onCreated(await createAccount(body));
      message.success(t('created', { name: body.displayName }));
    }, onCode);
  };

  const departmentRule = {
    validator: async (_r: unknown, value: number | null | undefined) => {
      if (needsDepartment && value == null) throw new Error(t('validation.departmentRequired'));
    },
  };

  return (
    <FormModal
      title={editing ? t('form.editTitle', { name: account.displayName }) : t('form.createTitle')}
      saving={saving}
      onOk={submit}
      onCancel={onClose}
      width={560}
      problem={problem}
      problemTestId="account-problem"
    >
      <Form<AccountFormValues>
        form={form}
        layout="vertical"
        initialValues={
          account
            ? { username: account.username, displayName: account.displayName, role: account.role, departmentId: account.departmentId }
            : {}
        }
        onValuesChange={(changed: AccountFormValues) => {
          if ('role' in changed) void form.validateFields(['departmentId']).catch(() => undefined);
        }}
      >
        <Form.Item
          name="username"
          label={t('form.username')}
          extra={editing ? undefined : t('form.usernameHelp')}
          required
          rules={editing ? [] : [zodRule(shape.username, t('validation.username'))]}
        >
          <Input disabled={editing} maxLength={50} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('form.displayName')}
          required
          rules={[zodRule(shape.displayName, t('validation.displayName'))]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="role" label={t('form.role')} required rules={[{ required: true, message: t('validation.role') }]}>
          <Select options={ROLES.map((r) => ({ value: r, label: tc(`roles.${r}`) }))} />
        </Form.Item>
        {needsDepartment ? (
          <Form.Item name="departmentId" label={t('form.department')} extra={t('form.departmentHelp')} required rules={[departmentRule]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={departments.map((d) => ({ value: d.id, label: departmentName(d, i18n.language) }))}
            />
          </Form.Item>
        ) : null}
        {editing && role !== undefined && endsSessions(patchBody(account, { displayName: account.displayName, role, departmentId })) ? (
          <Alert type="info" showIcon title={t('form.sessionsNote')} />
        ) : null}
      </Form>
    </FormModal>
  );
}
