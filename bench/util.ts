// Small helpers shared by the figures: timing, percentiles, formatting, temp folders, the machine.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export const now = () => performance.now();

/** Nearest-rank percentile of a list of numbers (p in 0..100). */
export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}
export const median = (values: readonly number[]) => percentile(values, 50);

/**
 * The same single-threaded work on every run (SHA-256 of 64 MB, JSON.parse of 3 MB), timed: median of five,
 * in ms. Both are native code, so the figure does not depend on how far V8 has compiled this function (an
 * integer loop here first read 180 ms on its first two calls and 70 ms from the third). A host that lends
 * its cores to others makes it slower as it makes every figure slower, CPU per request included, and the
 * load average inside the machine does not show it: this does.
 */
export function machineSpeedMs(): number {
  const data = Buffer.alloc(64 * 1024 * 1024, 7);
  const json = JSON.stringify(Array.from({ length: 50_000 }, (_, i) => ({ i, name: `item ${i}`, share: i / 7 })));
  const runs: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t = now();
    createHash('sha256').update(data).digest();
    JSON.parse(json);
    runs.push(now() - t);
  }
  return median(runs);
}

/** Times `fn` `runs` times (after `warmup` untimed runs); returns every run's milliseconds. */
export async function timeRuns(runs: number, fn: () => Promise<unknown>, warmup = 0): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = now();
    await fn();
    out.push(now() - t);
  }
  return out;
}

export const ms = (v: number) => (Number.isFinite(v) ? (v >= 100 ? `${v.toFixed(0)} ms` : `${v.toFixed(1)} ms`) : '—');
/** Two decimals below 10 ms: CPU per request, where a tenth of a millisecond is a fifth of the target. */
export const msFine = (v: number) => (Number.isFinite(v) && v < 10 ? `${v.toFixed(2)} ms` : ms(v));
export const rate = (v: number) => (Number.isFinite(v) ? `${v.toFixed(0)}/s` : '—');
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
export const ratio = (v: number) => (Number.isFinite(v) ? `${v.toFixed(2)}×` : '—');

export function tempDir(prefix: string): { path: string; remove: () => void } {
  const path = mkdtempSync(join(os.tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export function machine() {
  const cpus = os.cpus();
  return {
    node: process.version,
    cpu: cpus[0]?.model.trim() ?? 'unknown CPU',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    platform: `${os.platform()} ${os.release()} (${os.arch()})`,
  };
}

export const log = (line: string) => console.log(`[bench] ${line}`);

/** One row of the final table. Cells are already formatted; `ok` is judged against the target. */
export interface Row {
  metric: string;
  pg: string;
  pglite: string;
  target: string;
  ok: string;
}

/** "yes"/"NO" for PostgreSQL, with PGlite's verdict beside it when it has a figure too. */
export function verdict(pg: boolean | null, pglite: boolean | null = null): string {
  const word = (b: boolean) => (b ? 'yes' : 'NO');
  if (pg === null && pglite === null) return '—';
  if (pglite === null) return word(pg!);
  if (pg === null) return `PGlite ${word(pglite)}`;
  return `${word(pg)} (PGlite ${word(pglite)})`;
}

export const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err)).split('\n')[0]!.slice(0, 160);
