// Did the rectification work? The flagged round's result against the next published round's.
import { rankChange, type RankChange } from '#shared/charts/ranking.ts';
import type { CaseSummary } from '#shared/schemas/rectification.ts';

export type Outcome =
  /** No later round has been published yet. */
  | { kind: 'pending' }
  | {
      kind: 'compared';
      /** The rank move from the flagged round to the next (rank 1 is best). */
      change: RankChange;
      /** Score difference (next minus flagged), null when either has no score. */
      meanDelta: number | null;
      /** Still in the bottom in the next round. */
      stillFlagged: boolean;
    };

export function outcomeOf(c: Pick<CaseSummary, 'before' | 'after'>): Outcome {
  if (!c.after) return { kind: 'pending' };
  const before = c.before;
  return {
    kind: 'compared',
    change: rankChange(c.after.rank, before?.rank ?? null),
    meanDelta: c.after.mean !== null && before?.mean !== null && before?.mean !== undefined ? c.after.mean - before.mean : null,
    stillFlagged: c.after.flagged,
  };
}
