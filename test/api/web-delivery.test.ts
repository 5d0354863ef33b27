// How the built web app is delivered: the pre-compressed copy the browser accepts, hashed assets cached
// for a year, pages revalidated, a 304 on a repeat visit, and the survey's JSON compressed too.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { Rollup } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '#server/app.ts';
import type { Database } from '#server/db/client.ts';
import { testConfig } from '../support/config.ts';
import { pageFiles, precompressDir } from '../../scripts/precompress.ts';
import { freshDatabase } from '../support/database.ts';

const SCRIPT = `console.log(${JSON.stringify('评议'.repeat(400))});\n`;
const PAGE = '<!doctype html><html><head><script type="module" src="/assets/index-AbC123.js"></script></head><body>评议</body></html>';
const SURVEY = '<!doctype html><html><head><script type="module" src="/assets/survey-XyZ789.js"></script></head><body>测评</body></html>';
let dist = '';
let app: App;
let database: Database;

beforeAll(async () => {
  dist = await mkdtemp(join(tmpdir(), 'pingyi-dist-'));
  await mkdir(join(dist, 'assets'));
  await writeFile(join(dist, 'assets', 'index-AbC123.js'), SCRIPT);
  await writeFile(join(dist, 'index.html'), PAGE);
  await writeFile(join(dist, 'survey.html'), SURVEY);
  await precompressDir(dist);
  database = await freshDatabase();
  app = await buildApp({
    database,
    serveWeb: true,
    webDist: dist,
    config: testConfig(),
  });
});
// At the file's top: an afterAll registered inside beforeAll never runs.
afterAll(async () => {
  await app?.close();
  await database?.close();
  await rm(dist, { recursive: true, force: true });
});

const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });

describe('hashed assets', () => {
  it('are sent as brotli when accepted, gzip otherwise, plain to a client that takes neither', async () => {
    const br = await get('/assets/index-AbC123.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.rawPayload.length).toBeLessThan(Buffer.byteLength(SCRIPT) / 10);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(SCRIPT);

    const gz = await get('/assets/index-AbC123.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(SCRIPT);

    const plain = await get('/assets/index-AbC123.js', { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(SCRIPT);
    for (const res of [br, gz, plain]) expect(res.headers.vary).toMatch(/accept-encoding/i);
  });

  it('are cached for a year as immutable', async () => {
    const res = await get('/assets/index-AbC123.js', { 'accept-encoding': 'br' });
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('that do not exist are a 404, not the page', async () => {
    const res = await get('/assets/index-Gone999.js', { 'accept-encoding': 'br' });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('<html');
  });
});

describe('the pages', () => {
  it('are revalidated on every visit and answer a repeat visit with 304', async () => {
    for (const url of ['/', '/r', '/s/some-token']) {
      const first = await get(url, { 'accept-encoding': 'br' });
      expect(first.statusCode, url).toBe(200);
      expect(first.headers['cache-control'], url).toBe('no-cache');
      expect(first.headers['content-type'], url).toMatch(/text\/html/);
      expect(first.headers['content-encoding'], url).toBe('br');
      expect(brotliDecompressSync(first.rawPayload).toString(), url).toContain(url === '/' ? '评议' : '测评');
      const etag = String(first.headers.etag);
      expect(etag, url).toBeTruthy();

      const again = await get(url, { 'accept-encoding': 'br', 'if-none-match': etag });
      expect(again.statusCode, url).toBe(304);
      expect(again.rawPayload.length, url).toBe(0);
    }
  });

  it("the survey link's page names its survey data as a preload, so the phone fetches it with the scripts", async () => {
    const res = await get('/s/Tok_en-123', { 'accept-encoding': 'identity' });
    expect(res.body).toContain('<link rel="preload" as="fetch" crossorigin href="/api/v1/survey/Tok_en-123" />');
    // Anything that is not a token's characters is never written into the page.
    const odd = await get('/s/%22%3E%3Cscript%3E', { 'accept-encoding': 'identity' });
    expect(odd.statusCode).toBe(200);
    expect(odd.body).toBe(SURVEY);
  });

  it("the office's app is served at / and for its client-side routes, the survey page for the enterprise's, never for the API", async () => {
    expect((await get('/')).body).toBe(PAGE);
    expect((await get('/rounds/2026Q1')).body).toBe(PAGE);
    expect((await get('/r')).body).toBe(SURVEY);
    expect((await get('/r?code=ABCD')).body).toBe(SURVEY);
    expect((await get('/reports')).body).toBe(PAGE);
    const api = await get('/api/v1/nothing-here');
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ error: { code: expect.any(String) } });
  });
});

describe("the survey page's files, which get Brotli's best quality", () => {
  // A bundle as Vite hands it over: two pages sharing a chunk, the survey page loading one more lazily.
  const chunk = (fileName: string, more: { entry?: string; imports?: string[]; lazy?: string[]; css?: string[]; assets?: string[] }) => ({
    type: 'chunk',
    fileName,
    isEntry: Boolean(more.entry),
    facadeModuleId: more.entry ? `/repo/web/${more.entry}` : null,
    imports: more.imports ?? [],
    dynamicImports: more.lazy ?? [],
    viteMetadata: { importedCss: new Set(more.css ?? []), importedAssets: new Set(more.assets ?? []) },
  });
  const bundle = {
    'assets/index.js': chunk('assets/index.js', { entry: 'index.html', imports: ['assets/react.js'], lazy: ['assets/admin.js'] }),
    'assets/survey.js': chunk('assets/survey.js', { entry: 'survey.html', imports: ['assets/react.js'], lazy: ['assets/form.js'] }),
    'assets/react.js': chunk('assets/react.js', {}),
    'assets/form.js': chunk('assets/form.js', { css: ['assets/form.css'], assets: ['assets/seal.svg'] }),
    'assets/admin.js': chunk('assets/admin.js', { css: ['assets/admin.css'] }),
    'assets/form.css': { type: 'asset', fileName: 'assets/form.css' },
    'assets/seal.svg': { type: 'asset', fileName: 'assets/seal.svg' },
    'assets/admin.css': { type: 'asset', fileName: 'assets/admin.css' },
  } as unknown as Rollup.OutputBundle;

  it('are the page, its entry and everything it loads, eagerly or lazily, and nothing only the office uses', () => {
    expect([...pageFiles(bundle, 'survey.html')].sort()).toEqual([
      'assets/form.css',
      'assets/form.js',
      'assets/react.js',
      'assets/seal.svg',
      'assets/survey.js',
      'survey.html',
    ]);
  });
});
