import type { ErrorCode } from '#shared/errors.ts';

/** A refusal that names the place: row as Excel numbers it (header = 1), column as a letter. */
export class TableError extends Error {
  readonly code: ErrorCode;
  readonly details?: { row?: number; column?: string };
  constructor(code: ErrorCode, message: string, details?: { row?: number; column?: string }) {
    super(message);
    this.code = code;
    this.details = details;
  }
}
