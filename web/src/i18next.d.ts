// Typed translation keys: t('…') is checked against the Chinese strings.
import 'i18next';
import type { adminResources } from './locales/admin.ts';
import type { surveyResources } from './locales/survey.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: (typeof adminResources)['zh-CN'] & (typeof surveyResources)['zh-CN'];
  }
}
