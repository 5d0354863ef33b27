// What a published round discloses to the public: a pure selection from the full results view, so the
// rule "never comments, requests, per-answer data or invitation status" is visible in one place.
import type { DepartmentResultView, Results } from '../schemas/results.ts';
import type { CaseStatus } from '../schemas/rectification.ts';
import type { PublicDepartment, PublicDisclosure, PublicRound } from '../schemas/public.ts';
import type { EscalationLevel } from './escalation.ts';
import type { PublicCaseTimeline } from '../rectification-timeline.ts';

export interface DisclosureInput {
  results: Results;
  disclosure: PublicDisclosure;
  round: PublicRound['method'] & { sampleSize: number };
  /** The round's current escalation records, with the measures the rule gave each (escalation.ts). */
  escalations: {
    code: string;
    measures: EscalationLevel[];
    streak: number;
    status: PublicRound['flagged'][number]['measuresStatus'];
    doneAt: string | null;
  }[];
  cases: {
    code: string;
    status: CaseStatus;
    deadline: string;
    ledgerEntries: number;
    closedAt: string | null;
    timeline: PublicCaseTimeline;
  }[];
  /** Flagged departments the statistical guard watches instead of measuring (absent: none). */
  watches?: { code: string; watch: NonNullable<PublicRound['flagged'][number]['watch']> }[];
  /** The audit chain's head stored at publication; names no entry's content. */
  auditHead?: PublicRound['auditHead'];
  /** The flagged departments' states (department-state.ts), by code. */
  states?: { code: string; state: NonNullable<PublicRound['flagged'][number]['state']> }[];
}

/** Only the public figures of a department: no distribution (counts), no sd, no not-applicable count. */
function publicFigures(d: DepartmentResultView): PublicDepartment {
  return {
    code: d.code,
    name: d.name,
    nameEn: d.nameEn,
    rank: d.rank,
    n: d.n,
    mean: d.mean,
    ci95: d.ci95,
    satisfactionRate: d.satisfactionRate,
    dissatisfiedRate: d.dissatisfiedRate,
    leastSatisfiedVotes: d.leastSatisfiedVotes,
    pBottom: d.pBottom,
    flagged: d.flagged,
    status: d.status,
  };
}

type HeadlineRow = Pick<DepartmentResultView, 'status' | 'mean' | 'n' | 'satisfactionRate' | 'dissatisfiedRate'>;

/**
 * A round's headline, what ranks first: the mean of the ranked departments' scores and the share of
 * applicable ratings at 不满意; then 满意率 (基本满意 or better), each rate weighted by the ratings.
 */
export function roundHeadline(departments: readonly HeadlineRow[]) {
  const ranked = departments.filter((d) => d.status === 'ranked' && d.mean !== null);
  const rated = departments.filter((d) => d.satisfactionRate !== null && d.n > 0);
  const applicable = rated.reduce((s, d) => s + d.n, 0);
  return {
    meanScore: ranked.length ? ranked.reduce((s, d) => s + d.mean!, 0) / ranked.length : null,
    dissatisfiedRate: applicable ? rated.reduce((s, d) => s + (d.dissatisfiedRate ?? 0) * d.n, 0) / applicable : null,
    satisfactionRate: applicable ? rated.reduce((s, d) => s + d.satisfactionRate! * d.n, 0) / applicable : null,
  };
}

export function discloseRound({
  results,
  disclosure,
  round,
  escalations,
  cases,
  watches = [],
  auditHead = null,
  states = [],
}: DisclosureInput): PublicRound {
  const all = results.departments.map(publicFigures);
  const ranked = all.filter((d) => d.status === 'ranked' && d.mean !== null);
  const flaggedFigures = all.filter((d) => d.flagged).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
  const {
    scale,
    minRatings,
    bottomN,
    simulations,
    rankingRule,
    escalationPolicy,
    officialRanking,
    reasons,
    stratifyBy,
    poolSize,
    poolHash,
    seed,
    seedSource,
    drawnAt,
  } = round;
  return {
    round: {
      id: results.round.id,
      publishedAt: results.round.publishedAt!,
      version: results.round.version,
      correctionReason: results.round.correctionReason,
      responses: results.round.responses,
      sampleSize: round.sampleSize,
      departments: all.length,
      ranked: ranked.length,
    },
    disclosure,
    method: {
      scale,
      minRatings,
      bottomN,
      simulations,
      rankingRule,
      escalationPolicy,
      officialRanking,
      reasons,
      stratifyBy,
      poolSize,
      poolHash,
      seed,
      seedSource,
      drawnAt,
    },
    summary: {
      ...roundHeadline(results.departments),
      best: ranked.find((d) => d.rank === 1) ?? null,
    },
    departments: disclosure === 'full' ? all : flaggedFigures,
    flagged: flaggedFigures.map((d) => {
      const e = escalations.find((x) => x.code === d.code);
      const c = cases.find((x) => x.code === d.code);
      return {
        ...d,
        streak: e?.streak ?? 0,
        measures: e?.measures ?? [],
        measuresStatus: e?.status ?? null,
        measuresDoneAt: e?.doneAt ?? null,
        watch: watches.find((w) => w.code === d.code)?.watch ?? null,
        rectification: c
          ? { status: c.status, deadline: c.deadline, ledgerEntries: c.ledgerEntries, closedAt: c.closedAt, timeline: c.timeline }
          : null,
        state: states.find((x) => x.code === d.code)?.state ?? null,
        // Already suppressed below 3 in the results (shared/reasons.ts reasonCounts); flagged ones only.
        reasons: results.departments.find((x) => x.code === d.code)?.reasons ?? [],
      };
    }),
    drawRecordUrl: `/api/v1/rounds/${results.round.id}/draw-record`,
    auditHead,
  };
}
