// The built web app: the brotli or gzip copy made at build time when the browser accepts it
// (scripts/precompress.ts), hashed assets cached for a year, everything else revalidated on each visit.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { HTML_COMPRESSION } from './compression.ts';

/** A file whose name carries its content hash (Vite's `assets/name-<hash>.ext`): it never changes. */
export const isHashedAsset = (path: string) => path.includes(`${sep}assets${sep}`) || path.includes('/assets/');

// `vary: accept-encoding` is added by @fastify/static itself for pre-compressed files.
export function cacheHeaders(reply: { header(name: string, value: string): unknown }, path: string): void {
  reply.header('cache-control', isHashedAsset(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
}

/** The enterprise's paths (the survey link, requests by code) get the light survey page, the rest the office's app. */
export const pageFor = (url: string) => (/^\/(?:s\/|r(?:[/?#]|$))/.test(url) ? 'survey.html' : 'index.html');

const TOKEN = /^[A-Za-z0-9_-]{1,100}$/;

/**
 * The survey page for one link, naming the link's survey data as a preload: the phone fetches the
 * questions alongside the scripts instead of one round trip after them (150 ms or more on a slow line).
 */
export function surveyPageFor(html: string, token: string): string {
  if (!TOKEN.test(token)) return html;
  return html.replace('</head>', `  <link rel="preload" as="fetch" crossorigin href="/api/v1/survey/${token}" />\n  </head>`);
}

/**
 * Serves `root` at `/`. Files are looked up per request (not listed once at start), so a build that
 * adds files next to the old ones (scripts/build-web.ts) is served without a restart.
 */
export async function serveWebApp(app: FastifyInstance, root: string): Promise<void> {
  await app.register(fastifyStatic, {
    root,
    wildcard: true,
    index: ['index.html'],
    preCompressed: true,
    cacheControl: false,
    setHeaders: cacheHeaders,
  });

  // survey.html read once per build (its modification time), not once per phone.
  let cached: { mtimeMs: number; html: string } | null = null;
  const surveyHtml = async () => {
    const file = join(root, 'survey.html');
    const { mtimeMs } = await stat(file);
    if (cached?.mtimeMs !== mtimeMs) cached = { mtimeMs, html: await readFile(file, 'utf8') };
    return cached.html;
  };

  app.get<{ Params: { token: string } }>('/s/:token', { compress: HTML_COMPRESSION }, async (request, reply) => {
    let html: string;
    try {
      html = await surveyHtml();
    } catch {
      return reply.sendFile('index.html'); // a build from before the survey had its own page
    }
    const body = surveyPageFor(html, request.params.token);
    const etag = `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    reply.header('cache-control', 'no-cache').header('vary', 'accept-encoding').header('etag', etag);
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply.type('text/html; charset=utf-8').send(body);
  });
}
