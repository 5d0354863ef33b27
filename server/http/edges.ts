// The edges every request passes before a route sees it: URL length, content type, origin, control characters.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError, Forbidden } from '../errors.ts';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const MAX_URL_LENGTH = 4096;

// Tab, newline and carriage return are text in a comment; every other C0 control, DEL and a lone
// surrogate half is not, and PostgreSQL refuses a NUL outright. In a path or query nothing below 0x20 is.
const BODY_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|\p{Cs}/u;
const LINE_CONTROL = /[\u0000-\u001F\u007F]|\p{Cs}/u;

export class ControlCharacters extends AppError {
  constructor(where: string) {
    super(400, 'control_characters', `${where}: control characters (such as NUL) are not allowed`, { path: where });
  }
}

/** The first path (e.g. "body.ratings.0.comment") whose key or text holds a forbidden character. */
export function findControlCharacter(value: unknown, path: string, pattern = BODY_CONTROL): string | null {
  const found = controlAt(value, pattern, 0);
  return found ? [path, ...found.reverse()].join('.') : null;
}

// Every request body passes here: no path is built (nor an entry array made) until something is found.
function controlAt(value: unknown, pattern: RegExp, depth: number): string[] | null {
  if (typeof value === 'string') return pattern.test(value) ? [] : null;
  if (value === null || typeof value !== 'object' || depth > 64) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = controlAt(value[i], pattern, depth + 1);
      if (found) return (found.push(String(i)), found);
    }
    return null;
  }
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    if (pattern.test(key)) return [key];
    const found = controlAt((value as Record<string, unknown>)[key], pattern, depth + 1);
    if (found) return (found.push(key), found);
  }
  return null;
}

export function assertNoControlCharacters(value: unknown, where: string, line = false): void {
  const found = findControlCharacter(value, where, line ? LINE_CONTROL : BODY_CONTROL);
  if (found) throw new ControlCharacters(found);
}

const mediaType = (request: FastifyRequest) => (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
const hasBody = (request: FastifyRequest) =>
  request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;
/** Upload routes say so in their schema (consumes multipart/form-data); all others take JSON only. */
const isUpload = (request: FastifyRequest) =>
  ((request.routeOptions.schema as { consumes?: string[] } | undefined)?.consumes ?? []).includes('multipart/form-data');

export const edgesPlugin = fp(async (app: FastifyInstance, opts: { publicBaseUrl: string }) => {
  const publicOrigin = new URL(opts.publicBaseUrl).origin;

  app.addHook('onRequest', async (request) => {
    if (request.url.length > MAX_URL_LENGTH)
      throw new AppError(414, 'uri_too_long', `The address is longer than ${MAX_URL_LENGTH} characters`);
    if (!STATE_CHANGING.has(request.method) || !request.url.startsWith('/api/')) return;

    // A cross-site form can post text/plain or urlencoded with the user's cookie; only JSON (or the
    // upload's multipart) is accepted, so such a form cannot reach a state-changing route.
    const type = mediaType(request);
    const upload = isUpload(request);
    if (upload ? type !== 'multipart/form-data' : type ? type !== 'application/json' : hasBody(request)) {
      throw new AppError(
        415,
        'unsupported_media_type',
        upload ? 'Send the file as multipart/form-data' : `Send the request body as application/json${type ? ` (got ${type})` : ''}`,
      );
    }

    // A browser names the page that sent the request; only this site's own pages may change anything.
    const origin = request.headers.origin;
    const ownOrigin = `${request.protocol}://${request.host}`;
    if (origin !== undefined && origin !== publicOrigin && origin !== ownOrigin) {
      throw new Forbidden(`Requests from ${origin.slice(0, 100)} are not accepted`, 'foreign_origin');
    }
    if (origin === undefined && request.headers['sec-fetch-site'] === 'cross-site')
      throw new Forbidden('Cross-site requests are not accepted', 'foreign_origin');
  });

  app.addHook('preValidation', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    assertNoControlCharacters(request.params, 'params', true);
    assertNoControlCharacters(request.query, 'query', true);
    if (request.body !== undefined) assertNoControlCharacters(request.body, 'body');
  });
});
