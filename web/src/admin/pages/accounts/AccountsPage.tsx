// 账号管理 (admins): every account with its role, department, state and last sign-in; create, change,
// deactivate or reactivate, and reset a password (the new one-time password shown once).
import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Popconfirm, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '#shared/schemas/users.ts';
import { ApiError } from '../../../api.ts';
import { useUser } from '../../auth.tsx';
import { useListStates } from '../../components/ListStates.tsx';
import { LoadError, StaleDataWarning } from '../../components/LoadError.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import {
  deactivateAccount,
  listAccounts,
  listDepartments,
  resetAccountPassword,
  updateAccount,
  type AccountWithPassword,
} from '../../endpoints.ts';
import { useErrorText } from '../../errors.ts';
import { departmentName } from '../../labels.ts';
import { useLoad } from '../../useLoad.ts';
import { useDates } from '../dashboard/format.tsx';
import { AccountFormModal } from './AccountFormModal.tsx';
import { OneTimePasswordModal } from './OneTimePasswordModal.tsx';
import { SearchFilter } from '../../components/Filters.tsx';

type Dialog =
  | { kind: 'create' }
  | { kind: 'edit'; account: Account }
  | { kind: 'issued'; issued: AccountWithPassword; reset: boolean }
  | null;

const matches = (a: Account, q: string) => {
  const s = q.trim().toLowerCase();
  return !s || a.username.toLowerCase().includes(s) || a.displayName.toLowerCase().includes(s);
};

export default function AccountsPage() {
  const { t, i18n } = useTranslation('accounts');
  const { t: tc } = useTranslation('common');
  const me = useUser();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const dates = useDates();
  const accounts = useLoad((signal) => listAccounts(signal), []);
  const departments = useLoad((signal) => listDepartments(signal), []);
  const listStates = useListStates();
  const [q, setQ] = useState('');
  const [dialog, setDialog] = useState<Dialog>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const deptById = useMemo(() => new Map((departments.data ?? []).map((d) => [d.id, d])), [departments.data]);
  const rows = useMemo(() => (accounts.data ?? []).filter((a) => matches(a, q)), [accounts.data, q]);

  const act = async (run: () => Promise<unknown>, done: string) => {
    setProblem(null);
    try {
      await run();
      message.success(done);
      accounts.reload();
    } catch (error) {
      setProblem(errorText(error, { own_account: t('ownAccount') }));
    }
  };
  const reset = async (a: Account) => {
    setProblem(null);
    try {
      setDialog({ kind: 'issued', issued: await resetAccountPassword(a.id), reset: true });
      accounts.reload();
    } catch (error) {
      setProblem(error instanceof ApiError && error.code === 'own_account' ? t('ownAccount') : errorText(error));
    }
  };

  const columns: TableColumnsType<Account> = [
    { title: t('columns.username'), dataIndex: 'username', render: (u: string) => <code>{u}</code> },
    { title: t('columns.displayName'), dataIndex: 'displayName' },
    { title: t('columns.role'), dataIndex: 'role', render: (r: Account['role']) => <Tag color="blue">{tc(`roles.${r}`)}</Tag> },
    {
      title: t('columns.department'),
      dataIndex: 'departmentId',
      render: (id: number | null) => {
        const d = id === null ? undefined : deptById.get(id);
        return d ? departmentName(d, i18n.language) : '—';
      },
    },
    {
      title: t('columns.status'),
      key: 'status',
      render: (_, a) => (
        <Space size={4} wrap>
          <Tag color={a.active ? 'green' : 'default'}>{a.active ? t('status.active') : t('status.inactive')}</Tag>
          {a.active && a.mustChangePassword ? <Tag color="orange">{t('status.mustChange')}</Tag> : null}
          {a.active && !a.mustChangePassword && a.decidesFrom && Date.parse(a.decidesFrom) > Date.now() ? (
            <Tag color="gold" data-testid="decides-from">
              {t('status.decidesFrom', { time: dates.dateTime(a.decidesFrom) })}
            </Tag>
          ) : null}
        </Space>
      ),
    },
    { title: t('columns.lastLogin'), dataIndex: 'lastLoginAt', render: (at: string | null) => (at ? dates.dateTime(at) : t('never')) },
    {
      title: t('columns.actions'),
      key: 'actions',
      width: 260,
      render: (_, a) => (
        <Space size={0} wrap>
          <Button type="link" onClick={() => setDialog({ kind: 'edit', account: a })}>
            {t('actions.edit')}
          </Button>
          {a.active ? (
            <Popconfirm
              title={t('actions.deactivateConfirm', { name: a.displayName })}
              onConfirm={() => act(() => deactivateAccount(a.id), t('deactivated', { name: a.displayName }))}
              disabled={a.id === me.id}
            >
              <Button type="link" danger disabled={a.id === me.id}>
                {t('actions.deactivate')}
              </Button>
            </Popconfirm>
          ) : (
            <Popconfirm
              title={t('actions.reactivateConfirm', { name: a.displayName })}
              onConfirm={() => act(() => updateAccount(a.id, { active: true }), t('reactivated', { name: a.displayName }))}
            >
              <Button type="link">{t('actions.reactivate')}</Button>
            </Popconfirm>
          )}
          <Popconfirm title={t('actions.resetConfirm', { name: a.displayName })} onConfirm={() => reset(a)} disabled={a.id === me.id}>
            <Button type="link" disabled={a.id === me.id}>
              {t('actions.resetPassword')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })} data-testid="account-create">
            {t('create')}
          </Button>
        }
      />
      {accounts.error && !accounts.data ? (
        <LoadError error={accounts.error} onRetry={accounts.reload} />
      ) : (
        <>
          <Flex gap={8} wrap style={{ marginBottom: 16 }}>
            <SearchFilter label={t('searchPlaceholder')} width={280} onSearch={setQ} />
          </Flex>
          {problem ? (
            <Alert
              type="error"
              showIcon
              closable={{ onClose: () => setProblem(null) }}
              title={problem}
              style={{ marginBottom: 16 }}
              data-testid="accounts-problem"
            />
          ) : null}
          <StaleDataWarning error={accounts.error} onRetry={accounts.reload} />
          <Table<Account>
            rowKey="id"
            size="middle"
            {...listStates(accounts.loading, accounts.data?.length ? t('noMatch') : t('empty'))}
            columns={columns}
            dataSource={rows}
            pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (total) => tc('total', { total }) }}
            scroll={{ x: 960 }}
          />
        </>
      )}
      {dialog?.kind === 'create' || dialog?.kind === 'edit' ? (
        <AccountFormModal
          account={dialog.kind === 'edit' ? dialog.account : undefined}
          departments={departments.data ?? []}
          onClose={() => setDialog(null)}
          onCreated={(issued) => {
            setDialog({ kind: 'issued', issued, reset: false });
            accounts.reload();
          }}
          onSaved={() => {
            setDialog(null);
            accounts.reload();
          }}
        />
      ) : null}
      {dialog?.kind === 'issued' ? (
        <OneTimePasswordModal issued={dialog.issued} reset={dialog.reset} onClose={() => setDialog(null)} />
      ) : null}
    </>
  );
}
