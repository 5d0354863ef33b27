// The frame of the public pages: no menu, no login, readable on a phone.
import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { telHref } from '../../../issuer.ts';
import { useIssuer } from '../../issuer.ts';

export function PublicLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation('public');
  const issuer = useIssuer();
  return (
    <div style={{ minHeight: '100vh', background: '#f5f5f5' }}>
      <header style={{ background: '#fff', borderBottom: '1px solid #f0f0f0' }}>
        <Flex justify="space-between" align="center" wrap gap={8} style={{ maxWidth: 1120, margin: '0 auto', padding: '8px 16px' }}>
          <Flex vertical>
            <Link to="/public">
              <Typography.Text strong style={{ fontSize: 16 }}>
                {issuer?.city ? `${issuer.city} · ` : ''}
                {t('brand')}
              </Typography.Text>
            </Link>
            {issuer?.office && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="issuer-office">
                {t('issuer', { office: issuer.office })}
              </Typography.Text>
            )}
          </Flex>
          <Flex gap={4} align="center" className="no-print">
            <LanguageSwitch />
            <Link to="/login">{t('signIn')}</Link>
          </Flex>
        </Flex>
      </header>
      <main style={{ maxWidth: 1120, margin: '0 auto', padding: '16px 12px 24px' }}>{children}</main>
      {issuer && (issuer.office || issuer.phone) && (
        <footer style={{ maxWidth: 1120, margin: '0 auto', padding: '0 12px 48px', color: '#595959' }} data-testid="issuer-footer">
          {issuer.office && <div>{t('issuer', { office: issuer.office })}</div>}
          {issuer.phone && (
            <div data-testid="issuer-phone">
              {t('helpLine')}
              <a href={telHref(issuer.phone)}>{issuer.phone}</a>
            </div>
          )}
        </footer>
      )}
    </div>
  );
}
