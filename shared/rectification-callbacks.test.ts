import { describe, expect, it } from 'vitest';
import { callbackTally, entriesBlockingClose, type LedgerEntryFacts } from './rectification-callbacks.ts';

const entry = (o: Partial<LedgerEntryFacts> & { id: number }): LedgerEntryFacts => ({ status: 'open', callbacks: 0, waiver: null, ...o });

describe('closing a rectification case', () => {
  it('is blocked by an open entry with no call-back and no reason, only by that', () => {
    const entries = [
      entry({ id: 1 }), // blocks
      entry({ id: 2, callbacks: 1 }),
      entry({ id: 3, waiver: 'the enterprise has closed down' }),
      entry({ id: 4, status: 'resolved' }),
    ];
    expect(entriesBlockingClose(entries)).toEqual([1]);
    expect(entriesBlockingClose(entries, new Map([[1, 'moved away, no phone']]))).toEqual([]);
    expect(entriesBlockingClose(entries, new Map([[1, '']]))).toEqual([1]);
  });
});

describe('call-back tally', () => {
  it('counts each entry once, by its latest call', () => {
    const notReached = { reached: false, solved: null, satisfied: null };
    expect(
      callbackTally([
        { callbacks: [notReached, { reached: true, solved: true, satisfied: true }] },
        { callbacks: [notReached] },
        { callbacks: [{ reached: true, solved: true, satisfied: false }] },
        { callbacks: [] },
      ]),
    ).toEqual({ entries: 4, calledBack: 3, reached: 2, solved: 2, satisfied: 1 });
  });
});
