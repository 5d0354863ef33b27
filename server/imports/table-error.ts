import type { ErrorCode } from '#shared/errors.ts';

/** A refusal that names the place: row as Excel numbers it (header = 1), column as a letter. */
export class TableError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: { row?: number; column?: string },
  ) {
    super(message);
  }
}
