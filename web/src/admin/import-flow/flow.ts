// One import flow for every upload-check-import page (the registry, the cadre register): choose a
// file → check it (a preview; nothing saved) → import it, all or nothing. A pure state machine, so
// the order of answers (a late preview after a newer one, a refusal with its problems) is tested here.
import { MAX_IMPORT_BYTES } from '#shared/import-limits.ts';

/** What the page shows. `check` names the newest preview asked for: only its answer is kept. */
export interface ImportFlow<R> {
  file: File | null;
  result: R | null;
  checking: boolean;
  applying: boolean;
  /** An error to word above the form (a refused file, a lost connection), or undefined. */
  problem: unknown;
  /** The import was refused for the rows now shown in `result`. */
  applyFailed: boolean;
  applied: R | null;
  check: number;
}

export type ImportEvent<R> =
  | { type: 'choose'; file: File; check: number }
  | { type: 'checkStarted'; check: number }
  | { type: 'checked'; check: number; result: R }
  | { type: 'checkFailed'; check: number; error: unknown; keepResult: boolean }
  | { type: 'edited'; result: R }
  | { type: 'applyStarted'; check: number }
  | { type: 'applied'; result: R }
  | { type: 'refused'; result: R }
  | { type: 'applyFailed'; error: unknown }
  | { type: 'restart'; check: number };

export const tooLarge = (file: { size: number }) => file.size > MAX_IMPORT_BYTES;

/** The refusal shown when a file is over the limit (the same code the server answers with). */
export const TOO_LARGE = { status: 413, code: 'payload_too_large' } as const;

export function initialFlow<R>(): ImportFlow<R> {
  return { file: null, result: null, checking: false, applying: false, problem: undefined, applyFailed: false, applied: null, check: 0 };
}

export function importFlow<R>(state: ImportFlow<R>, event: ImportEvent<R>): ImportFlow<R> {
  switch (event.type) {
    case 'choose':
      // A new file: whatever the last one showed is gone, and any check still on its way is stale.
      return { ...initialFlow<R>(), file: event.file, check: event.check };
    case 'checkStarted':
      return { ...state, checking: true, problem: undefined, applyFailed: false, check: event.check };
    case 'checked':
      return event.check === state.check ? { ...state, result: event.result, checking: false } : state;
    case 'checkFailed':
      if (event.check !== state.check) return state;
      return { ...state, checking: false, problem: event.error, result: event.keepResult ? state.result : null };
    case 'edited':
      return { ...state, result: event.result };
    case 'applyStarted':
      return { ...state, applying: true, problem: undefined, check: event.check };
    case 'applied':
      return { ...state, applying: false, applied: event.result };
    case 'refused':
      return { ...state, applying: false, result: event.result, applyFailed: true };
    case 'applyFailed':
      return { ...state, applying: false, problem: event.error };
    case 'restart':
      return { ...initialFlow<R>(), check: event.check };
  }
}

/** Why "Import" is unavailable: rows with errors, or nothing to save; null when it may go. */
export function blockedBy(result: { errors: readonly unknown[] } | null, rowsToSave: number): 'errors' | 'nothing' | null {
  if (!result) return null;
  if (result.errors.length > 0) return 'errors';
  return rowsToSave === 0 ? 'nothing' : null;
}
