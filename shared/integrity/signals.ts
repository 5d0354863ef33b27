// The integrity signals of a round, from its answers only: straight-lining, identical answers,
// departments whose 不了解 rate or share of 满意 departs from their peers' as coaching would produce,
// and "least satisfied" votes that the same answers' ratings do not explain. Pure: the server reads
// the answers grouped (answers.ts) and stores what this returns with the round's results.
import type { DepartmentRef } from '../results/counts.ts';
import type { RatingLevel } from '../results/scale.ts';
import { ratingsKey, type AnswerPattern } from './answers.ts';
import { binomialLowerTail, binomialUpperTail, poissonUpperTail } from './tails.ts';
import type { IntegrityThresholds } from './thresholds.ts';

export const SIGNAL_KINDS = [
  'straight_lining',
  'identical_answers',
  'not_applicable_outlier',
  'top_box_outlier',
  'votes_unexplained',
] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

export type DepartmentFinding = {
  departmentId: number;
  code: string;
  name: string;
  /** The department's rate (不了解, 满意 share) or count of unexplained votes. */
  observed: number;
  /** What its peers show: the median rate of the other departments, or the votes chance would give. */
  expected: number;
  /** Chance of a departure this large or larger, times the departments tested (Bonferroni), at most 1. */
  chance: number;
  /** Answers the finding is about. */
  answers: number;
};

export type Signal = {
  kind: SignalKind;
  raised: boolean;
  /** Answers the raised signal touches (0 when not raised). */
  answers: number;
  /** Straight-lining: share of answers; other kinds: null. */
  observed: number | null;
  /** Identical answers: the sizes of the raised clusters, largest first. */
  clusterSizes: number[];
  /** Department signals: the departments over the threshold (raised ones only). */
  departments: DepartmentFinding[];
};

const UNEXPLAINED_VOTE_LEVELS: ReadonlySet<RatingLevel> = new Set(['satisfied', 'fairly_satisfied', 'not_applicable']);
const min1 = (x: number) => (x > 1 ? 1 : x);

function median(xs: readonly number[]): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** One level for every department it rated, at least minDepartments of them, and not 不了解. */
export function isStraightLined(a: AnswerPattern, t: IntegrityThresholds): boolean {
  const levels = Object.values(a.ratings);
  return levels.length >= t.straightLining.minDepartments && levels[0] !== 'not_applicable' && levels.every((l) => l === levels[0]);
}

const hasApplicable = (a: AnswerPattern) => Object.values(a.ratings).some((l) => l !== 'not_applicable');

export type SignalsResult = {
  signals: Signal[];
  /** Whether an answer pattern is touched by a raised answer-level signal (removed by the robustness check). */
  flagged: (a: AnswerPattern) => boolean;
  straightLined: (a: AnswerPattern) => boolean;
};

export function computeSignals(
  departments: readonly DepartmentRef[],
  answers: readonly AnswerPattern[],
  t: IntegrityThresholds,
): SignalsResult {
  const total = answers.reduce((s, a) => s + a.count, 0);
  const D = departments.length;

  // Each department's levels over all answers.
  const perDept = new Map<number, Partial<Record<RatingLevel, number>> & { all: number }>();
  for (const d of departments) perDept.set(d.id, { all: 0 });
  for (const a of answers) {
    for (const [id, level] of Object.entries(a.ratings)) {
      const c = perDept.get(Number(id));
      if (!c) continue;
      c[level] = (c[level] ?? 0) + a.count;
      c.all += a.count;
    }
  }
  const share = (id: number, level: RatingLevel) => {
    const c = perDept.get(id);
    return c && c.all ? (c[level] ?? 0) / c.all : 0;
  };

  // Straight-lining.
  const straight = answers.filter((a) => isStraightLined(a, t)).reduce((s, a) => s + a.count, 0);
  const straightShare = total ? straight / total : 0;
  const straightRaised = straight >= t.straightLining.minAnswers && straightShare >= t.straightLining.minShare;

  // Identical answers: group by ratings (answers that rated nothing applicable change no rank).
  const clusters = new Map<string, { size: number; ratings: Readonly<Record<number, RatingLevel>> }>();
  for (const a of answers) {
    if (isStraightLined(a, t) || !hasApplicable(a)) continue;
    const key = ratingsKey(a.ratings);
    const c = clusters.get(key);
    if (c) c.size += a.count;
    else clusters.set(key, { size: a.count, ratings: a.ratings });
  }
  const raisedClusters = new Set<string>();
  for (const [key, c] of clusters) {
    if (c.size < t.identicalAnswers.minClusterSize) continue;
    let p = 1;
    for (const [id, level] of Object.entries(c.ratings)) p *= share(Number(id), level);
    const chance = min1(poissonUpperTail(c.size, total * p) * clusters.size);
    if (chance < t.identicalAnswers.maxChance) raisedClusters.add(key);
  }
  const clusterSizes = [...raisedClusters].map((k) => clusters.get(k)!.size).sort((a, b) => b - a);

  // Departments against their peers.
  const finding = (d: DepartmentRef, observed: number, expected: number, chance: number, n: number): DepartmentFinding => ({
    departmentId: d.id,
    code: d.code,
    name: d.name,
    observed,
    expected,
    chance: min1(chance * D),
    answers: n,
  });
  const naRate = new Map(departments.map((d) => [d.id, share(d.id, 'not_applicable')]));
  const applicable = (id: number) => {
    const c = perDept.get(id)!;
    return c.all - (c.not_applicable ?? 0);
  };
  const topShare = new Map(departments.map((d) => [d.id, applicable(d.id) ? (perDept.get(d.id)!.satisfied ?? 0) / applicable(d.id) : 0]));
  const peersOf = (rates: Map<number, number>, id: number, include: (x: number) => boolean) =>
    median(departments.filter((o) => o.id !== id && include(o.id)).map((o) => rates.get(o.id)!));

  const naFindings: DepartmentFinding[] = [];
  const topFindings: DepartmentFinding[] = [];
  for (const d of departments) {
    const c = perDept.get(d.id)!;
    if (c.all > 0 && D > 1) {
      const peers = peersOf(naRate, d.id, (id) => perDept.get(id)!.all > 0);
      const rate = naRate.get(d.id)!;
      const f = finding(d, rate, peers, binomialLowerTail(c.not_applicable ?? 0, c.all, peers), applicable(d.id));
      if (peers - rate >= t.notApplicable.minGap && f.chance < t.notApplicable.maxChance) naFindings.push(f);
    }
    const n = applicable(d.id);
    if (n >= t.topBox.minRatings && D > 1) {
      const peers = peersOf(topShare, d.id, (id) => applicable(id) > 0);
      const s = topShare.get(d.id)!;
      const f = finding(d, s, peers, binomialUpperTail(c.satisfied ?? 0, n, peers), n);
      if (s - peers >= t.topBox.minGap && f.chance < t.topBox.maxChance) topFindings.push(f);
    }
  }

  // Votes the same answer's ratings do not explain.
  const unexplained = new Map<number, number>();
  for (const a of answers) {
    for (const id of a.votes) {
      const level = a.ratings[id];
      if (level === undefined || UNEXPLAINED_VOTE_LEVELS.has(level)) unexplained.set(id, (unexplained.get(id) ?? 0) + a.count);
    }
  }
  const U = [...unexplained.values()].reduce((s, x) => s + x, 0);
  const voteFindings: DepartmentFinding[] = [];
  for (const d of departments) {
    const u = unexplained.get(d.id) ?? 0;
    if (u < t.votes.minVotes || D < 2) continue;
    const f = finding(d, u, U / D, binomialUpperTail(u, U, 1 / D), u);
    if (f.chance < t.votes.maxChance) voteFindings.push(f);
  }
  const voteTargets = new Set(voteFindings.map((f) => f.departmentId));

  const isUnexplainedVote = (a: AnswerPattern, id: number) => a.ratings[id] === undefined || UNEXPLAINED_VOTE_LEVELS.has(a.ratings[id]!);
  const straightLined = (a: AnswerPattern) => isStraightLined(a, t);
  const flagged = (a: AnswerPattern) =>
    (straightRaised && straightLined(a)) ||
    raisedClusters.has(ratingsKey(a.ratings)) ||
    a.votes.some((id) => voteTargets.has(id) && isUnexplainedVote(a, id));

  // A signal's answers are distinct answers (one answer rates many departments: summing each finding's
  // ratings counted the same answer once per department and could exceed the round's answers).
  const touches: Record<'not_applicable_outlier' | 'top_box_outlier' | 'votes_unexplained', (a: AnswerPattern, id: number) => boolean> = {
    not_applicable_outlier: (a, id) => a.ratings[id] !== undefined,
    top_box_outlier: (a, id) => a.ratings[id] !== undefined && a.ratings[id] !== 'not_applicable',
    votes_unexplained: (a, id) => a.votes.includes(id) && isUnexplainedVote(a, id),
  };
  const byDepartments = (kind: keyof typeof touches, list: DepartmentFinding[]): Signal => {
    const ids = list.map((f) => f.departmentId);
    const n = answers.filter((a) => ids.some((id) => touches[kind](a, id))).reduce((s, a) => s + a.count, 0);
    return { kind, raised: list.length > 0, answers: n, observed: null, clusterSizes: [], departments: list };
  };
  return {
    signals: [
      {
        kind: 'straight_lining',
        raised: straightRaised,
        answers: straightRaised ? straight : 0,
        observed: straightShare,
        clusterSizes: [],
        departments: [],
      },
      {
        kind: 'identical_answers',
        raised: clusterSizes.length > 0,
        answers: clusterSizes.reduce((s, x) => s + x, 0),
        observed: null,
        clusterSizes,
        departments: [],
      },
      byDepartments('not_applicable_outlier', naFindings),
      byDepartments('top_box_outlier', topFindings),
      byDepartments('votes_unexplained', voteFindings),
    ],
    flagged,
    straightLined,
  };
}
