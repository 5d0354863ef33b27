// The signed-in layout: role-aware menu on the side; user, role, language and sign-out in the header.
import {
  AuditOutlined, BankOutlined, CalendarOutlined, LinkOutlined, LogoutOutlined, ShopOutlined, UploadOutlined, UserOutlined,
} from '@ant-design/icons';
import { DashboardOutlined, SolutionOutlined } from '@ant-design/icons';
import { AlertOutlined, FundOutlined, PrinterOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { App, Button, Flex, Layout, Menu, Tag, Typography, theme } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { pageForPath, pagesFor, type PageKey } from './access.ts';
import { useAuth, useUser } from './auth.tsx';
import { ErrorBoundary } from './components/ErrorBoundary.tsx';
import { LanguageSwitch } from './components/LanguageSwitch.tsx';
import { useErrorText } from './errors.ts';

const ICONS: Record<PageKey, ReactNode> = {
  departments: <BankOutlined />,
  enterprises: <ShopOutlined />,
  import: <UploadOutlined />,
  audit: <AuditOutlined />,
  rounds: <CalendarOutlined />,
  invitations: <LinkOutlined />,
  myDepartment: <DashboardOutlined />,
  rectification: <SolutionOutlined />,
  dashboard: <FundOutlined />,
  escalations: <AlertOutlined />,
  report: <PrinterOutlined />,
  appeals: <SafetyCertificateOutlined />,
};

export function Shell() {
  const { t } = useTranslation('shell');
  const { t: tc } = useTranslation('common');
  const user = useUser();
  const { logout } = useAuth();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const location = useLocation();
  const { token } = theme.useToken();
  const selected = pageForPath(location.pathname);

  const items = pagesFor(user.role).filter((p) => p.menu !== false).map((p) => ({
    key: p.key,
    icon: ICONS[p.key],
    label: <Link to={p.path}>{t(`nav.${p.key}`)}</Link>,
  }));

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={0} theme="light" width={200} style={{ borderRight: `1px solid ${token.colorBorderSecondary}` }}>
        <Flex vertical style={{ padding: '16px 20px' }}>
          <Typography.Text strong style={{ fontSize: 18 }}>{tc('appName')}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{tc('appSubtitle')}</Typography.Text>
        </Flex>
        <nav aria-label={t('header.menu')} data-testid="nav">
          <Menu mode="inline" selectedKeys={selected ? [selected] : []} items={items} style={{ borderInlineEnd: 'none' }} />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: token.colorBgContainer, padding: '0 16px', borderBottom: `1px solid ${token.colorBorderSecondary}` }}>
          <Flex justify="flex-end" align="center" gap={8} style={{ height: '100%' }} wrap>
            <UserOutlined />
            <Typography.Text data-testid="user-name">{user.displayName}</Typography.Text>
            <Tag color="blue" data-testid="user-role">{tc(`roles.${user.role}`)}</Tag>
            <LanguageSwitch />
            <Button
              type="text"
              icon={<LogoutOutlined />}
              onClick={() => { logout().catch((error: unknown) => message.error(errorText(error))); }}
            >
              {t('header.logout')}
            </Button>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <ErrorBoundary resetKey={location.pathname}>
            <Outlet />
          </ErrorBoundary>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
