// Reads the first sheet of an .xlsx or a .csv into rows of text, refusing the file at the first row,
// column or cell beyond the limits while it streams through it (never after building the whole table).
// Runs inside the import worker (bounded-import.ts); plain enough to run in a test as well. An .xlsx is
// unzipped from memory within size limits and never touches the disk (xlsx-zip.ts).
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { TableError } from './table-error.ts';
import { DEFAULT_TABLE_LIMITS, type TableLimits } from './table-limits.ts';
import { DEFAULT_ZIP_LIMITS, orderedSheetStream, type ZipLimits } from './xlsx-zip.ts';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030';

export interface RawTable {
  headers: string[];
  /** Each row's cells, trimmed, as many as there are headers. */
  rows: string[][];
  /** How a CSV was decoded; null for .xlsx (which is always Unicode). */
  encoding: TextEncoding | null;
}

export { TableError };

export function columnLetter(index1: number): string {
  let n = index1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

// Tab and line breaks may sit inside a cell; other control characters (a NUL above all) may not.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Checks one row against the limits and returns its cells as text. */
function checkRow(cells: string[], row: number, limits: TableLimits): string[] {
  if (row - 1 > limits.maxRows) {
    throw new TableError(
      'too_many_rows',
      `Row ${row}: the file has more than ${limits.maxRows.toLocaleString('en')} data rows; split it into smaller files`,
      { row },
    );
  }
  let last = cells.length;
  while (last > 0 && cells[last - 1] === '') last--;
  if (last > limits.maxColumns) {
    const column = columnLetter(last);
    throw new TableError(
      'too_many_columns',
      `Row ${row}, column ${column}: at most ${limits.maxColumns} columns can be imported (A–${columnLetter(limits.maxColumns)})`,
      { row, column },
    );
  }
  const out = cells.slice(0, last);
  for (let i = 0; i < out.length; i++) {
    const cell = out[i]!;
    const column = columnLetter(i + 1);
    if (cell.length > limits.maxCellChars) {
      throw new TableError(
        'cell_too_long',
        `Row ${row}, column ${column}: a cell holds ${cell.length.toLocaleString('en')} characters; at most ${limits.maxCellChars} are allowed`,
        { row, column },
      );
    }
    if (CONTROL.test(cell))
      throw new TableError('control_characters', `Row ${row}, column ${column}: the cell contains a control character (such as NUL)`, {
        row,
        column,
      });
    out[i] = cell.trim();
  }
  return out;
}

function finish(matrix: string[][], encoding: TextEncoding | null): RawTable {
  const [head, ...body] = matrix;
  if (!head || head.every((h) => !h)) throw new TableError('empty_file', 'The file is empty: the first row must hold the column headers');
  const width = head.length;
  return { headers: head, rows: body.map((r) => (r.length === width ? r : Array.from({ length: width }, (_, i) => r[i] ?? ''))), encoding };
}

/** UTF-8 with or without a byte-order mark; anything that is not valid UTF-8 is read as GB18030 (GBK's superset). */
export function decodeText(data: Uint8Array): { text: string; encoding: TextEncoding } {
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(data.subarray(3)), encoding: 'utf-8-bom' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(data), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(data), encoding: 'gb18030' };
  }
}

export function readCsv(data: Uint8Array, limits: TableLimits = DEFAULT_TABLE_LIMITS): RawTable {
  const { text, encoding } = decodeText(data);
  const matrix: string[][] = [];
  let failure: unknown = null;
  // Chunks of rows rather than a callback per row: three times faster, still stopping at the first excess.
  // Papa reads a string in chunks too; its types only admit `chunk` for files and streams.
  (Papa.parse as (input: string, config: object) => void)(text, {
    skipEmptyLines: 'greedy',
    chunkSize: 1 << 20,
    chunk: (result: Papa.ParseResult<string[]>, parser: Papa.Parser) => {
      try {
        for (const cells of result.data)
          matrix.push(
            checkRow(
              cells.map((c: string | undefined) => String(c ?? '')),
              matrix.length + 1,
              limits,
            ),
          );
      } catch (err) {
        failure = err;
        parser.abort();
      }
    },
  });
  if (failure) throw failure;
  return finish(matrix, encoding);
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return String(value.result ?? '');
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}

export async function readXlsx(
  data: Uint8Array,
  limits: TableLimits = DEFAULT_TABLE_LIMITS,
  zipLimits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<RawTable> {
  // Not even a zip (an empty file would leave the unzipper waiting for ever).
  if (data.length < 22 || data[0] !== 0x50 || data[1] !== 0x4b)
    throw new TableError('unreadable_file', 'The file is not a readable .xlsx workbook');
  // Every part measured against the zip limits, and the sheet after the parts it refers to: exceljs
  // then never writes a sheet to the temp folder (xlsx-zip.ts).
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(await orderedSheetStream(data, zipLimits), {
    // Styles are read for their number formats: without them a date cell is a bare serial number.
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'emit',
  });
  const matrix: string[][] = [];
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        // Rows as Excel numbers them; blank rows in between are skipped like in a CSV.
        const r = row as ExcelJS.Row;
        if (r.number - 1 > limits.maxRows) checkRow([], r.number, limits);
        if (r.cellCount > limits.maxColumns) {
          // Found before reading a single cell: one far-away cell cannot make the row expensive.
          const column = columnLetter(r.cellCount);
          throw new TableError(
            'too_many_columns',
            `Row ${r.number}, column ${column}: at most ${limits.maxColumns} columns can be imported (A–${columnLetter(limits.maxColumns)})`,
            { row: r.number, column },
          );
        }
        const cells: string[] = [];
        for (let c = 1; c <= r.cellCount; c++) cells.push(cellText(r.getCell(c).value));
        if (cells.every((v) => v.trim() === '')) continue;
        matrix.push(checkRow(cells, r.number, limits));
      }
      break; // the first sheet only
    }
  } catch (err) {
    if (err instanceof TableError) throw err;
    throw new TableError('unreadable_file', 'The file is not a readable .xlsx workbook');
  }
  return finish(matrix, null);
}

export async function readTableFile(filename: string, data: Uint8Array, limits: TableLimits = DEFAULT_TABLE_LIMITS): Promise<RawTable> {
  const lower = filename.toLowerCase();
  if (lower.endsWith('.csv')) return readCsv(data, limits);
  if (lower.endsWith('.xlsx')) return readXlsx(data, limits);
  throw new TableError('unsupported_file', `Unsupported file "${filename.slice(0, 100)}": upload an .xlsx or .csv file`);
}
