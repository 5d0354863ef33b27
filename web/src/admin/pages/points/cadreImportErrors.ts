// The cadre import's row problems (English sentences from shared/cadre-import.ts and the server) in the user's words.
import type { TFunction } from 'i18next';
import { CADRE_IMPORT_FIELDS, type CadreImportField, type CadreImportResult } from '#shared/cadre-import.ts';

export type CadreRowError = CadreImportResult['errors'][number];

const isField = (x: string): x is CadreImportField => (CADRE_IMPORT_FIELDS as readonly string[]).includes(x);

export function cadreErrorText(e: CadreRowError, t: TFunction<'points'>): string {
  const m = e.message;
  let hit: RegExpExecArray | null;
  if ((hit = /No column for: (.+)$/.exec(m))) {
    const fields = hit[1]!
      .split(',')
      .map((f) => f.trim())
      .map((f) => (isField(f) ? t(`import.fields.${f}`) : f));
    return t('import.messages.missingColumns', { fields: fields.join(t('import.separator')) });
  }
  if ((hit = /unknown unit "(.*)"/.exec(m))) return t('import.messages.unknownUnit', { unit: hit[1] });
  if ((hit = /unknown rank "(.*?)"/.exec(m))) return t('import.messages.unknownRank', { rank: hit[1] });
  if ((hit = /expected 是 or 否, got "(.*)"/.exec(m))) return t('import.messages.leadership', { value: hit[1] });
  if ((hit = /already on row (\d+)/.exec(m))) return t('import.messages.duplicate', { row: hit[1] });
  if ((hit = /must start after (\d{4}-\d{2}-\d{2})/.exec(m))) return t('import.messages.sinceOrder', { date: hit[1] });
  if (/required|too small|>=1 char/i.test(m)) return t('import.messages.required');
  return t('import.messages.invalid');
}
