import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { quarterLabel } from '#shared/round-lifecycle.ts';
import type { Department } from '#shared/schemas/departments.ts';
import type { RoundSummary } from '../../endpoints.ts';
import { departmentName } from '../../labels.ts';
import { cityDateTime } from '../../views/time.ts';
import type { AuditDictionary, AuditLookups } from './words.ts';

/** The audit dictionary in the current language and the look-ups (departments by id and code, rounds, city time). */
export function useAuditLabels(
  departments: readonly Department[] | undefined,
  actors?: readonly { name: string; displayName: string | null }[],
  rounds?: readonly Pick<RoundSummary, 'id' | 'reasons'>[],
) {
  const { i18n } = useTranslation('audit');
  const lang = i18n.language;
  return useMemo(() => {
    const dict = (i18n.getResourceBundle(lang, 'audit') ?? i18n.getResourceBundle('zh-CN', 'audit')) as AuditDictionary;
    const look: AuditLookups = {
      departmentById: new Map((departments ?? []).map((d) => [d.id, departmentName(d, lang)])),
      departmentByCode: new Map((departments ?? []).map((d) => [d.code, departmentName(d, lang)])),
      personByLogin: new Map((actors ?? []).flatMap((a) => (a.displayName ? [[a.name, a.displayName] as const] : []))),
      quarter: (id) => quarterLabel(id, lang === 'en' ? 'en' : 'zh'),
      dateTime: (iso) => cityDateTime(iso, lang),
      format: (template, vars) => template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(vars[k] ?? '')),
      reasonsOf: (roundId) => rounds?.find((r) => r.id === roundId)?.reasons,
    };
    return { dict, look };
  }, [i18n, lang, departments, actors, rounds]);
}
