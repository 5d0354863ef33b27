// Header-keyed rows of an uploaded .xlsx/.csv, read by the bounded import worker (imports/): the same
// limits, errors and encoding detection as the registry import, for smaller imports (cadres) that
// check their rows on the main thread. Large imports pass a processor to readUpload instead.
import { readUpload } from '../imports/bounded-import.ts';
import type { RawTable, TextEncoding } from '../imports/table-reader.ts';

export interface Table {
  headers: string[];
  rows: Record<string, string>[];
  encoding?: TextEncoding | null;
}

export async function readTable(filename: string, data: Buffer): Promise<Table> {
  const raw = await readUpload<RawTable>(filename, data);
  const rows = raw.rows.map((cells) => Object.fromEntries(raw.headers.map((h, i) => [h, cells[i] ?? ''])));
  return { headers: raw.headers, rows, encoding: raw.encoding };
}
