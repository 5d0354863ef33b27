// Figure 6: the registry import of the largest file an import accepts (200,000 rows), as an admin
// uploads it: preview (read in the import worker, every row checked) and apply (all or nothing, in one
// transaction), first as a CSV (every row new), then the same rows as an .xlsx (every row an update).
// Rows per second of wall time, and the peak memory growth of each import: every upload runs in a
// server process of its own (bench/import-step.ts: the app started, the worker warm, the file read,
// then the baseline), so no step's growth hides in memory an earlier step took and kept.
// Standalone: `npx tsx bench/import.ts` (PGlite; and PostgreSQL when DATABASE_URL is set).
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { generateDemoEnterprises, INDUSTRIES } from '#shared/demo/enterprises.ts';
import { SIZE_CLASSES } from '#shared/vocabulary/size-classes.ts';
import type { DatabaseTarget } from '#server/db/client.ts';
import { createScratchDatabase } from './db.ts';
import { log, now, tempDir } from './util.ts';

/** The largest file an import accepts (DEFAULT_TABLE_LIMITS.maxRows); IMPORT_BENCH_ROWS overrides it for a quick run. */
export const IMPORT_ROWS = Number(process.env.IMPORT_BENCH_ROWS ?? 200_000);
const HEADER = ['统一社会信用代码', '企业名称', '行业', '企业规模', '乡镇', '联系人', '联系电话'];

export interface ImportStep {
  what: string;
  rows: number;
  ms: number;
  peakMb: number;
  rssBeforeMb: number;
  peakRssMb: number;
  status: number;
  summary: string;
  /** The main thread's own share of the growth: its JS heap, and memory outside it (Buffers, the PGlite WASM heap). */
  heapMb: number;
  externalMb: number;
}
export interface ImportFigures {
  csvBytes: number;
  xlsxBytes: number;
  steps: ImportStep[];
}

function table(rows: number): string[][] {
  const industry = new Map(INDUSTRIES.map((i) => [i.key, i.zh]));
  const size = new Map(SIZE_CLASSES.map((s) => [s.key, s.zh]));
  return generateDemoEnterprises(rows, 'pingyi-bench-import').map((e) => [
    e.uscc,
    e.name,
    industry.get(e.industry)!,
    size.get(e.sizeClass)!,
    e.township,
    e.contactName,
    e.contactPhone,
  ]);
}

export function csvOf(rows: string[][]): Buffer {
  const quote = (c: string) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return Buffer.from(`\uFEFF${[HEADER, ...rows].map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`);
}

async function xlsxOf(rows: string[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('名录');
  sheet.addRow(HEADER);
  // The same enterprises, renamed, so that applying it updates every one of them.
  for (const r of rows) sheet.addRow([r[0], `${r[1]}（更名）`, ...r.slice(2)]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const run = promisify(execFile);

/** The kernel's count of this process's peak resident memory (Linux), reset to the current level with reset = true. */
function peakRss(reset = false): number | null {
  try {
    if (reset) writeFileSync('/proc/self/clear_refs', '5');
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/**
 * One upload, timed, with the process's resident memory sampled while it runs (and the kernel's peak
 * where it keeps one). The file is sent by curl, a process of its own, so the client's copies of it are
 * not counted as the server's.
 */
export async function upload(
  base: string,
  cookie: string,
  step: 'preview' | 'apply',
  file: string,
): Promise<Omit<ImportStep, 'what' | 'rows'>> {
  globalThis.gc?.();
  const start = process.memoryUsage();
  const before = start.rss;
  peakRss(true);
  let peak = before;
  let heap = start.heapUsed;
  let external = start.external;
  const sample = () => {
    const m = process.memoryUsage();
    peak = Math.max(peak, m.rss);
    heap = Math.max(heap, m.heapUsed);
    external = Math.max(external, m.external);
  };
  const sampler = setInterval(sample, 10);
  const t = now();
  try {
    const { stdout } = await run(
      'curl',
      ['-sS', '-H', `cookie: ${cookie}`, '-F', `file=@${file}`, '-w', '\n%{http_code}', `${base}/api/v1/enterprises/import/${step}`],
      { maxBuffer: 16 << 20 },
    );
    const ms = now() - t;
    const cut = stdout.lastIndexOf('\n');
    const res = { status: Number(stdout.slice(cut + 1)), ok: stdout.slice(cut + 1).startsWith('2') };
    const body = JSON.parse(stdout.slice(0, cut)) as {
      total?: number;
      creates?: number;
      updates?: number;
      errors?: unknown[];
      error?: { code: string; message: string };
    };
    sample();
    peak = Math.max(peak, peakRss() ?? 0);
    const summary = body.error
      ? `${body.error.code}: ${body.error.message}`
      : `${body.total} rows, ${body.creates} new, ${body.updates} updates, ${body.errors?.length} errors`;
    if (!res.ok) throw new Error(`${step} ${file}: ${res.status} ${summary}`);
    return {
      ms,
      peakMb: (peak - before) / 2 ** 20,
      rssBeforeMb: before / 2 ** 20,
      peakRssMb: peak / 2 ** 20,
      status: res.status,
      summary,
      heapMb: (heap - start.heapUsed) / 2 ** 20,
      externalMb: (external - start.external) / 2 ** 20,
    };
  } finally {
    clearInterval(sampler);
  }
}

const STEP_SCRIPT = new URL('./import-step.ts', import.meta.url).pathname;

/** One upload in a server process of its own, on the database the earlier steps left. */
async function stepInChild(
  database: DatabaseTarget,
  step: 'preview' | 'apply',
  file: string,
  warm: string,
): Promise<Omit<ImportStep, 'what' | 'rows'>> {
  const { stdout } = await run(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', STEP_SCRIPT, JSON.stringify({ database, step, file, warm })],
    { maxBuffer: 1 << 20 },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Omit<ImportStep, 'what' | 'rows'>;
}

export type ImportDatabase = { kind: 'pglite' } | { kind: 'postgres'; adminUrl: string; name: string };

export async function benchImport(db: ImportDatabase, rows = IMPORT_ROWS): Promise<ImportFigures> {
  const data = table(rows);
  const dir = tempDir('pingyi-bench-import-');
  const files = { csv: join(dir.path, 'registry.csv'), xlsx: join(dir.path, 'registry.xlsx'), warm: join(dir.path, 'warm.csv') };
  const csv = csvOf(data);
  const xlsx = await xlsxOf(data);
  writeFileSync(files.csv, csv);
  writeFileSync(files.xlsx, xlsx);
  writeFileSync(files.warm, csvOf(data.slice(0, 10)));
  const scratch = db.kind === 'postgres' ? await createScratchDatabase(db.adminUrl, db.name) : null;
  const database: DatabaseTarget = scratch ? { kind: 'postgres', url: scratch.url } : { kind: 'pglite', dataDir: join(dir.path, 'pgdata') };
  const steps: ImportStep[] = [];
  try {
    for (const [what, step, file] of [
      ['CSV preview', 'preview', files.csv],
      ['CSV apply (all new)', 'apply', files.csv],
      ['.xlsx preview', 'preview', files.xlsx],
      ['.xlsx apply (all updated)', 'apply', files.xlsx],
    ] as const) {
      const r = await stepInChild(database, step, file, files.warm);
      steps.push({ what, rows, ...r });
      log(`${what}: ${summariseStep({ what, rows, ...r })} (${r.summary})`);
    }
  } finally {
    await scratch?.drop();
    dir.remove();
  }
  return { csvBytes: csv.length, xlsxBytes: xlsx.length, steps };
}

export const rowsPerSecond = (s: ImportStep) => (s.rows / s.ms) * 1000;
export const summariseStep = (s: ImportStep) =>
  `${(s.ms / 1000).toFixed(1)} s, ${Math.round(rowsPerSecond(s)).toLocaleString('en')} rows/s, peak RSS ${s.peakRssMb.toFixed(0)} MB (+${s.peakMb.toFixed(0)} MB over the ${s.rssBeforeMb.toFixed(0)} MB before it; main thread's heap +${s.heapMb.toFixed(0)} MB, external +${s.externalMb.toFixed(0)} MB)`;
export const summarise = (f: ImportFigures) =>
  `${IMPORT_ROWS.toLocaleString('en')} rows (CSV ${(f.csvBytes / 2 ** 20).toFixed(1)} MB, .xlsx ${(f.xlsxBytes / 2 ** 20).toFixed(1)} MB): ` +
  f.steps.map((s) => `${s.what} ${summariseStep(s)}`).join('; ');

if (import.meta.url === `file://${process.argv[1]}`) {
  log(`1-minute load average: ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`);
  const targets: [string, ImportDatabase][] = [['PGlite', { kind: 'pglite' }]];
  if (process.env.DATABASE_URL)
    targets.unshift(['PostgreSQL', { kind: 'postgres', adminUrl: process.env.DATABASE_URL, name: `pingyi_bench_import_${process.pid}` }]);
  for (const [label, db] of targets) log(`${label}: ${summarise(await benchImport(db))}`);
  log(`1-minute load average at the end: ${os.loadavg()[0]!.toFixed(1)}`);
}
