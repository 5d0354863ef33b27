// The one error path: domain errors are a few classes, mapped to { error: { code, message, details? } }.
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ErrorCode } from '#shared/errors.ts';
import { databaseErrorOf, isDatabaseUnavailable } from './database-errors.ts';

export class AppError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly details?: unknown;
  constructor(status: number, code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }
}
/** The request is well formed but asks for something it cannot mean (checked where the schema cannot, e.g. in city days). */
export class BadRequest extends AppError {
  constructor(message: string, details?: unknown, code: ErrorCode = 'bad_request') {
    super(400, code, message, details);
  }
}
export class NotFound extends AppError {
  constructor(message = 'Not found', details?: unknown) {
    super(404, 'not_found', message, details);
  }
}
export class Conflict extends AppError {
  constructor(message: string, details?: unknown, code: ErrorCode = 'conflict') {
    super(409, code, message, details);
  }
}
export class Forbidden extends AppError {
  constructor(message = 'You are not allowed to do this', code: ErrorCode = 'forbidden') {
    super(403, code, message);
  }
}
export class Unauthorized extends AppError {
  constructor(message = 'Please log in') {
    super(401, 'unauthorized', message);
  }
}
/** The thing existed but is no longer usable (a revoked link, a closed survey). */
export class Gone extends AppError {
  constructor(message: string, code: ErrorCode = 'gone') {
    super(410, code, message);
  }
}
export class Invalid extends AppError {
  constructor(message: string, details?: unknown, code: ErrorCode = 'invalid') {
    super(422, code, message, details);
  }
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

/** Seconds a client is asked to wait when the database is unavailable. */
export const RETRY_AFTER_SECONDS = 5;

const camel = (column: string) => column.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

/** "Key (round_id, uscc)=(…) already exists." → ['roundId', 'uscc']: the fields, never the values. */
function fieldsOf(detail: string | undefined): string[] {
  const m = /^Key \(([^)]*)\)/.exec(detail ?? '');
  return m ? m[1]!.split(',').map((c) => camel(c.trim().replace(/^"|"$/g, ''))) : [];
}

/** Constraint and data errors the database raised for a request it could not store: a client error, not a 500. */
function databaseClientError(err: unknown): AppError | null {
  const db = databaseErrorOf(err);
  if (!db?.code) return null;
  const fields = fieldsOf(db.detail);
  const named = fields.length ? fields.join(', ') : (db.constraint ?? 'a unique field');
  switch (db.code) {
    case '23505':
      return new Conflict(`A record with this ${named} already exists`, { fields, constraint: db.constraint }, 'duplicate');
    case '23503':
      return /still referenced/.test(db.detail ?? '')
        ? new Conflict(`Still referenced elsewhere (${named})`, { fields, constraint: db.constraint }, 'still_referenced')
        : new Invalid(`${named}: refers to something that does not exist`, { fields, constraint: db.constraint }, 'unknown_reference');
    case '23514':
    case '23502':
    case '23P01':
      return new Invalid(
        `The record breaks a rule of the database (${db.constraint ?? 'constraint'})`,
        { constraint: db.constraint },
        'constraint_violated',
      );
  }
  // Class 22: data exceptions (a NUL byte, a value out of range, malformed text for its type).
  if (db.code.startsWith('22'))
    return new AppError(
      400,
      'bad_request',
      'A value in the request cannot be stored (out of range, malformed or containing a control character)',
    );
  return null;
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const send = (status: number, error: ErrorBody['error']) => reply.status(status).send({ error });
    const appError = err instanceof AppError ? err : databaseClientError(err);
    if (appError) {
      return send(appError.status, {
        code: appError.code,
        message: appError.message,
        ...(appError.details !== undefined ? { details: appError.details } : {}),
      });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => ({
        path: [err.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].join('.'),
        message: v.message,
      }));
      return send(400, {
        code: 'validation_failed',
        message: issues.map((i) => `${i.path}: ${i.message}`).join('; '),
        details: issues,
      });
    }
    if (isResponseSerializationError(err)) {
      request.log.error({ err }, 'response did not match its schema');
      return send(500, { code: 'internal', message: 'Internal error' });
    }
    // Every `err` below is logged through logSafeError (the logger's serializer): SQLSTATE, no statement or value.
    if (isDatabaseUnavailable(err)) {
      request.log.error({ err }, 'database unavailable');
      reply.header('retry-after', String(RETRY_AFTER_SECONDS));
      return send(503, { code: 'database_unavailable', message: 'The database is unavailable; please retry shortly' });
    }
    const status = err.statusCode ?? 500;
    if (status >= 500) {
      request.log.error({ err }, 'unhandled error');
      return send(500, { code: 'internal', message: 'Internal error' });
    }
    // Fastify's own 4xx (bad JSON, body too large, unsupported media type, rate limit, multipart limits…).
    return send(status, { code: CLIENT_ERROR_CODES[status] ?? 'bad_request', message: err.message });
  });
}

const CLIENT_ERROR_CODES: Partial<Record<number, ErrorCode>> = {
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'unsupported_media_type',
  413: 'payload_too_large',
  414: 'uri_too_long',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  431: 'headers_too_large',
};

export const routeNotFound = (method: string, url: string): ErrorBody => ({
  error: { code: 'not_found', message: `No route ${method} ${url.split('?')[0]}` },
});
