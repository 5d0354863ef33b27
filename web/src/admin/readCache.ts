// A small cache of the reads a first screen shares: one request per key while it is in flight or for a
// few seconds after it answered. The prefetch started with the page (prefetch.ts), the auth check and every
// section asking for the same round then share one answer. Failures are never kept, and any write through
// api.ts empties the cache, so a page never shows what the user has just changed as it was before.
import { setWriteListener } from '../api.ts';

const FRESH_MS = 15_000;
type Entry = { promise: Promise<unknown>; answeredAt: number | null; value?: unknown };
const entries = new Map<string, Entry>();

setWriteListener(() => entries.clear());

/** The cached answer for `key`, or `load()`'s (not aborted by any one reader: others may share it). */
export function cachedRead<T>(key: string, load: () => Promise<T>): Promise<T> {
  const hit = entries.get(key);
  if (hit && (hit.answeredAt === null || Date.now() - hit.answeredAt < FRESH_MS)) return hit.promise as Promise<T>;
  const entry: Entry = { promise: load(), answeredAt: null };
  entries.set(key, entry);
  entry.promise.then(
    (value) => {
      entry.value = value;
      entry.answeredAt = Date.now();
    },
    () => {
      if (entries.get(key) === entry) entries.delete(key);
    },
  );
  return entry.promise as Promise<T>;
}

/**
 * The answers for `keys` when every one has arrived (and is fresh), else undefined: a page whose reads the
 * prefetch has already answered draws them in its first render instead of a skeleton first.
 */
export function answered<T extends unknown[]>(...keys: string[]): T | undefined {
  const values: unknown[] = [];
  for (const key of keys) {
    const hit = entries.get(key);
    if (!hit || hit.answeredAt === null || Date.now() - hit.answeredAt >= FRESH_MS) return undefined;
    values.push(hit.value);
  }
  return values as T;
}

/** Forgets everything (sign-in and sign-out: another person's reads). */
export function clearReads(): void {
  entries.clear();
}
