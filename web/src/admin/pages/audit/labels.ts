import { useTranslation } from 'react-i18next';
import type zhAudit from '../../../locales/zh/audit.ts';
import { categoryLabel, sizeLabel } from '../../labels.ts';

type ActionKey = keyof typeof zhAudit.actions;
type EntityKey = keyof typeof zhAudit.entityTypes;
type FieldKey = keyof typeof zhAudit.fields;

/** Words for the audit log's codes (actions, record types, fields, values); unknown codes are shown as they are. */
export function useAuditLabels() {
  const { t, i18n } = useTranslation('audit');
  const lang = i18n.language;
  const actions = t('actions', { returnObjects: true }) as Record<ActionKey, string>;
  const entities = t('entityTypes', { returnObjects: true }) as Record<EntityKey, string>;
  const fields = t('fields', { returnObjects: true }) as Record<FieldKey, string>;
  return {
    action: (a: string) => actions[a.replaceAll('.', '_') as ActionKey] ?? a,
    entityType: (e: string) => entities[e as EntityKey] ?? e,
    /** In a department's entry, "name" is always a head's name (the department's own is nameZh). */
    field: (key: string, entityType: string) => (entityType === 'department' && key === 'name' ? fields.headName : fields[key as FieldKey] ?? key),
    value: (key: string, v: unknown): unknown => {
      if (key === 'category' && typeof v === 'string') return categoryLabel(v, lang);
      if (key === 'sizeClass' && typeof v === 'string') return sizeLabel(v, lang);
      return v;
    },
    yesNo: (b: boolean) => (b ? t('yes') : t('no')),
  };
}
