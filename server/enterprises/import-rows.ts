// The registry import's row check, run inside the import worker (see imports/bounded-import.ts):
// 200,000 rows are validated there, not on the event loop.
import { checkImportRows, guessMapping, type ImportMapping, type ImportRowError } from '../../shared/enterprise-import.ts';
import type { EnterpriseInput } from '../../shared/schemas/enterprises.ts';
import type { RawTable, TextEncoding } from '../imports/table-reader.ts';

export interface CheckedImport {
  headers: string[];
  mapping: ImportMapping;
  total: number;
  records: EnterpriseInput[];
  errors: ImportRowError[];
  encoding: TextEncoding | null;
}

export function processTable(table: RawTable, options: { mapping?: ImportMapping }): CheckedImport {
  const mapping = options.mapping ?? guessMapping(table.headers);
  const unknown = Object.entries(mapping).filter(([, h]) => !table.headers.includes(h!));
  const rows = table.rows.map((cells) => Object.fromEntries(table.headers.map((h, i) => [h, cells[i] ?? ''])));
  const { records, errors } = checkImportRows(rows, mapping);
  for (const [field, header] of unknown) errors.unshift({ row: 1, field: null, uscc: null, message: `Column "${header}" mapped to ${field} is not in the file` });
  return { headers: table.headers, mapping, total: table.rows.length, records, errors, encoding: table.encoding };
}
