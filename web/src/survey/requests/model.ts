// The requests panel's pure logic: which message an error shows, and the codes this phone remembers.
import type { ErrorCode } from '#shared/errors.ts';
import { normaliseRequestCode, REQUEST_CODE_PATTERN } from '#shared/requests/code.ts';

// The few codes this panel words itself (its strings load with the chunk, not the survey's first visit).
const KNOWN = [
  'receipt_not_counted',
  'request_limit_reached',
  'not_found',
  'rate_limited',
  'validation_failed',
  'not_replied',
] as const satisfies readonly ErrorCode[];
export type ErrorKey = (typeof KNOWN)[number] | 'network' | 'other';

/** The message for a failed call: status 0 is no connection; unknown codes get the general message. */
export function errorKeyOf(err: unknown): ErrorKey {
  const e = err as { status?: unknown; code?: unknown } | null;
  if (e?.status === 0) return 'network';
  const code = typeof e?.code === 'string' ? e.code : '';
  if (code === 'control_characters') return 'validation_failed';
  return (KNOWN as readonly string[]).includes(code) ? (code as ErrorKey) : 'other';
}

export const MAX_REMEMBERED = 20;

/** Newest first, each code once, at most MAX_REMEMBERED; anything that is not a request code is dropped. */
export function rememberCode(list: readonly string[], code: string): string[] {
  const c = normaliseRequestCode(code);
  const valid = list.map(normaliseRequestCode).filter((x) => REQUEST_CODE_PATTERN.test(x) && x !== c);
  return (REQUEST_CODE_PATTERN.test(c) ? [c, ...valid] : valid).slice(0, MAX_REMEMBERED);
}

const KEY = 'pingyi.requestCodes';

export const codeStore = {
  load(): string[] {
    try {
      const raw: unknown = JSON.parse(window.localStorage.getItem(KEY) ?? '[]');
      return Array.isArray(raw)
        ? rememberCode(
            raw.filter((x): x is string => typeof x === 'string'),
            '',
          )
        : [];
    } catch {
      return [];
    }
  },
  add(code: string): string[] {
    const next = rememberCode(codeStore.load(), code);
    try {
      window.localStorage.setItem(KEY, JSON.stringify(next));
    } catch {
      // storage blocked: the code is still on screen to copy
    }
    return next;
  },
};

export interface PickerDepartment {
  id: number;
  nameZh: string;
  nameEn: string | null;
  category: string;
}

/**
 * The department picker: the departments grouped as on the survey (by category, in its order), sorted by
 * name within a group (pinyin order in Chinese), and narrowed to those whose name contains `query`.
 */
export function departmentChoices<D extends PickerDepartment>(
  departments: readonly D[],
  categoryOrder: readonly string[],
  query: string,
  lang: 'zh' | 'en',
): { category: string; departments: D[] }[] {
  const name = (d: D) => (lang === 'en' && d.nameEn ? d.nameEn : d.nameZh);
  const q = query.trim().toLowerCase();
  const collator = new Intl.Collator(lang === 'en' ? 'en' : 'zh-CN');
  const rank = (c: string) => (categoryOrder.includes(c) ? categoryOrder.indexOf(c) : categoryOrder.length);
  const groups = new Map<string, D[]>();
  for (const d of departments) {
    if (q && !d.nameZh.toLowerCase().includes(q) && !(d.nameEn ?? '').toLowerCase().includes(q)) continue;
    const key = categoryOrder.includes(d.category) ? d.category : 'other';
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  return [...groups]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([category, list]) => ({ category, departments: list.sort((a, b) => collator.compare(name(a), name(b))) }));
}
