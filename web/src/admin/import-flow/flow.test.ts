import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '#shared/import-limits.ts';
import { blockedBy, importFlow, initialFlow, tooLarge, type ImportEvent, type ImportFlow } from './flow.ts';

type R = { errors: string[]; n: number };
const file = { name: 'a.csv', size: 10 } as File;
const run = (events: ImportEvent<R>[], from: ImportFlow<R> = initialFlow<R>()) => events.reduce(importFlow<R>, from);

describe('the import flow', () => {
  it('shows the newest check only: a late answer to an older one is dropped', () => {
    const s = run([
      { type: 'choose', file, check: 1 },
      { type: 'checkStarted', check: 2 },
      { type: 'checkStarted', check: 3 },
      { type: 'checked', check: 3, result: { errors: [], n: 3 } },
      { type: 'checked', check: 2, result: { errors: [], n: 2 } },
    ]);
    expect(s.result?.n).toBe(3);
    expect(s.checking).toBe(false);
  });

  it('drops a check that answers after the import started', () => {
    const s = run([
      { type: 'choose', file, check: 1 },
      { type: 'checkStarted', check: 2 },
      { type: 'checked', check: 2, result: { errors: [], n: 1 } },
      { type: 'checkStarted', check: 3 },
      { type: 'applyStarted', check: 4 },
      { type: 'checked', check: 3, result: { errors: ['late'], n: 9 } },
    ]);
    expect(s.result?.n).toBe(1);
    expect(s.applying).toBe(true);
  });

  it('keeps what was shown when a re-check with new options fails, and clears it when the first check fails', () => {
    const base = run([
      { type: 'choose', file, check: 1 },
      { type: 'checkStarted', check: 2 },
      { type: 'checked', check: 2, result: { errors: [], n: 1 } },
    ]);
    const recheck = run(
      [
        { type: 'checkStarted', check: 3 },
        { type: 'checkFailed', check: 3, error: 'offline', keepResult: true },
      ],
      base,
    );
    expect(recheck.result?.n).toBe(1);
    expect(recheck.problem).toBe('offline');
    const first = run([
      { type: 'choose', file, check: 1 },
      { type: 'checkStarted', check: 2 },
      { type: 'checkFailed', check: 2, error: 'bad', keepResult: false },
    ]);
    expect(first.result).toBeNull();
    expect(first.problem).toBe('bad');
  });

  it('shows the refused rows when the import is refused, and the success once saved', () => {
    const started = run([
      { type: 'choose', file, check: 1 },
      { type: 'applyStarted', check: 2 },
    ]);
    const refused = importFlow(started, { type: 'refused', result: { errors: ['row 3'], n: 1 } });
    expect(refused).toMatchObject({ applying: false, applyFailed: true, result: { errors: ['row 3'] } });
    expect(importFlow(started, { type: 'applied', result: { errors: [], n: 5 } }).applied?.n).toBe(5);
    // A new check clears the refusal notice.
    expect(importFlow(refused, { type: 'checkStarted', check: 3 }).applyFailed).toBe(false);
  });

  it('starts over on a new file or a restart', () => {
    const done = run([
      { type: 'choose', file, check: 1 },
      { type: 'applyStarted', check: 2 },
      { type: 'applied', result: { errors: [], n: 5 } },
    ]);
    expect(run([{ type: 'restart', check: 3 }], done)).toEqual({ ...initialFlow<R>(), check: 3 });
    const other = { name: 'b.csv', size: 5 } as File;
    expect(run([{ type: 'choose', file: other, check: 3 }], done)).toMatchObject({ file: other, applied: null, result: null });
  });

  it('blocks the import for rows with errors or nothing to save', () => {
    expect(blockedBy(null, 0)).toBeNull();
    expect(blockedBy({ errors: ['x'] }, 5)).toBe('errors');
    expect(blockedBy({ errors: [] }, 0)).toBe('nothing');
    expect(blockedBy({ errors: [] }, 1)).toBeNull();
  });

  it('refuses a file over the server limit before sending it', () => {
    expect(tooLarge({ size: MAX_IMPORT_BYTES })).toBe(false);
    expect(tooLarge({ size: MAX_IMPORT_BYTES + 1 })).toBe(true);
  });
});
