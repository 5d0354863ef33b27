// Call-backs (回访) on a rectification's ledger: a case closes only when every entry still marked open
// has been called back or the admin has said why it need not be.

export interface LedgerEntryFacts {
  id: number;
  status: 'open' | 'resolved';
  callbacks: number;
  waiver: string | null;
}

/** The open entries with neither a call-back nor a stated reason, given the reasons stated now. */
export function entriesBlockingClose(entries: readonly LedgerEntryFacts[], newWaivers: ReadonlyMap<number, string> = new Map()): number[] {
  return entries.filter((e) => e.status === 'open' && e.callbacks === 0 && !e.waiver && !newWaivers.get(e.id)).map((e) => e.id);
}

export interface CallbackResult {
  reached: boolean;
  solved: boolean | null;
  satisfied: boolean | null;
}
export interface CallbackTally {
  entries: number;
  calledBack: number;
  reached: number;
  solved: number;
  satisfied: number;
}

/** What the call-backs found, entry by entry by the latest call (a later call supersedes an unanswered one). */
export function callbackTally(entries: readonly { callbacks: readonly CallbackResult[] }[]): CallbackTally {
  const latest = entries.map((e) => e.callbacks.at(-1)).filter((c): c is CallbackResult => !!c);
  return {
    entries: entries.length,
    calledBack: latest.length,
    reached: latest.filter((c) => c.reached).length,
    solved: latest.filter((c) => c.solved === true).length,
    satisfied: latest.filter((c) => c.satisfied === true).length,
  };
}
