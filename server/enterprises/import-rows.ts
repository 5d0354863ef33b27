// The registry import's row check, run inside the import worker (see imports/bounded-import.ts):
// 200,000 rows are validated there, not on the event loop.
import { checkImportRows, guessMapping, type ImportMapping, type ImportRowError } from '#shared/enterprise-import.ts';
import type { EnterpriseInput } from '#shared/schemas/enterprises.ts';
import type { RawTable, TextEncoding } from '../imports/table-reader.ts';

/** At most this many row errors are sent back; errorCount says how many there were. */
export const MAX_REPORTED_ERRORS = 1_000;
/**
 * Records to a batch: what the import reads back, compares and writes in one step. Small enough that a
 * batch's JSON (decoded here, then the upsert's parameter: ~45,000 characters, two bytes each once a name is
 * Chinese) stays under V8's large-object size (128 KB) and dies young. At 1,000 each of those strings went
 * straight to the old generation and piled up until a full collection: an .xlsx apply of 200,000 rows grew
 * the process by 294–307 MB, against 225–279 MB now (either database), at the same speed.
 */
export const RECORD_BATCH = 250;
const PREVIEW_ROWS = 20;

export interface CheckedImport {
  headers: string[];
  mapping: ImportMapping;
  total: number;
  recordCount: number;
  /** The first few records, shown before the import is applied. */
  preview: EnterpriseInput[];
  /**
   * Every record, RECORD_BATCH to a batch, each batch as UTF-8 JSON: a tenth of the memory of 200,000
   * objects, outside the main thread's heap (so its garbage collector does not let the heap grow to a
   * multiple of them), and decoded one batch at a time (recordBatches).
   */
  batches: Uint8Array[];
  /** The first MAX_REPORTED_ERRORS row errors. */
  errors: ImportRowError[];
  errorCount: number;
  encoding: TextEncoding | null;
}

const NO_CELLS: string[] = [];

/**
 * Each row keyed by its headers, one at a time, and its cells let go once it is checked: the table, the
 * keyed rows and the records of a 200,000-row file would not fit the worker's heap all at once.
 */
function* keyedRows(table: RawTable): Generator<Record<string, string>> {
  for (let i = 0; i < table.rows.length; i++) {
    const cells = table.rows[i]!;
    table.rows[i] = NO_CELLS;
    yield Object.fromEntries(table.headers.map((h, c) => [h, cells[c] ?? '']));
  }
}

export function processTable(table: RawTable, options: { mapping?: ImportMapping }): CheckedImport {
  const mapping = options.mapping ?? guessMapping(table.headers);
  const unknown = Object.entries(mapping).filter(([, h]) => !table.headers.includes(h!));
  const total = table.rows.length;
  const { records, errors } = checkImportRows(keyedRows(table), mapping);
  for (const [field, header] of unknown)
    errors.unshift({ row: 1, field: null, uscc: null, message: `Column "${header}" mapped to ${field} is not in the file` });
  const encoder = new TextEncoder();
  const batches: Uint8Array[] = [];
  for (let i = 0; i < records.length; i += RECORD_BATCH) batches.push(encoder.encode(JSON.stringify(records.slice(i, i + RECORD_BATCH))));
  return {
    headers: table.headers,
    mapping,
    total,
    recordCount: records.length,
    preview: records.slice(0, PREVIEW_ROWS),
    batches,
    errors: errors.slice(0, MAX_REPORTED_ERRORS),
    errorCount: errors.length,
    encoding: table.encoding,
  };
}

/** The records a batch at a time, each batch's bytes let go once decoded: read them once. */
export function* recordBatches(checked: CheckedImport): Generator<EnterpriseInput[]> {
  const decoder = new TextDecoder();
  for (let i = 0; i < checked.batches.length; i++) {
    const bytes = checked.batches[i]!;
    checked.batches[i] = new Uint8Array(0);
    yield JSON.parse(decoder.decode(bytes)) as EnterpriseInput[];
  }
}
