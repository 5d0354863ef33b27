// Call-backs (回访) on a rectification's ledger: a case closes only when every entry still marked open
// has been called back or the admin has said why it need not be.

export interface LedgerEntryFacts { id: number; status: 'open' | 'resolved'; callbacks: number; waiver: string | null }

/** The open entries with neither a call-back nor a stated reason, given the reasons stated now. */
export function entriesBlockingClose(entries: readonly LedgerEntryFacts[], newWaivers: ReadonlyMap<number, string> = new Map()): number[] {
  return entries
    .filter((e) => e.status === 'open' && e.callbacks === 0 && !e.waiver && !newWaivers.get(e.id))
    .map((e) => e.id);
}
