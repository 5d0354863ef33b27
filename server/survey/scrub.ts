// Database errors on the survey path carry the failing statement and its parameters (drizzle puts
// both in the message: the answers, the token's hash). Before anything logs them they are replaced
// by an error that keeps only the SQLSTATE or the connection failure, at every log level.
import { AppError } from '../errors.ts';

const CONNECTION_FAILURE = /Connection terminated|not queryable|timeout exceeded when trying to connect|ECONNRESET|ECONNREFUSED/i;

export class ScrubbedDatabaseError extends Error {
  constructor(message: string, readonly code: string | undefined) {
    super(message);
    this.name = 'ScrubbedDatabaseError';
    // The stack names this file only; the original's frames would be harmless but its message is not.
    this.stack = `${this.name}: ${message}`;
  }
}

export function scrubDatabaseError(err: unknown): unknown {
  if (err instanceof AppError) return err;
  let code: string | undefined;
  let connection: string | undefined;
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const c = (e as { code?: unknown }).code;
    if (typeof c === 'string' && /^[A-Z0-9_]{2,40}$/.test(c)) code = c;
    const m = String((e as { message?: unknown }).message ?? '');
    const hit = CONNECTION_FAILURE.exec(m);
    if (hit) connection = hit[0];
  }
  return new ScrubbedDatabaseError(`survey storage failed${code ? ` (${code})` : ''}${connection ? `: ${connection}` : ''}`, code);
}
