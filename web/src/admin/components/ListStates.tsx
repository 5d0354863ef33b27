import { Button, Empty, type SelectProps, type TableProps } from 'antd';
import { useCallback, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A loaded table's `loading` and `locale` props: while it loads, a spinner that says so and no empty copy
 * (an empty copy under the spinner reads as "there is nothing" before anything has arrived); once loaded
 * with no rows, the page's own empty copy.
 */
export function useListStates(): (loading: boolean, empty: ReactNode) => Pick<TableProps<never>, 'loading' | 'locale'> {
  const { t } = useTranslation('common');
  return useCallback(
    (loading, empty) => ({
      loading: { spinning: loading, description: t('states.loading') },
      // The blank keeps the spinner in the table's body instead of over its header.
      locale: { emptyText: loading ? <div style={{ height: 120 }} /> : <Empty description={empty} /> },
    }),
    [t],
  );
}

/**
 * A filter dropdown whose options are loaded: a spinner while they load, and if they failed, saying
 * so with a retry in the open dropdown rather than antd's "no data".
 */
export function useOptionStates(): (loaded: {
  loading: boolean;
  error: unknown;
  reload(): void;
}) => Pick<SelectProps, 'loading' | 'notFoundContent'> {
  const { t } = useTranslation('common');
  return useCallback(
    ({ loading, error, reload }) => ({
      loading,
      ...(error
        ? {
            notFoundContent: (
              <span role="alert" data-testid="options-load-error">
                {t('states.loadFailed')}{' '}
                <Button type="link" size="small" onClick={reload}>
                  {t('actions.retry')}
                </Button>
              </span>
            ),
          }
        : {}),
    }),
    [t],
  );
}
