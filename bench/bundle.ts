// Figure 4: what the browser downloads. Builds the web app into a temporary folder (web/dist is left
// alone: others use it), with Vite's manifest from the command line; falls back to web/dist as it is.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { errorText, log, now, tempDir } from './util.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WEB_DIST = join(ROOT, 'web', 'dist');

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface PageWeight {
  files: string[];
  rawBytes: number;
  gzipBytes: number;
}
export interface BundleFigures {
  source: string;
  buildMs: number | null;
  survey: PageWeight;
  dashboard: PageWeight;
  all: PageWeight;
}

function weigh(dir: string, files: Iterable<string>): PageWeight {
  const list = [...new Set(files)].sort();
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const f of list) {
    const buf = readFileSync(join(dir, f));
    rawBytes += buf.length;
    gzipBytes += gzipSync(buf, { level: 9 }).length;
  }
  return { files: list, rawBytes, gzipBytes };
}

/** Files a page loads from the manifest: the chunks' static-import closure and their CSS. */
function fromManifest(manifest: Manifest, keys: string[]): string[] {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const c = manifest[key];
    if (!c) return;
    files.add(c.file);
    for (const css of c.css ?? []) files.add(css);
    for (const i of c.imports ?? []) visit(i);
  };
  keys.forEach(visit);
  return [...files];
}

/** Without a manifest: the entry from index.html, then static imports read from the minified chunks. */
function fromChunks(dist: string, roots: RegExp[]): string[] {
  const assets = readdirSync(join(dist, 'assets'));
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const fromHtml = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  const files = new Set<string>(fromHtml);
  const queue = [...fromHtml.filter((f) => f.endsWith('.js'))];
  for (const re of roots) for (const a of assets) if (re.test(a)) queue.push(`assets/${a}`);
  while (queue.length) {
    const f = queue.pop()!;
    files.add(f);
    if (!f.endsWith('.js')) continue;
    const stem = f.slice(7).replace(/-[^-]+\.js$/, '');
    for (const a of assets) if (a.endsWith('.css') && a.replace(/-[^-]+\.css$/, '') === stem) files.add(`assets/${a}`);
    const text = readFileSync(join(dist, f), 'utf8');
    // Static imports only: `import"./x.js"` or `from"./x.js"`; `import("./x.js")` is lazy.
    for (const m of text.matchAll(/(?:\bfrom|\bimport)\s*["']\.\/([^"']+\.js)["']/g)) {
      const dep = `assets/${m[1]}`;
      if (!files.has(dep)) queue.push(dep);
    }
  }
  return [...files];
}

const keyOf = (manifest: Manifest, re: RegExp) => Object.keys(manifest).filter((k) => re.test(k));

function measure(dist: string, source: string, buildMs: number | null): BundleFigures {
  const manifestFile = join(dist, '.vite', 'manifest.json');
  const everything = readdirSync(join(dist, 'assets'))
    .filter((a) => /\.(js|css)$/.test(a))
    .map((a) => `assets/${a}`);
  if (existsSync(manifestFile)) {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
    const entries = Object.keys(manifest).filter((k) => manifest[k]!.isEntry);
    return {
      source,
      buildMs,
      survey: weigh(dist, fromManifest(manifest, [...entries, ...keyOf(manifest, /SurveyApp\.tsx$/)])),
      // The dashboard route: the app's entry (not the survey's), the admin app and the dashboard page with their
      // static imports; the ranking, the progress tables and the charts load after the first screen.
      dashboard: weigh(
        dist,
        fromManifest(manifest, [
          ...entries.filter((k) => !/survey/.test(k)),
          ...keyOf(manifest, /AdminApp\.tsx$/),
          ...keyOf(manifest, /DashboardPage\.tsx$/),
        ]),
      ),
      all: weigh(dist, everything),
    };
  }
  return {
    source,
    buildMs,
    survey: weigh(dist, fromChunks(dist, [/^SurveyApp-.*\.js$/])),
    dashboard: weigh(dist, fromChunks(dist, [/^AdminApp-.*\.js$/, /^Dashboard.*\.js$/])),
    all: weigh(dist, everything),
  };
}

/** keep: the fresh build stays for the delivery figure (bench/delivery.ts), which removes it. */
export function benchBundle(opts: { keep?: boolean } = {}): BundleFigures & { kept?: { path: string; remove: () => void } } {
  const out = tempDir('pingyi-bench-dist-');
  let kept = false;
  try {
    log('building the web app into a temporary folder (vite build --manifest)');
    const t = now();
    const res = spawnSync(
      process.execPath,
      [
        join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'),
        'build',
        '--outDir',
        out.path,
        '--emptyOutDir',
        '--manifest',
        '--logLevel',
        'error',
      ],
      { cwd: ROOT, encoding: 'utf8', timeout: 240_000 },
    );
    const buildMs = now() - t;
    if (res.status === 0 && existsSync(join(out.path, '.vite', 'manifest.json'))) {
      const figures = measure(out.path, 'fresh `vite build` (temporary folder)', buildMs);
      kept = !!opts.keep;
      return kept ? { ...figures, kept: out } : figures;
    }
    const why = errorText(res.error ?? (res.stderr || res.stdout || `exit ${res.status}`).replace(/\x1b\[[0-9;]*m/g, ''));
    log(`vite build failed (${why}); measuring web/dist as it is`);
    if (!existsSync(join(WEB_DIST, 'index.html'))) throw new Error(`vite build failed and there is no web/dist: ${why}`);
    const built = statSync(join(WEB_DIST, 'index.html')).mtime.toISOString().slice(0, 16).replace('T', ' ');
    return measure(WEB_DIST, `web/dist as found (built ${built} UTC; a fresh build failed: ${why})`, null);
  } finally {
    if (!kept) out.remove();
  }
}
