// Enterprise size classes (大型/中型/小型/微型, the statistics bureau's 划型): the registry's column, the
// database enum (server/db/schema.ts), the strata of the draw and the breakdowns all use these keys.
import type { Named, NamedEntry } from './named.ts';

export const SIZE_CLASS_KEYS = ['large', 'medium', 'small', 'micro'] as const;
export type SizeClass = (typeof SIZE_CLASS_KEYS)[number];

export const SIZE_CLASSES: readonly NamedEntry<SizeClass>[] = [
  { key: 'large', zh: '大型', en: 'Large' },
  { key: 'medium', zh: '中型', en: 'Medium' },
  { key: 'small', zh: '小型', en: 'Small' },
  { key: 'micro', zh: '微型', en: 'Micro' },
] satisfies Named<typeof SIZE_CLASS_KEYS>;
