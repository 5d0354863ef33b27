// 修改密码: everyone's own password change, and the one screen a person signed in with a one-time
// password can use until they set their own. The policy (shared/password-policy.ts) is shown rule by
// rule as they type, with the strength estimate's reason for a weak one (its dictionaries load after the
// page shows); the server decides.
import { CheckCircleFilled, CloseCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import {
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  type PasswordContext,
  type PasswordProblem,
  type PasswordVerdict,
  type StrengthSuggestion,
  type StrengthWarning,
} from '#shared/password-policy.ts';
import { ApiError } from '../../api.ts';
import { useAuth, useUser, type LoginRedirectState } from '../auth.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { changePassword } from '../endpoints.ts';
import { useErrorText } from '../errors.ts';
import { passwordRules } from './accounts/model.ts';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}
type Check = (password: string, ctx: PasswordContext) => PasswordVerdict;
type Feedback = Pick<PasswordVerdict, 'warning' | 'suggestions'>;

/** Only same-site paths, never back to this page or the login. */
function safeTarget(from: string | undefined): string {
  return from && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') && !from.startsWith('/password') ? from : '/';
}

export default function PasswordPage() {
  const { t } = useTranslation('password');
  const { t: tc } = useTranslation('common');
  const user = useUser();
  const { updateUser, logout } = useAuth();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const location = useLocation();
  const from = safeTarget((location.state as LoginRedirectState | null)?.from);
  const forced = user.mustChangePassword;
  const [form] = Form.useForm<Values>();
  const typed = useDeferredValue(Form.useWatch('newPassword', form) ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [check, setCheck] = useState<Check | null>(null);
  useEffect(() => {
    let live = true;
    // If the estimate cannot load, the page still lists the other rules and the server still decides.
    import('#shared/password-strength.ts')
      .then((m) => m.passwordPolicy())
      .then(
        ({ check: loaded }) => {
          if (live) setCheck(() => loaded);
        },
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, []);
  const verdict = useMemo(
    () =>
      check && typed ? check(typed, { username: user.username, displayName: user.displayName, year: new Date().getFullYear() }) : null,
    [check, typed, user.username, user.displayName],
  );
  const ruleText = (rule: PasswordProblem) => t(`rules.${rule}`, { min: MIN_PASSWORD_LENGTH, max: MAX_PASSWORD_LENGTH });
  const feedbackText = ({ warning, suggestions }: Feedback) => [
    ...(warning ? [t(`warnings.${warning}`)] : []),
    ...suggestions.map((s) => t(`suggestions.${s}`)),
  ];

  const submit = async (values: Values) => {
    setSaving(true);
    setProblem(null);
    try {
      const updated = await changePassword({ currentPassword: values.currentPassword, newPassword: values.newPassword });
      message.success(t('saved'));
      updateUser(updated);
      navigate(from, { replace: true });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'wrong_password')
        form.setFields([{ name: 'currentPassword', errors: [t('wrongPassword')] }]);
      else if (error instanceof ApiError && error.code === 'password_unchanged')
        form.setFields([{ name: 'newPassword', errors: [t('unchanged')] }]);
      else if (error instanceof ApiError && error.code === 'weak_password') {
        const details = (error.details ?? {}) as {
          problems?: PasswordProblem[];
          warning?: StrengthWarning | null;
          suggestions?: StrengthSuggestion[];
        };
        const problems = (details.problems ?? []).map(ruleText);
        // The server's reason, unless the page already shows the same under the rules.
        const shown = verdict?.problems.includes('weak') ? feedbackText(verdict) : [];
        const why = feedbackText({ warning: details.warning ?? null, suggestions: details.suggestions ?? [] }).filter(
          (line) => !shown.includes(line),
        );
        form.setFields([{ name: 'newPassword', errors: [t('weak', { problems: problems.join(t('separator')) }), ...why] }]);
      } else setProblem(errorText(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Flex vertical align="center" style={{ minHeight: '100vh', padding: 16, background: '#f5f7fa' }}>
      <Flex justify="flex-end" style={{ width: '100%' }}>
        <LanguageSwitch />
      </Flex>
      <Card style={{ width: '100%', maxWidth: 440, marginTop: '6vh' }} data-testid="password-page">
        <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
          {forced ? t('forcedTitle') : t('title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          {user.displayName}（<span translate="no">{user.username}</span>）
        </Typography.Paragraph>
        {forced ? (
          <Alert type="warning" showIcon title={t('forcedDescription')} style={{ marginBottom: 16 }} data-testid="password-forced" />
        ) : (
          <Typography.Paragraph type="secondary">{t('subtitle')}</Typography.Paragraph>
        )}
        {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} /> : null}
        <Form<Values> form={form} layout="vertical" requiredMark={false} onFinish={submit} disabled={saving}>
          {/* The username lets password managers file the new password under the right account. */}
          <input type="text" name="username" autoComplete="username" value={user.username} readOnly hidden />
          <Form.Item
            name="currentPassword"
            label={forced ? t('currentForced') : t('current')}
            rules={[{ required: true, message: t('currentRequired') }]}
          >
            <Input.Password autoComplete="current-password" autoFocus />
          </Form.Item>
          <Form.Item name="newPassword" label={t('next')} rules={[{ required: true, message: t('nextRequired') }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <div style={{ marginTop: -8, marginBottom: 16 }} data-testid="password-rules">
            <Typography.Text type="secondary">{t('rulesTitle')}</Typography.Text>
            {passwordRules(typed, user.username, verdict).map(({ rule, met }) => (
              <div key={rule} data-rule={rule} data-met={met}>
                {met ? <CheckCircleFilled style={{ color: '#389e0d' }} /> : <CloseCircleOutlined style={{ color: '#8c8c8c' }} />}{' '}
                <Typography.Text type={met ? 'success' : 'secondary'}>{ruleText(rule)}</Typography.Text>
              </div>
            ))}
            {typed && !check ? <Typography.Text type="secondary">{t('checking')}</Typography.Text> : null}
            {verdict?.problems.includes('weak') ? (
              <div data-testid="password-feedback" style={{ marginTop: 4 }}>
                {feedbackText(verdict).map((line, i) => (
                  <div key={line}>
                    <Typography.Text type="warning">
                      {i === 0 ? t('why') : ''}
                      {line}
                    </Typography.Text>
                  </div>
                ))}
              </div>
            ) : null}
          </div>
          <Form.Item
            name="confirm"
            label={t('confirm')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('nextRequired') },
              ({ getFieldValue }) => ({
                validator: async (_r, value: string) => {
                  if (value && value !== getFieldValue('newPassword')) throw new Error(t('confirmMismatch'));
                },
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={saving}>
            {t('submit')}
          </Button>
        </Form>
        <Flex justify="space-between" style={{ marginTop: 12 }}>
          {forced ? (
            <span />
          ) : (
            <Button type="link" style={{ padding: 0 }} onClick={() => navigate(from)}>
              {t('back')}
            </Button>
          )}
          <Button
            type="link"
            style={{ padding: 0 }}
            onClick={() => {
              logout().catch((error: unknown) => message.error(errorText(error)));
            }}
          >
            {t('logout')}
          </Button>
        </Flex>
      </Card>
      <Typography.Text type="secondary" style={{ marginTop: 24 }}>
        {tc('appName')} · {tc('appSubtitle')}
      </Typography.Text>
    </Flex>
  );
}
