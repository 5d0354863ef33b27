// Row problems from the server (English sentences) as short messages in the user's language.
import type { TFunction } from 'i18next';
import { IMPORT_FIELDS, type ImportField, type ImportResult } from '#shared/enterprise-import.ts';

export type RowError = ImportResult['errors'][number];

function isField(x: string): x is ImportField {
  return (IMPORT_FIELDS as readonly string[]).includes(x);
}

export function rowErrorText(e: RowError, t: TFunction<'importer'>): string {
  const m = e.message;
  const missing = /No column is mapped to: (.+)$/.exec(m);
  if (missing) {
    const fields = missing[1]!
      .split(',')
      .map((f) => f.trim())
      .map((f) => (isField(f) ? t(`fields.${f}`) : f));
    return t('messages.missingColumns', { fields: fields.join(t('fieldSeparator')) });
  }
  const notInFile = /Column "(.+)" mapped to/.exec(m);
  if (notInFile) return t('messages.columnNotInFile', { header: notInFile[1] });
  switch (e.field) {
    case 'uscc': {
      const dup = /already on row (\d+)/.exec(m);
      if (dup) return t('messages.duplicate', { row: dup[1] });
      if (/must be 18 characters/.test(m)) return t('messages.usccLength');
      if (/is not allowed/.test(m)) return t('messages.usccCharset');
      if (/check character/.test(m)) return t('messages.usccCheck');
      return t('messages.usccInvalid');
    }
    case 'sizeClass':
      return t('messages.sizeClass');
    case 'contactPhone':
      return /too big/i.test(m) ? t('messages.tooLong') : t('messages.contactPhone');
    case 'contactEmail':
      return /too big/i.test(m) ? t('messages.tooLong') : t('messages.contactEmail');
    default:
      if (/required/i.test(m)) return t('messages.required');
      if (/too big/i.test(m)) return t('messages.tooLong');
      return t('messages.invalid');
  }
}
