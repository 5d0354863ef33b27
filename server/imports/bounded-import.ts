// Reads an uploaded spreadsheet off the event loop, within bounds: the worker has its own small heap
// (a file that would need more is refused and the worker replaced; the server carries on), a time
// limit, and one import runs at a time; a worker that read a large file is replaced too. Any import (the enterprise registry, cadres…) passes its row
// check as a processor module that runs in the worker too.
import { Worker } from 'node:worker_threads';
import { AppError, Invalid } from '../errors.ts';
import type { WorkerJob, WorkerOutput } from './import.worker.ts';
import { DEFAULT_TABLE_LIMITS, type TableLimits } from './table-limits.ts';
import type { RawTable } from './table-reader.ts';

/** The largest upload (shared with the import pages); checked while the upload streams in (multipart limit), before anything is parsed. */
export { MAX_IMPORT_BYTES } from '#shared/import-limits.ts';
const WORKER_HEAP_MB = 192;
const TIME_LIMIT_MS = 120_000;
const IDLE_MS = 60_000;
/** A worker that has read a file this large is not kept: its heap grew with the file (~150 MB for the largest). */
const KEEP_WARM_BELOW_BYTES = 1024 * 1024;
const MAX_WAITING = 4;
const WORKER_URL = new URL('./import.worker.ts', import.meta.url);
// The worker is TypeScript: tsx's loader is registered inside it, whatever started this process.
const TSX_API = import.meta.resolve('tsx/esm/api');
const BOOT = `import(${JSON.stringify(TSX_API)}).then((t) => { t.register(); return import(${JSON.stringify(WORKER_URL.href)}); })`;

export interface ImportOptions {
  limits?: Partial<TableLimits>;
  /** Module URL (import.meta.resolve) exporting processTable(table: RawTable, options). */
  processor?: { module: string; options: unknown };
}

let worker: { thread: Worker; ready: Promise<void> } | null = null;
let idleTimer: NodeJS.Timeout | undefined;
let queue: Promise<unknown> = Promise.resolve();
let waiting = 0;
let nextId = 1;

function startWorker() {
  const thread = new Worker(BOOT, {
    eval: true,
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: 16 },
    execArgv: [],
  });
  thread.unref();
  const ready = new Promise<void>((resolve, reject) => {
    thread.once('message', () => resolve());
    thread.once('error', reject);
    thread.once('exit', (code) => reject(new Error(`import worker exited with code ${code}`)));
  });
  const handle = { thread, ready };
  thread.on('exit', () => {
    if (worker === handle) worker = null;
  });
  return handle;
}

/** Ends the warm worker, if any: the next import starts one that sees the process's environment as it is then (tests set TMPDIR). */
export function stopImportWorker(): void {
  void stopWorker();
}

function stopWorker(): Promise<unknown> {
  const w = worker;
  worker = null;
  return w ? w.thread.terminate() : Promise.resolve();
}

/**
 * The table (or the processor's result) of an uploaded file; refusals are 422 naming the row and column.
 * Takes `data` over: a Buffer that owns its whole memory is moved to the worker and reads empty afterwards.
 */
export async function readUpload<T = RawTable>(filename: string, data: Buffer, opts: ImportOptions = {}): Promise<T> {
  if (waiting >= MAX_WAITING) throw new AppError(429, 'rate_limited', 'Other imports are running; please try again in a minute');
  waiting++;
  const run = queue
    .then(() => runJob<T>(filename, data, opts))
    .finally(() => {
      waiting--;
    });
  queue = run.catch(() => undefined);
  return run;
}

async function runJob<T>(filename: string, data: Buffer, opts: ImportOptions): Promise<T> {
  clearTimeout(idleTimer);
  const bytes = data.byteLength;
  worker ??= startWorker();
  const { thread, ready } = worker;
  await ready;
  // The worker gets the upload's memory itself when the Buffer is the whole of it (a large upload is):
  // handed over, not copied, so the file is in memory once. A small Buffer may be a slice of a shared pool: copied.
  const whole = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength && data.buffer instanceof ArrayBuffer;
  const copy = whole ? new Uint8Array(data.buffer as ArrayBuffer) : Uint8Array.from(data);
  const job: WorkerJob = {
    id: nextId++,
    filename,
    data: copy,
    limits: { ...DEFAULT_TABLE_LIMITS, ...opts.limits },
    ...(opts.processor ? { processor: opts.processor } : {}),
  };
  try {
    return await new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        void stopWorker();
        reject(new Invalid('The file took too long to read; split it into smaller files', undefined, 'file_too_complex'));
      }, TIME_LIMIT_MS);
      const cleanup = () => {
        clearTimeout(timer);
        thread.off('message', onMessage);
        thread.off('error', onError);
        thread.off('exit', onExit);
      };
      const chunks = new Map<string, unknown[]>();
      const onMessage = (out: WorkerOutput) => {
        if (out.id !== job.id) return;
        if ('chunk' in out) {
          const list = chunks.get(out.chunk.field) ?? [];
          for (const item of out.chunk.items) list.push(item);
          chunks.set(out.chunk.field, list);
          return;
        }
        cleanup();
        if (out.ok) resolve({ ...(out.result as object), ...Object.fromEntries(chunks) } as T);
        else reject(new Invalid(out.error.message, out.error.details, out.error.code));
      };
      const onError = (err: Error & { code?: string }) => {
        cleanup();
        void stopWorker();
        reject(
          err.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new Invalid(
                'The file needs more memory to read than an import may use (very long cells, or a compressed bomb); split or simplify it',
                undefined,
                'file_too_complex',
              )
            : err,
        );
      };
      const onExit = (code: number) => {
        cleanup();
        reject(new Error(`import worker exited with code ${code}`));
      };
      thread.on('message', onMessage);
      thread.once('error', onError);
      thread.once('exit', onExit);
      thread.postMessage(job, [copy.buffer]);
    });
  } finally {
    clearTimeout(idleTimer);
    // After a large file the worker ends at once, so its memory goes back to the system before the
    // import writes anything: the reading and the writing of one import do not add up. After a small
    // one it is kept warm for the next import, and its memory given back when none came for a minute.
    if (bytes >= KEEP_WARM_BELOW_BYTES) await stopWorker();
    else idleTimer = setTimeout(stopWorker, IDLE_MS).unref();
  }
}
