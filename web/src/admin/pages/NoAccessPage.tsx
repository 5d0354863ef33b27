import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useUser } from '../auth.tsx';

export function NoAccessPage() {
  const { t } = useTranslation('shell');
  const { t: tc } = useTranslation('common');
  const user = useUser();
  return (
    <Result
      status="403"
      title={t('noAccess.title')}
      subTitle={t('noAccess.description', { role: tc(`roles.${user.role}`) })}
      extra={
        <Link to="/">
          <Button type="primary">{t('noAccess.back')}</Button>
        </Link>
      }
      data-testid="no-access"
    />
  );
}
