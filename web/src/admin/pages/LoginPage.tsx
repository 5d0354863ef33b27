import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import type { LoginBody } from '#shared/schemas/auth.ts';
import { ApiError } from '../../api.ts';
import { useAuth, type LoginRedirectState } from '../auth.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';

type LoginProblem = 'wrongPassword' | 'rateLimited' | 'networkError' | 'failed';

function problemOf(error: unknown): LoginProblem {
  if (!(error instanceof ApiError)) return 'failed';
  if (error.status === 401) return 'wrongPassword';
  if (error.status === 429) return 'rateLimited';
  if (error.status === 0) return 'networkError';
  return 'failed';
}

/** Only same-site paths are followed after signing in. */
function safeTarget(from: string | undefined): string {
  return from && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : '/';
}

export function LoginPage() {
  const { t } = useTranslation('shell');
  const { t: tc } = useTranslation('common');
  const { session, login } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const from = safeTarget((location.state as LoginRedirectState | null)?.from);
  const [problem, setProblem] = useState<LoginProblem | null>(null);
  const [submitting, setSubmitting] = useState(false);

  if (session.status === 'signed-in') return <Navigate to={from} replace />;
  const expired = session.status === 'signed-out' && session.expired;

  const onFinish = async (values: LoginBody) => {
    setSubmitting(true);
    setProblem(null);
    try {
      await login(values);
      navigate(from, { replace: true });
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Flex vertical align="center" style={{ minHeight: '100vh', padding: 16, background: '#f5f7fa' }}>
      <Flex justify="flex-end" style={{ width: '100%' }}>
        <LanguageSwitch />
      </Flex>
      <Card style={{ width: '100%', maxWidth: 400, marginTop: '10vh' }}>
        <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
          {t('login.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('login.subtitle')}</Typography.Paragraph>
        {problem ? (
          <Alert type="error" showIcon title={t(`login.${problem}`)} style={{ marginBottom: 16 }} data-testid="login-error" />
        ) : expired ? (
          <Alert type="info" showIcon title={t('login.sessionExpired')} style={{ marginBottom: 16 }} />
        ) : null}
        <Form<LoginBody> layout="vertical" onFinish={onFinish} requiredMark={false} disabled={submitting}>
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={submitting}>
            {t('login.submit')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
          {t('login.enterpriseHint')}
        </Typography.Paragraph>
      </Card>
      <Typography.Text type="secondary" style={{ marginTop: 24 }}>
        {tc('appName')} · {tc('appSubtitle')}
      </Typography.Text>
    </Flex>
  );
}
