// The signed-in layout: role-aware menu on the side; user, role, language and sign-out in the header.
import {
  AuditOutlined,
  BankOutlined,
  CalendarOutlined,
  LinkOutlined,
  LogoutOutlined,
  ShopOutlined,
  UploadOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { DashboardOutlined, SolutionOutlined } from '@ant-design/icons';
import { KeyOutlined, MailOutlined, MessageOutlined, TeamOutlined } from '@ant-design/icons';
import {
  AlertOutlined,
  BookOutlined,
  CheckSquareOutlined,
  FundOutlined,
  MenuOutlined,
  OrderedListOutlined,
  PrinterOutlined,
  SafetyCertificateOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import { App, Button, Drawer, Flex, Grid, Layout, Menu, Spin, Tag, Typography, theme } from 'antd';
import { Suspense, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { PASSWORD_PATH } from './Guards.tsx';
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
  outbox: <MailOutlined />,
  myDepartment: <DashboardOutlined />,
  rectification: <SolutionOutlined />,
  dashboard: <FundOutlined />,
  escalations: <AlertOutlined />,
  report: <PrinterOutlined />,
  appeals: <SafetyCertificateOutlined />,
  points: <TrophyOutlined />,
  pointsLedger: <BookOutlined />,
  pointsReview: <CheckSquareOutlined />,
  pointsShortlist: <OrderedListOutlined />,
  cadre: <UserOutlined />,
  accounts: <TeamOutlined />,
  requests: <MessageOutlined />,
  pointsImport: <UploadOutlined />,
};

export function Shell() {
  const { t } = useTranslation('shell');
  const { t: tc } = useTranslation('common');
  const { t: tp } = useTranslation('password');
  const user = useUser();
  const { logout } = useAuth();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const location = useLocation();
  const navigate = useNavigate();
  const { token } = theme.useToken();
  const selected = pageForPath(location.pathname);

  const items = pagesFor(user.role)
    .filter((p) => p.menu !== false)
    .map((p) => ({
      key: p.key,
      icon: ICONS[p.key],
      label: <Link to={p.path}>{t(`nav.${p.key}`)}</Link>,
    }));

  // On a phone (heads open links in WeChat) the menu is a drawer behind a button in the header, so
  // nothing floats over the page title; from lg up it is the usual side menu.
  const wide = Grid.useBreakpoint().lg ?? true;
  const [drawer, setDrawer] = useState(false);
  useEffect(() => setDrawer(false), [location.pathname]);
  const brand = (
    <Flex vertical style={{ padding: '16px 20px' }}>
      <Typography.Text strong style={{ fontSize: 18 }}>
        {tc('appName')}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {tc('appSubtitle')}
      </Typography.Text>
    </Flex>
  );
  const nav = (
    <nav aria-label={t('header.menu')} data-testid="nav">
      <Menu mode="inline" selectedKeys={selected ? [selected] : []} items={items} style={{ borderInlineEnd: 'none' }} />
    </nav>
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {wide ? (
        <Layout.Sider theme="light" width={200} style={{ borderRight: `1px solid ${token.colorBorderSecondary}` }} className="no-print">
          {brand}
          {nav}
        </Layout.Sider>
      ) : (
        <Drawer
          open={drawer}
          onClose={() => setDrawer(false)}
          placement="left"
          size={240}
          styles={{ body: { padding: 0 } }}
          title={tc('appName')}
        >
          {nav}
        </Drawer>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Layout.Header
          className="shell-header no-print"
          style={{
            background: token.colorBgContainer,
            padding: wide ? '0 16px' : '0 8px',
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            height: 'auto',
            minHeight: 56,
            lineHeight: 'normal',
          }}
        >
          <Flex justify="space-between" align="center" gap={4} style={{ minHeight: 56 }}>
            {wide ? (
              <span />
            ) : (
              <Flex align="center" gap={4} style={{ minWidth: 0 }}>
                <Button
                  type="text"
                  icon={<MenuOutlined />}
                  onClick={() => setDrawer(true)}
                  aria-label={t('header.menu')}
                  data-testid="menu-button"
                />
                <Typography.Text strong ellipsis>
                  {tc('appName')}
                </Typography.Text>
              </Flex>
            )}
            <Flex justify="flex-end" align="center" gap={wide ? 8 : 0} style={{ minWidth: 0 }}>
              {wide ? <UserOutlined /> : null}
              {wide ? <Typography.Text data-testid="user-name">{user.displayName}</Typography.Text> : null}
              <Tag color="blue" data-testid="user-role" style={{ marginInlineEnd: wide ? undefined : 0 }}>
                {tc(`roles.${user.role}`)}
              </Tag>
              <LanguageSwitch compact={!wide} />
              <Button
                type="text"
                icon={<KeyOutlined />}
                aria-label={tp('menu')}
                data-testid="change-password"
                onClick={() => navigate(PASSWORD_PATH, { state: { from: location.pathname + location.search } })}
              >
                {wide ? tp('menu') : null}
              </Button>
              <Button
                type="text"
                icon={<LogoutOutlined />}
                aria-label={t('header.logout')}
                onClick={() => {
                  logout().catch((error: unknown) => message.error(errorText(error)));
                }}
              >
                {wide ? t('header.logout') : null}
              </Button>
            </Flex>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: wide ? 24 : 12, minWidth: 0 }}>
          <ErrorBoundary resetKey={location.pathname}>
            <Suspense
              fallback={
                <Flex justify="center" style={{ padding: 64 }}>
                  <Spin size="large" />
                </Flex>
              }
            >
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
