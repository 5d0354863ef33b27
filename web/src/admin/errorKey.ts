// Which sentence an API error becomes: a refusal that names a place in an uploaded file (row and
// column, as Excel numbers them) says so in words; everything else by its code.
import { ApiError } from '../api.ts';

/** Codes the import reader uses with { row, column } in the details (see server/imports/table-reader.ts). */
export const CELL_CODES = ['too_many_rows', 'too_many_columns', 'cell_too_long', 'control_characters'] as const;
export type CellCode = (typeof CELL_CODES)[number];

export interface CellPlace {
  code: CellCode;
  row: number;
  column: string;
}

/** The row and column a refusal names, when it names one. */
export function cellPlaceOf(error: unknown): CellPlace | null {
  if (!(error instanceof ApiError) || !(CELL_CODES as readonly string[]).includes(error.code)) return null;
  const d = error.details as { row?: unknown; column?: unknown } | undefined;
  if (typeof d?.row !== 'number') return null;
  return { code: error.code as CellCode, row: d.row, column: typeof d.column === 'string' ? d.column : '' };
}

/** When a deciding action refused as `recently_reset` becomes possible, when the server says. */
export function decidesFromOf(error: unknown): Date | null {
  if (!(error instanceof ApiError) || error.code !== 'recently_reset') return null;
  const from = (error.details as { decidesFrom?: unknown } | undefined)?.decidesFrom;
  return typeof from === 'string' && !Number.isNaN(Date.parse(from)) ? new Date(from) : null;
}
