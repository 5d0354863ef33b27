// The requests chunk's strings: loaded with the chunk, so the survey's first visit does not carry them.
import { useMemo } from 'react';
import en from '../../locales/en/requestForm.ts';
import zh from '../../locales/zh/requestForm.ts';
import { useTranslation } from '../i18n.ts';
import { interpolate, lookup, type KeyOf } from '../translate.ts';

export type RequestKey = KeyOf<typeof zh>;

export function useRequestT() {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const t = useMemo(() => {
    const messages = lang === 'en' ? en : zh;
    return (key: RequestKey, vars?: Record<string, string | number>) => interpolate(lookup(messages, key) ?? lookup(zh, key) ?? key, vars);
  }, [lang]);
  return { t, lang } as const;
}
