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
      extra={
        onRetry ? (
          <Button type="primary" onClick={onRetry}>
            {t('actions.retry')}
          </Button>
        ) : undefined
      }
      data-testid="load-error"
    />
  );
}

/**
 * A reload failed while older data is still on screen, or one part of a page failed while the rest is
 * shown (`title` names that part): say so where it shows, with a retry.
 */
export function StaleDataWarning({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  const { t } = useTranslation('common');
  const errorText = useErrorText();
  if (error === undefined) return null;
  return (
    <Alert
      type="warning"
      showIcon
      title={title ?? errorText(error)}
      description={title ? errorText(error) : undefined}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('actions.retry')}
          </Button>
        ) : undefined
      }
      style={{ marginBottom: 16 }}
      data-testid="load-warning"
    />
  );
}
