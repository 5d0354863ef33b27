// Reads the first sheet of an .xlsx or a .csv into header-keyed rows of text.
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { Invalid } from '../errors.ts';

export interface Table { headers: string[]; rows: Record<string, string>[] }

const MAX_ROWS = 50_000;

export async function readTable(filename: string, data: Buffer): Promise<Table> {
  const lower = filename.toLowerCase();
  if (lower.endsWith('.csv')) return readCsv(data);
  if (lower.endsWith('.xlsx')) return readXlsx(data);
  throw new Invalid(`Unsupported file "${filename}": upload an .xlsx or .csv file`, undefined, 'unsupported_file');
}

function readCsv(data: Buffer): Table {
  const text = data.toString('utf8').replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
  return toTable(parsed.data);
}

async function readXlsx(data: Buffer): Promise<Table> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new Invalid('The file is not a readable .xlsx workbook', undefined, 'unreadable_file');
  }
  const sheet = book.worksheets[0];
  if (!sheet) throw new Invalid('The workbook has no sheet', undefined, 'unreadable_file');
  const matrix: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) values.push(cellText(row.getCell(c)));
    matrix.push(values);
  });
  return toTable(matrix);
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return String(v.text);
    if ('result' in v) return String(v.result ?? '');
    return '';
  }
  return String(v);
}

function toTable(matrix: string[][]): Table {
  const [head, ...body] = matrix;
  if (!head || head.every((h) => !String(h).trim())) throw new Invalid('The file is empty: the first row must hold the column headers', undefined, 'empty_file');
  if (body.length > MAX_ROWS) throw new Invalid(`The file has ${body.length} rows; at most ${MAX_ROWS} can be imported at once`, undefined, 'too_many_rows');
  const headers = head.map((h) => String(h ?? '').trim());
  const rows = body.map((cells) => Object.fromEntries(headers.map((h, i) => [h, String(cells[i] ?? '').trim()])));
  return { headers, rows };
}
