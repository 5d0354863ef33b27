// The import's limits, apart from the reader (table-reader.ts): the main thread needs them, and importing the
// reader there would load exceljs, which only the import worker uses.
export interface TableLimits {
  /** Data rows below the header row. */
  maxRows: number;
  maxColumns: number;
  maxCellChars: number;
}

export const DEFAULT_TABLE_LIMITS: TableLimits = { maxRows: 200_000, maxColumns: 40, maxCellChars: 1_000 };
