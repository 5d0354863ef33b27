import { Empty, type TableProps } from 'antd';
import { useCallback, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A loaded table's `loading` and `locale` props: while it loads, a spinner that says so and no empty copy
 * (an empty copy under the spinner reads as "there is nothing" before anything has arrived); once loaded
 * with no rows, the page's own empty copy.
 */
export function useListStates(): (loading: boolean, empty: ReactNode) => Pick<TableProps<never>, 'loading' | 'locale'> {
  const { t } = useTranslation('common');
  return useCallback((loading, empty) => ({
    loading: { spinning: loading, description: t('states.loading') },
    // The blank keeps the spinner in the table's body instead of over its header.
    locale: { emptyText: loading ? <div style={{ height: 120 }} /> : <Empty description={empty} /> },
  }), [t]);
}
