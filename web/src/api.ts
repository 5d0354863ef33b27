// The one fetch wrapper: JSON in and out, the session cookie, and errors as ApiError.
// No runtime dependencies, so the survey bundle can use it too.
import type { z } from 'zod';
import type { errorBodySchema } from '#shared/schemas/common.ts';

type ErrorBody = z.infer<typeof errorBodySchema>;

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details?: unknown;
  constructor(status: number, code: string, message: string, details?: unknown, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Query;
  /** A plain value is sent as JSON; FormData as multipart. */
  body?: unknown;
  signal?: AbortSignal;
  /** Do not call the unauthorized handler on 401 (login, the first session check). */
  skipAuthRedirect?: boolean;
}

let unauthorizedHandler: (() => void) | null = null;
let writeListener: (() => void) | null = null;

/** Called before every request that may change something (not GET): the admin app's read cache forgets what it holds. */
export function setWriteListener(listener: (() => void) | null): void {
  writeListener = listener;
}

/** The admin app registers this to send the user back to the login page when the session ends. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
}

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

function isErrorBody(data: unknown): data is ErrorBody {
  const e = (data as ErrorBody | null)?.error;
  return typeof e === 'object' && e !== null && typeof e.code === 'string' && typeof e.message === 'string';
}

export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const isForm = opts.body instanceof FormData;
  const headers: Record<string, string> = { accept: 'application/json' };
  if ((opts.method ?? 'GET') !== 'GET') writeListener?.();
  if (opts.body !== undefined && !isForm) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(withQuery(path, opts.query), {
      method: opts.method ?? 'GET',
      headers,
      body: isForm ? (opts.body as FormData) : opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (cause) {
    if (opts.signal?.aborted) throw cause;
    throw new ApiError(0, 'network_error', 'The server could not be reached', undefined, { cause });
  }
  const text = await res.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined; // a proxy's HTML error page, for instance
    }
  }
  if (res.ok) return data as T;
  const err = isErrorBody(data)
    ? new ApiError(res.status, data.error.code, data.error.message, data.error.details)
    : new ApiError(res.status, res.status >= 500 ? 'internal' : `http_${res.status}`, res.statusText, data);
  if (res.status === 401 && !opts.skipAuthRedirect) unauthorizedHandler?.();
  throw err;
}
