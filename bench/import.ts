// Figure 6: the registry import of 100,000 enterprises, as an admin uploads it: preview (read in the
// import worker, every row checked) and apply (all or nothing, in one transaction), first as a CSV
// (100,000 new enterprises), then the same rows as an .xlsx (100,000 updates). Rows per second of
// wall time, and the process's peak resident memory above its level before the upload (the worker
// thread's heap is part of the process), sampled every 10 ms, and the peak itself: memory a step freed
// is not always returned to the system, so a later step's growth can read low.
// Standalone: `npx tsx bench/import.ts` (PGlite; and PostgreSQL when DATABASE_URL is set).
import os from 'node:os';
import ExcelJS from 'exceljs';
import { generateDemoEnterprises, INDUSTRIES, SIZE_CLASSES } from '../shared/demo/enterprises.ts';
import { openPgliteTarget, openPostgresTarget, type Target } from './db.ts';
import { adminCookie, startApp } from './fixtures.ts';
import { log, now } from './util.ts';

export const IMPORT_ROWS = 100_000;
const HEADER = ['统一社会信用代码', '企业名称', '行业', '企业规模', '乡镇', '联系人', '联系电话'];

export interface ImportStep { what: string; rows: number; ms: number; peakMb: number; rssBeforeMb: number; peakRssMb: number; status: number; summary: string }
export interface ImportFigures { csvBytes: number; xlsxBytes: number; steps: ImportStep[] }

function table(rows: number): string[][] {
  const industry = new Map(INDUSTRIES.map((i) => [i.key, i.zh]));
  const size = new Map(SIZE_CLASSES.map((s) => [s.key, s.zh]));
  return generateDemoEnterprises(rows, 'pingyi-bench-import').map((e) => [
    e.uscc, e.name, industry.get(e.industry)!, size.get(e.sizeClass)!, e.township, e.contactName, e.contactPhone,
  ]);
}

function csvOf(rows: string[][]): Buffer {
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

/** One upload, timed, with the process's resident memory sampled while it runs. */
async function upload(base: string, cookie: string, step: 'preview' | 'apply', filename: string, data: Buffer): Promise<Omit<ImportStep, 'what' | 'rows'>> {
  globalThis.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 10);
  const t = now();
  try {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(data)]), filename);
    const res = await fetch(`${base}/api/v1/enterprises/import/${step}`, { method: 'POST', headers: { cookie }, body: form });
    const body = await res.json() as { total?: number; creates?: number; updates?: number; errors?: unknown[]; error?: { code: string; message: string } };
    const ms = now() - t;
    peak = Math.max(peak, process.memoryUsage().rss);
    const summary = body.error ? `${body.error.code}: ${body.error.message}` : `${body.total} rows, ${body.creates} new, ${body.updates} updates, ${body.errors?.length} errors`;
    if (!res.ok) throw new Error(`${step} ${filename}: ${res.status} ${summary}`);
    return { ms, peakMb: (peak - before) / 2 ** 20, rssBeforeMb: before / 2 ** 20, peakRssMb: peak / 2 ** 20, status: res.status, summary };
  } finally {
    clearInterval(sampler);
  }
}

export async function benchImport(target: Target, rows = IMPORT_ROWS): Promise<ImportFigures> {
  const data = table(rows);
  const csv = csvOf(data);
  const xlsx = await xlsxOf(data);
  const { app, base } = await startApp(target.database);
  const steps: ImportStep[] = [];
  try {
    const cookie = await adminCookie(target.database.db, base);
    // Warm the import worker (it starts once and stays warm), as on a server that has imported before.
    await upload(base, cookie, 'preview', 'warm.csv', csvOf(data.slice(0, 10)));
    for (const [what, step, name, file] of [
      ['CSV preview', 'preview', 'registry.csv', csv], ['CSV apply (all new)', 'apply', 'registry.csv', csv],
      ['.xlsx preview', 'preview', 'registry.xlsx', xlsx], ['.xlsx apply (all updated)', 'apply', 'registry.xlsx', xlsx],
    ] as const) {
      const r = await upload(base, cookie, step, name, file);
      steps.push({ what, rows, ...r });
      log(`${what}: ${summariseStep({ what, rows, ...r })} (${r.summary})`);
    }
  } finally {
    await app.close();
  }
  return { csvBytes: csv.length, xlsxBytes: xlsx.length, steps };
}

export const rowsPerSecond = (s: ImportStep) => (s.rows / s.ms) * 1000;
export const summariseStep = (s: ImportStep) => `${(s.ms / 1000).toFixed(1)} s, ${Math.round(rowsPerSecond(s)).toLocaleString('en')} rows/s, peak RSS ${s.peakRssMb.toFixed(0)} MB (+${s.peakMb.toFixed(0)} MB over the ${s.rssBeforeMb.toFixed(0)} MB before it)`;
export const summarise = (f: ImportFigures) =>
  `${IMPORT_ROWS.toLocaleString('en')} rows (CSV ${(f.csvBytes / 2 ** 20).toFixed(1)} MB, .xlsx ${(f.xlsxBytes / 2 ** 20).toFixed(1)} MB): `
  + f.steps.map((s) => `${s.what} ${summariseStep(s)}`).join('; ');

if (import.meta.url === `file://${process.argv[1]}`) {
  log(`1-minute load average: ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`);
  const targets: [string, () => Promise<Target>][] = [['PGlite', () => openPgliteTarget('pingyi-bench-import-')]];
  if (process.env.DATABASE_URL) targets.unshift(['PostgreSQL', () => openPostgresTarget(process.env.DATABASE_URL!, `pingyi_bench_import_${process.pid}`)]);
  for (const [label, open] of targets) {
    const target = await open();
    try {
      log(`${label}: ${summarise(await benchImport(target))}`);
    } finally {
      await target.cleanup();
    }
  }
  log(`1-minute load average at the end: ${os.loadavg()[0]!.toFixed(1)}`);
}
