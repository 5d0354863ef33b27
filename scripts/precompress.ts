// Brotli and gzip copies of every text file a build writes, made once at build time so the server only
// picks the copy the browser accepts (server/web/static.ts) and never compresses on a request.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin, Rollup } from 'vite';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);
const TEXT = /\.(?:js|mjs|css|html|svg|json|txt|map|webmanifest)$/;

async function* textFiles(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* textFiles(path);
    else if (TEXT.test(entry.name)) yield path;
  }
}

/**
 * Writes `<file>.br` and `<file>.gz` beside every text file under `dir`. Brotli's best quality (11) only for
 * the files `best` names (paths relative to `dir`; all when not given): it takes 2.5 times as long as quality
 * 10 for 2 % fewer bytes, which counts on the enterprise's phone and not on the office's network, and a fresh
 * `npm start` builds while it seeds the demo.
 */
export async function precompressDir(dir: string, best?: ReadonlySet<string>): Promise<number> {
  const jobs: Promise<void>[] = [];
  for await (const path of textFiles(dir)) {
    const quality = !best || best.has(relative(dir, path)) ? 11 : 10;
    jobs.push(
      (async () => {
        const raw = await readFile(path);
        const [br, gzipped] = await Promise.all([
          brotli(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
          gz(raw, { level: 9 }),
        ]);
        await Promise.all([writeFile(`${path}.br`, br), writeFile(`${path}.gz`, gzipped)]);
      })(),
    );
  }
  await Promise.all(jobs);
  return jobs.length;
}

/** The files a page loads: its HTML, and every chunk, stylesheet and asset its entry reaches, lazily loaded ones too. */
export function pageFiles(bundle: Rollup.OutputBundle, page: string): Set<string> {
  const files = new Set([page]);
  const visit = (name: string) => {
    const file = bundle[name];
    if (!file || files.has(name)) return;
    files.add(name);
    if (file.type === 'chunk')
      for (const next of [
        ...file.imports,
        ...file.dynamicImports,
        ...(file.viteMetadata?.importedCss ?? []),
        ...(file.viteMetadata?.importedAssets ?? []),
      ])
        visit(next);
  };
  for (const [name, file] of Object.entries(bundle))
    if (file.type === 'chunk' && file.isEntry && file.facadeModuleId?.endsWith(`/${page}`)) visit(name);
  return files;
}

/** `bestFor`: the page whose files get Brotli's best quality (the enterprise's survey page). */
export function precompress(bestFor: string): Plugin {
  let outDir = '';
  let best = new Set<string>();
  return {
    name: 'pingyi-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      outDir = options.dir ?? outDir;
      best = pageFiles(bundle, bestFor);
    },
    async closeBundle() {
      if (outDir) await precompressDir(outDir, best);
    },
  };
}
