// Database errors: what they mean for the client (unavailable, cancelled, a mistake in the request) and
// what of them may reach a log. Drivers put the failing statement and its parameters in the message
// (drizzle: "Failed query: … params: …"), PostgreSQL adds `detail` ("Key (x)=(value)"), `where` and
// sometimes a value in the message itself ("invalid input syntax for type uuid: \"…\""): a request's
// text, contact, receipt hash or answers. No log line, at any level, carries any of that: the logger's
// `err` serializer (logSafeError) and the command-line tools (safeErrorText) keep only the SQLSTATE,
// the constraint's name and the stack's frames.

// SQLSTATE classes and node errors that mean "the database cannot serve now", not "the request is wrong":
// 08 connection exceptions, 53 insufficient resources (53300 too many connections), 55000/55P03 not in a
// usable state (55P03: lock timeout), 57014 a cancelled statement (statement_timeout, pg_cancel_backend),
// 57P01–57P03 shut down or starting, 25006 a read-only standby, 25P03 an idle transaction timed out,
// 40001/40P01 retryable conflicts.
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  '55000',
  '55P03',
  '57014',
  '57P01',
  '57P02',
  '57P03',
  '25006',
  '25P03',
  '40001',
  '40P01',
]);
const UNAVAILABLE_MESSAGE =
  /Connection terminated|not queryable|timeout exceeded when trying to connect|Query read timeout|ECONNRESET|ECONNREFUSED|too many clients|PGlite is closed|Database is closed/i;

export interface DatabaseErrorFacts {
  /** SQLSTATE or node error code; absent for a failure known by its message only. */
  code?: string;
  /** The fixed phrase that identified a connection failure (never free text from the database). */
  connection?: string;
  detail?: string;
  constraint?: string;
}

/** The database error anywhere in the cause chain (drizzle wraps the driver's), if any. The one walk. */
export function databaseErrorOf(err: unknown): DatabaseErrorFacts | null {
  for (let e: unknown = err, depth = 0; e && depth < 6; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (/^[0-9A-Z]{5}$/.test(code) || UNAVAILABLE_CODES.has(code))) {
      const x = e as { detail?: unknown; constraint?: unknown };
      return {
        code,
        ...(typeof x.detail === 'string' ? { detail: x.detail } : {}),
        ...(typeof x.constraint === 'string' ? { constraint: x.constraint } : {}),
      };
    }
    const hit = UNAVAILABLE_MESSAGE.exec(String((e as { message?: unknown }).message ?? ''));
    if (hit) return { connection: hit[0] };
  }
  return null;
}

export function isDatabaseUnavailable(err: unknown): boolean {
  const db = databaseErrorOf(err);
  if (!db) return false;
  if (db.code === undefined) return true;
  return UNAVAILABLE_CODES.has(db.code) || db.code.startsWith('08') || db.code.startsWith('53');
}

/** Only the frames of a stack: its first line repeats the message, which may carry values. */
const framesOf = (stack: unknown) =>
  typeof stack === 'string'
    ? stack
        .split('\n')
        .filter((l) => /^\s+at /.test(l))
        .join('\n')
    : '';

export interface LoggedError {
  type: string;
  message: string;
  stack: string;
  [field: string]: unknown;
}

/**
 * What a log line may say about an error (the logger's `err` serializer). A database error anywhere in
 * the chain becomes its SQLSTATE and constraint name; anything else keeps its type, message and frames,
 * but never its cause chain or extra properties (a driver's `detail`, `parameters`, `query`).
 */
export function logSafeError(err: unknown): LoggedError {
  if (!(err instanceof Error)) return { type: typeof err, message: '(not an Error)', stack: '' };
  const db = databaseErrorOf(err);
  if (db) {
    return {
      type: 'DatabaseError',
      message: `database error${db.code ? ` (${db.code})` : ''}${db.connection ? `: ${db.connection}` : ''}`,
      ...(db.code ? { code: db.code } : {}),
      ...(db.constraint ? { constraint: db.constraint } : {}),
      stack: framesOf(err.stack),
    };
  }
  const code = (err as { code?: unknown }).code;
  const statusCode = (err as { statusCode?: unknown }).statusCode;
  return {
    type: err.name,
    message: err.message,
    stack: err.stack ?? '',
    ...(typeof code === 'string' ? { code } : {}),
    ...(typeof statusCode === 'number' ? { statusCode } : {}),
  };
}

/** The same for a command-line tool's last words on stderr. */
export function safeErrorText(err: unknown): string {
  const e = logSafeError(err);
  const frames = framesOf(e.stack);
  return `${e.type}: ${e.message}${frames ? `\n${frames}` : ''}`;
}
