// Compression for the few answers a phone waits for on a slow line (the survey's view is ~10 KB raw,
// ~2 KB compressed). Per route, not app-wide: most answers are small or go to office desktops, and the
// built files are compressed once at build time (scripts/precompress.ts).
import type { FastifyInstance } from 'fastify';
import fastifyCompress, { type FastifyCompressOptions } from '@fastify/compress';
import { constants } from 'node:zlib';

type RouteCompression = Pick<FastifyCompressOptions, 'threshold' | 'brotliOptions' | 'zlibOptions'>;

/** Registers the plugin with nothing compressed unless a route asks (brotli, then gzip). */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(fastifyCompress, { global: false, encodings: ['br', 'gzip'] });
}

// Quality 5: close to the best ratio on small JSON at a fraction of quality 11's time.
export const JSON_COMPRESSION: RouteCompression = {
  threshold: 1024,
  brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } },
  zlibOptions: { level: 6 },
};

// The survey page's HTML is small and the same for every phone but its preload line: always compressed.
export const HTML_COMPRESSION: RouteCompression = {
  threshold: 0,
  brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } },
  zlibOptions: { level: 9 },
};
