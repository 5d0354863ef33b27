// The import worker: reads a file within the limits and, if asked, runs the domain's row check on the
// result, so neither the parsing nor the per-row validation of 200,000 rows runs on the event loop.
// It takes one job at a time and stays warm between small imports (bounded-import.ts ends it when idle, or
// after a large file).
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import type { TableLimits } from './table-limits.ts';
import { readTableFile, TableError } from './table-reader.ts';
import type { ErrorCode } from '#shared/errors.ts';

export interface WorkerJob {
  id: number;
  filename: string;
  data: Uint8Array;
  limits: TableLimits;
  /** A module exporting `processTable(table, options)`, run on the table inside the worker. */
  processor?: { module: string; options: unknown };
}
export type WorkerOutput =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: { code: ErrorCode; message: string; details?: unknown } }
  /** Part of a long array of the result, sent ahead of it: each message is a short task for the event loop. */
  | { id: number; chunk: { field: string; items: unknown[] } };

export const CHUNK = 5_000;

async function run(job: WorkerJob): Promise<WorkerOutput> {
  try {
    const table = await readTableFile(job.filename, job.data, job.limits);
    const result = job.processor
      ? await ((await import(job.processor.module)) as { processTable(t: unknown, o: unknown): unknown }).processTable(
          table,
          job.processor.options,
        )
      : table;
    return { id: job.id, ok: true, result };
  } catch (err) {
    return err instanceof TableError
      ? { id: job.id, ok: false, error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) } }
      : { id: job.id, ok: false, error: { code: 'unreadable_file', message: 'The file could not be read' } };
  }
}

/** The memory of the byte arrays among `items`: handed over to the main thread, not copied. */
function buffersOf(items: unknown[]): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const item of items) if (item instanceof Uint8Array && item.buffer instanceof ArrayBuffer) buffers.add(item.buffer);
  return [...buffers];
}

/** Sends the result, its long top-level arrays in chunks first, so the main thread never decodes 200,000 rows at once. */
function send(out: WorkerOutput) {
  if ('ok' in out && out.ok && out.result && typeof out.result === 'object') {
    const result = { ...(out.result as Record<string, unknown>) };
    const transfer: ArrayBuffer[] = [];
    for (const [field, value] of Object.entries(result)) {
      if (!Array.isArray(value)) continue;
      if (value.length <= CHUNK) {
        transfer.push(...buffersOf(value));
        continue;
      }
      for (let i = 0; i < value.length; i += CHUNK) {
        const items = value.slice(i, i + CHUNK);
        parentPort!.postMessage({ id: out.id, chunk: { field, items } }, buffersOf(items));
      }
      result[field] = [];
    }
    parentPort!.postMessage({ ...out, result }, transfer);
    return;
  }
  parentPort!.postMessage(out);
}

// The lowest scheduling priority for this thread alone (Linux applies it per thread): on a busy
// machine the server's own requests come first, the import takes what is left.
try {
  setPriority(19);
} catch {
  /* not permitted on this platform: the import simply shares the CPU */
}

parentPort!.on('message', (job: WorkerJob) => {
  void run(job).then(send);
});
parentPort!.postMessage({ ready: true });
