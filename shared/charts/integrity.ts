// What the 数据质量 panel, the robustness note beside P(倒数三位) and the 申诉 card show, computed from
// API data apart from the components that render it.
import type { AppealStatus } from '../appeals.ts';
import type { RobustnessView } from '../schemas/integrity.ts';

export type RobustnessLine = {
  variant: RobustnessView['variants'][number]['variant'];
  answersRemoved: number;
  /** 'none': nothing to remove; 'same': the bottom N stands; 'changes': it would differ. */
  outcome: 'none' | 'same' | 'changes';
  leaving: string[];
  entering: string[];
};

/** One line per recomputation, departments named; [] when the results carry no check. */
export function robustnessLines(robustness: RobustnessView | null, nameOf: (departmentId: number) => string): RobustnessLine[] {
  return (robustness?.variants ?? []).map((v) => ({
    variant: v.variant,
    answersRemoved: v.answersRemoved,
    outcome: v.answersRemoved === 0 ? 'none' : v.changes ? 'changes' : 'same',
    leaving: v.leaving.map(nameOf),
    entering: v.entering.map(nameOf),
  }));
}

/** Whether any recomputation would change the bottom N: the headline beside P(倒数三位). */
export const verdictStands = (lines: readonly RobustnessLine[]): boolean => lines.every((l) => l.outcome !== 'changes');

/** A department's appeal state for one round: none to file (not flagged), one to file, or the appeal's status. */
export function appealState(flagged: boolean, appeal: { status: AppealStatus } | undefined): 'not_flagged' | 'can_file' | AppealStatus {
  if (appeal) return appeal.status;
  return flagged ? 'can_file' : 'not_flagged';
}

/** The admin's queue: pending first (oldest first: decide in order of filing), then decided, newest first. */
export function appealQueue<A extends { status: AppealStatus; filedAt: string; id: number }>(appeals: readonly A[]): A[] {
  return [...appeals].sort((a, b) => {
    const pa = a.status === 'pending' ? 0 : 1;
    const pb = b.status === 'pending' ? 0 : 1;
    if (pa !== pb) return pa - pb;
    const byTime = a.filedAt.localeCompare(b.filedAt) || a.id - b.id;
    return pa === 0 ? byTime : -byTime;
  });
}
