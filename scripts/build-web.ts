// `npm start`'s build step: builds the web app only when its sources changed since the last build, and
// never pulls files from under a running server. A new build goes to a scratch folder first; its hashed
// files are added beside the old ones (pages already open keep loading theirs), index.html is swapped in
// by rename, and only files from builds before the previous one are removed.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { setPriority } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'web', 'dist');
const STAMP = join(DIST, '.build.json');
/** What the bundle is made from: change one and the next start rebuilds. */
const INPUTS = ['web', 'shared', 'vite.config.ts', 'scripts/precompress.ts', 'package-lock.json', 'tsconfig.json'];
const SKIP = /^web\/(?:dist|\.build-)/;

interface Stamp {
  inputs: string;
  files: string[];
  previous: string[];
}

function listFiles(dir: string, base = dir): string[] {
  if (!existsSync(dir)) return [];
  if (statSync(dir).isFile()) return [relative(base, dir)];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    return e.isDirectory() ? listFiles(path, base) : [relative(base, path)];
  });
}

export function sourcesHash(root = ROOT): string {
  const hash = createHash('sha256');
  const files = INPUTS.flatMap((input) => listFiles(join(root, input), root))
    .filter((f) => !SKIP.test(f))
    .sort();
  for (const f of files)
    hash
      .update(`${f}\0`)
      .update(readFileSync(join(root, f)))
      .update('\0');
  return hash.digest('hex');
}

function readStamp(): Stamp | null {
  try {
    return JSON.parse(readFileSync(STAMP, 'utf8')) as Stamp;
  } catch {
    return null;
  }
}

function install(scratch: string, inputs: string) {
  const stamp = readStamp();
  const before = listFiles(DIST).filter((f) => f !== '.build.json');
  const files = listFiles(scratch);
  const pages = files.filter((f) => !f.startsWith('assets/'));
  for (const f of files.filter((x) => x.startsWith('assets/'))) {
    const target = join(DIST, f);
    if (existsSync(target)) continue; // same name, same content: the name is its hash
    mkdirSync(dirname(target), { recursive: true });
    renameSync(join(scratch, f), target);
  }
  // Compressed copies first, the plain page last: whichever a browser gets names files that exist.
  for (const f of pages.sort((a, b) => Number(a.endsWith('.html')) - Number(b.endsWith('.html')))) {
    mkdirSync(dirname(join(DIST, f)), { recursive: true });
    renameSync(join(scratch, f), join(DIST, f));
  }
  const previous = stamp ? stamp.files : before;
  const keep = new Set([...files, ...previous]);
  for (const f of before) if (!keep.has(f)) unlinkSync(join(DIST, f));
  writeFileSync(STAMP, JSON.stringify({ inputs, files, previous: previous.filter((f) => !files.includes(f)) } satisfies Stamp));
}

/** Forgets the last build's stamp, so that the next start builds again, as on a fresh clone (the benchmark's). */
export const forgetWebBuild = () => rmSync(STAMP, { force: true });

/**
 * Builds the web app if its sources changed since the last build; resolves when `web/dist` is current.
 * Vite runs in a child process, so a caller can do other work (open and seed the database) meanwhile.
 */
export async function ensureWebBuild(): Promise<void> {
  const inputs = sourcesHash();
  if (readStamp()?.inputs === inputs && existsSync(join(DIST, 'index.html'))) return;
  const scratchName = `.build-${process.pid}`;
  const scratch = join(ROOT, 'web', scratchName);
  try {
    const child = spawn(
      process.execPath,
      [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--outDir', scratchName, '--emptyOutDir', '--logLevel', 'warn'],
      { cwd: ROOT, stdio: 'inherit' },
    );
    // At a lower priority: the build has time while the demo is seeded, which takes longer and runs on one
    // thread, and Vite's threads (started after this, so they inherit it) would otherwise take turns with it.
    try {
      if (child.pid) setPriority(child.pid, 10);
    } catch {
      // it has exited already: its exit code tells
    }
    const code = await new Promise<number | string>((resolve, reject) => {
      child.on('error', reject);
      child.on('exit', (status, signal) => resolve(status ?? signal ?? 'unknown'));
    });
    if (code !== 0) throw new Error(`The web app did not build (vite exited with ${code}).`);
    mkdirSync(DIST, { recursive: true });
    install(scratch, inputs);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  ensureWebBuild().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
