// The survey's own translator: its strings only need `{{name}}` interpolation, and i18next with its React
// binding is 16 KB of a phone's 100 KB budget. Same storage key and languages as the office's app.
import { useMemo, useSyncExternalStore } from 'react';
import en from '../locales/en/survey.ts';
import zh from '../locales/zh/survey.ts';
import { interpolate, lookup, type KeyOf } from './translate.ts';

export type Language = 'zh-CN' | 'en';
export type SurveyKey = KeyOf<typeof zh>;
export type TFunction = (key: SurveyKey, vars?: Record<string, string | number>) => string;

const STORAGE_KEY = 'pingyi.lang'; // i18n.ts and Boot.tsx use it too

function stored(): Language {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN'; // storage can be blocked (private mode, some in-app browsers)
  }
}

let language: Language = stored();
const listeners = new Set<() => void>();
if (typeof document !== 'undefined') document.documentElement.lang = language;

export const currentLanguage = (): Language => language;

export function setLanguage(next: Language): void {
  language = next;
  document.documentElement.lang = next;
  try {
    window.localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // not persisted: the choice still holds for this page
  }
  for (const f of listeners) f();
}

const subscribe = (f: () => void) => {
  listeners.add(f);
  return () => listeners.delete(f);
};

export function translator(lng: Language): TFunction {
  const messages = lng === 'en' ? en : zh;
  return (key, vars) => interpolate(lookup(messages, key) ?? lookup(zh, key) ?? key, vars);
}

/** `t` and the language, re-rendering on a language switch (the shape of react-i18next's hook). */
export function useTranslation() {
  const lng = useSyncExternalStore(subscribe, currentLanguage, currentLanguage);
  const t = useMemo(() => translator(lng), [lng]);
  return { t, i18n: { language: lng } };
}
