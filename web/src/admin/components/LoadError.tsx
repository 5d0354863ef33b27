import { Alert, Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../errors.ts';

/** A failed load: what happened, in words, and a retry. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation('common');
  const errorText = useErrorText();
  return (
    <Result
      status="warning"
      title={t('states.loadFailed')}
      subTitle={errorText(error)}
      extra={onRetry ? <Button type="primary" onClick={onRetry}>{t('actions.retry')}</Button> : undefined}
    />
  );
}

/** A reload failed while older data is still on screen: say so above it. */
export function StaleDataWarning({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation('common');
  const errorText = useErrorText();
  if (error === undefined) return null;
  return (
    <Alert
      type="warning"
      showIcon
      title={errorText(error)}
      action={onRetry ? <Button size="small" onClick={onRetry}>{t('actions.retry')}</Button> : undefined}
      style={{ marginBottom: 16 }}
    />
  );
}
