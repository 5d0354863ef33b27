// The kinds of department a city rates, in the order pages group them (the survey, the registry).
// Browser-safe and dependency-free: the survey bundle reads the keys.
import type { Named, NamedEntry } from './named.ts';

export const DEPARTMENT_CATEGORY_KEYS = ['economic', 'enforcement', 'service', 'social', 'utility', 'party'] as const;
export type DepartmentCategoryKey = (typeof DEPARTMENT_CATEGORY_KEYS)[number];

export type DepartmentCategory = NamedEntry<DepartmentCategoryKey>;

export const DEPARTMENT_CATEGORIES: readonly DepartmentCategory[] = [
  { key: 'economic', zh: '经济管理部门', en: 'Economic management' },
  { key: 'enforcement', zh: '执法监管部门', en: 'Law enforcement and regulation' },
  { key: 'service', zh: '公共服务部门', en: 'Public services' },
  { key: 'social', zh: '社会事业部门', en: 'Social affairs' },
  { key: 'utility', zh: '公用事业与国有企业', en: 'Utilities and state-owned enterprises' },
  { key: 'party', zh: '党群部门', en: 'Party and mass organisations' },
] satisfies Named<typeof DEPARTMENT_CATEGORY_KEYS>;
