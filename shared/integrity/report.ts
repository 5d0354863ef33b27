// A round's integrity report: the signals (signals.ts), what each measured and its threshold, and
// whether the bottom N would change without the flagged answers, or without the straight-lined ones.
import { computeResults, type DepartmentRef } from '../results/compute.ts';
import type { ResultRules } from '../results/rules.ts';
import type { ScaleEntry } from '../results/scale.ts';
import { countsOf, type AnswerPattern } from './answers.ts';
import { describeSignal, type Text } from './describe.ts';
import { computeSignals, type Signal } from './signals.ts';
import { DEFAULT_INTEGRITY_THRESHOLDS, type IntegrityThresholds } from './thresholds.ts';

export const ROBUSTNESS_VARIANTS = ['without_flagged', 'without_straight_lined'] as const;
export type RobustnessVariant = (typeof ROBUSTNESS_VARIANTS)[number];

export type RobustnessResult = {
  variant: RobustnessVariant;
  answersRemoved: number;
  /** The bottom N recomputed without those answers, last one last. */
  flaggedDepartmentIds: number[];
  /** Whether the bottom N (as a set) differs from the published one. */
  changes: boolean;
  entering: number[];
  leaving: number[];
};

export type Robustness = { flaggedDepartmentIds: number[]; variants: RobustnessResult[] };

export type IntegrityReport = {
  answers: number;
  thresholds: IntegrityThresholds;
  signals: (Signal & { measured: Text; threshold: Text })[];
  /** Distinct answers touched by a raised answer-level signal (what without_flagged removes). */
  flaggedAnswers: number;
  robustness: Robustness;
};

export type IntegrityInput = {
  departments: readonly DepartmentRef[];
  answers: readonly AnswerPattern[];
  rules: Pick<ResultRules, 'minRatings' | 'bottomN'>;
  scale: readonly ScaleEntry[];
  thresholds?: IntegrityThresholds;
};

/** The bottom N from answers: the ranking rule of computeResults (one simulation run: only the ranks matter here). */
function bottomOf(input: IntegrityInput, answers: readonly AnswerPattern[]): number[] {
  const { counts, votes } = countsOf(answers);
  return computeResults({
    rules: { ...input.rules, simulations: 1 },
    departments: input.departments,
    counts,
    votes,
    scale: input.scale,
    simulationSeed: 'robustness',
  }).flaggedDepartmentIds;
}

function prepare(input: IntegrityInput) {
  const thresholds = input.thresholds ?? DEFAULT_INTEGRITY_THRESHOLDS;
  // Only departments of the round count; a rating for another would be a storage error, not a signal.
  const ids = new Set(input.departments.map((d) => d.id));
  const answers = input.answers.map((a) => ({
    ...a,
    ratings: Object.fromEntries(Object.entries(a.ratings).filter(([id]) => ids.has(Number(id)))),
    votes: a.votes.filter((id) => ids.has(id)),
  }));
  return { thresholds, answers, ...computeSignals(input.departments, answers, thresholds) };
}

/** The answers a robustness variant keeps: what a correction after an upheld appeal is computed from. */
export function answersWithout(variant: RobustnessVariant, input: IntegrityInput): { kept: AnswerPattern[]; removed: number } {
  const { answers, flagged, straightLined } = prepare(input);
  const drop = variant === 'without_flagged' ? flagged : straightLined;
  return { kept: answers.filter((a) => !drop(a)), removed: answers.filter(drop).reduce((s, a) => s + a.count, 0) };
}

export function integrityReport(input: IntegrityInput): IntegrityReport {
  const { thresholds, answers, signals, flagged, straightLined } = prepare(input);
  const baseline = bottomOf(input, answers);
  const variant = (name: RobustnessVariant, drop: (a: AnswerPattern) => boolean): RobustnessResult => {
    const removed = answers.filter(drop).reduce((s, a) => s + a.count, 0);
    const bottom = removed
      ? bottomOf(
          input,
          answers.filter((a) => !drop(a)),
        )
      : baseline;
    const entering = bottom.filter((id) => !baseline.includes(id));
    const leaving = baseline.filter((id) => !bottom.includes(id));
    return {
      variant: name,
      answersRemoved: removed,
      flaggedDepartmentIds: bottom,
      changes: entering.length + leaving.length > 0,
      entering,
      leaving,
    };
  };
  return {
    answers: answers.reduce((s, a) => s + a.count, 0),
    thresholds,
    signals: signals.map((s) => ({ ...s, ...describeSignal(s.kind, thresholds) })),
    flaggedAnswers: answers.filter(flagged).reduce((s, a) => s + a.count, 0),
    robustness: {
      flaggedDepartmentIds: baseline,
      variants: [variant('without_flagged', flagged), variant('without_straight_lined', straightLined)],
    },
  };
}
