// The frame of the public pages: no menu, no login, readable on a phone.
import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';

export function PublicLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation('public');
  return (
    <div style={{ minHeight: '100vh', background: '#f5f5f5' }}>
      <header style={{ background: '#fff', borderBottom: '1px solid #f0f0f0' }}>
        <Flex justify="space-between" align="center" wrap gap={8} style={{ maxWidth: 1120, margin: '0 auto', padding: '8px 16px' }}>
          <Link to="/public"><Typography.Text strong style={{ fontSize: 16 }}>{t('brand')}</Typography.Text></Link>
          <Flex gap={4} align="center" className="no-print">
            <LanguageSwitch />
            <Link to="/login">{t('signIn')}</Link>
          </Flex>
        </Flex>
      </header>
      <main style={{ maxWidth: 1120, margin: '0 auto', padding: '16px 12px 48px' }}>{children}</main>
    </div>
  );
}
