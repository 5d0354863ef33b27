// Labels of the shared code lists, in the current language.
import { DEPARTMENT_CATEGORIES } from '#shared/vocabulary/department-categories.ts';
import { SIZE_CLASSES } from '#shared/vocabulary/size-classes.ts';
import type { RoundStatus } from '#shared/schemas/rounds.ts';

const inLanguage = (item: { zh: string; en: string }, lang: string) => (lang === 'en' ? item.en : item.zh);

export function categoryLabel(key: string, lang: string): string {
  const c = DEPARTMENT_CATEGORIES.find((x) => x.key === key);
  return c ? inLanguage(c, lang) : key;
}

export function categoryOptions(lang: string) {
  return DEPARTMENT_CATEGORIES.map((c) => ({ value: c.key, label: inLanguage(c, lang) }));
}

export function sizeLabel(key: string, lang: string): string {
  const s = SIZE_CLASSES.find((x) => x.key === key);
  return s ? inLanguage(s, lang) : key;
}

export function sizeOptions(lang: string) {
  return SIZE_CLASSES.map((s) => ({ value: s.key, label: inLanguage(s, lang) }));
}

/** A department's name in the current language (the Chinese name when there is no English one). */
export function departmentName(d: { nameZh: string; nameEn: string | null }, lang: string): string {
  return lang === 'en' && d.nameEn ? d.nameEn : d.nameZh;
}

/** A round status's tag colour, the same on every page. */
export const ROUND_STATUS_COLORS: Record<RoundStatus, string> = {
  draft: 'default',
  pool_frozen: 'cyan',
  drawn: 'geekblue',
  open: 'green',
  closed: 'orange',
  published: 'purple',
  voided: 'red',
};
