import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isErrorCode, type ErrorCode } from '#shared/errors.ts';
import { ApiError } from '../api.ts';
import { cellPlaceOf, decidesFromOf } from './errorKey.ts';
import type zhCommon from '../locales/zh/common.ts';

type ErrorKey = keyof typeof zhCommon.errors;

/** A code with a sentence of its own: every server code (the locale files are exhaustive over them) and the page's own. */
const isKnown = (code: string): code is ErrorKey => isErrorCode(code) || code === 'network_error';

/** Turns any error into a sentence for the user (never a stack trace or raw JSON). */
export function useErrorText(): (error: unknown, overrides?: Partial<Record<string, string>>) => string {
  const { t, i18n } = useTranslation('common');
  return useCallback(
    (error, overrides) => {
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
    },
    [t, i18n],
  );
}

/** Like useErrorText, with a page's own error codes worded from its namespace (`errors.<code>` there). */
export function usePageErrorText(ns: 'rounds' | 'rectification', codes: readonly ErrorCode[]): (error: unknown) => string {
  const { t } = useTranslation(ns);
  const errorText = useErrorText();
  return useCallback(
    (error: unknown) => {
      const word = t as unknown as (key: string) => string;
      return errorText(error, Object.fromEntries(codes.map((code) => [code, word(`errors.${code}`)])));
    },
    [t, errorText, codes],
  );
}
