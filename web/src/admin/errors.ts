import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.ts';
import { cellPlaceOf, decidesFromOf } from './errorKey.ts';
import type zhCommon from '../locales/zh/common.ts';

type ErrorKey = keyof typeof zhCommon.errors;

function isKnown(code: string): code is ErrorKey {
  return code in KNOWN;
}
const KNOWN: Record<ErrorKey, true> = {
  network_error: true, unauthorized: true, forbidden: true, not_found: true, conflict: true, rate_limited: true,
  validation_failed: true, invalid: true, internal: true, database_unavailable: true, payload_too_large: true,
  unsupported_file: true, unreadable_file: true, empty_file: true, too_many_rows: true, file_required: true,
  import_has_errors: true, unknown: true, recently_reset: true, too_many_columns: true, cell_too_long: true, control_characters: true, file_too_complex: true,
  not_computed: true, round_not_closed: true,
};

/** Turns any error into a sentence for the user (never a stack trace or raw JSON). */
export function useErrorText(): (error: unknown, overrides?: Partial<Record<string, string>>) => string {
  const { t, i18n } = useTranslation('common');
  return useCallback((error, overrides) => {
    if (error instanceof ApiError) {
      const override = overrides?.[error.code];
      if (override) return override;
      const place = cellPlaceOf(error);
      if (place) return t(`cellErrors.${place.code}`, { row: place.row.toLocaleString(), column: place.column });
      const from = decidesFromOf(error);
      if (from) return t('recentlyResetUntil', { time: from.toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }) });
      if (isKnown(error.code)) return t(`errors.${error.code}`);
      if (error.status === 413) return t('errors.payload_too_large');
      if (error.status >= 500) return t('errors.internal');
      return t('errors.unknown');
    }
    console.error(error);
    return t('errors.unknown');
  }, [t, i18n]);
}
