// Typed translation keys: t('…') is checked against the Chinese strings.
import 'i18next';
import type { AdminStrings } from './locales/admin.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: AdminStrings; // the survey has its own translator (survey/i18n.ts)
  }
}
