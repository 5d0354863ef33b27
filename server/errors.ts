// The one error path: domain errors are a few classes, mapped to { error: { code, message, details? } }.
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}
export class NotFound extends AppError {
  constructor(message = 'Not found', details?: unknown) { super(404, 'not_found', message, details); }
}
export class Conflict extends AppError {
  constructor(message: string, details?: unknown, code = 'conflict') { super(409, code, message, details); }
}
export class Forbidden extends AppError {
  constructor(message = 'You are not allowed to do this') { super(403, 'forbidden', message); }
}
export class Unauthorized extends AppError {
  constructor(message = 'Please log in') { super(401, 'unauthorized', message); }
}
/** The thing existed but is no longer usable (a revoked link, a closed survey). */
export class Gone extends AppError {
  constructor(message: string, code = 'gone') { super(410, code, message); }
}
export class Invalid extends AppError {
  constructor(message: string, details?: unknown, code = 'invalid') { super(422, code, message, details); }
}

export interface ErrorBody { error: { code: string; message: string; details?: unknown } }

const DB_DOWN_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08003', '08006']);

function isDatabaseUnavailable(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: string }).code;
    const msg = String((e as { message?: string }).message ?? '');
    if ((code && DB_DOWN_CODES.has(code)) || /Connection terminated|not queryable|timeout exceeded when trying to connect|ECONNRESET|ECONNREFUSED/i.test(msg)) return true;
  }
  return false;
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const send = (status: number, error: ErrorBody['error']) => reply.status(status).send({ error });
    if (err instanceof AppError) {
      return send(err.status, { code: err.code, message: err.message, ...(err.details !== undefined ? { details: err.details } : {}) });
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
    if (isDatabaseUnavailable(err)) {
      request.log.error({ err }, 'database unavailable');
      return send(503, { code: 'database_unavailable', message: 'The database is unavailable; please retry shortly' });
    }
    const status = err.statusCode ?? 500;
    if (status >= 500) {
      request.log.error({ err }, 'unhandled error');
      return send(500, { code: 'internal', message: 'Internal error' });
    }
    // Fastify's own 4xx (bad JSON, body too large, unsupported media type, rate limit…).
    const code = err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'payload_too_large'
      : status === 429 ? 'rate_limited'
      : status === 415 ? 'unsupported_media_type'
      : 'bad_request';
    return send(status, { code, message: err.message });
  });
}

export const routeNotFound = (method: string, url: string): ErrorBody => ({
  error: { code: 'not_found', message: `No route ${method} ${url.split('?')[0]}` },
});
