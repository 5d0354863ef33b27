// A round's lifecycle: each action moves it from exactly one status to the next; no step skipped.
import type { RoundStatus } from './schemas/rounds.ts';

export const ROUND_ACTIONS = {
  update: { from: ['draft'], to: 'draft' },
  // Dates are not part of the draw: they may move until the round opens.
  reschedule: { from: ['draft', 'pool_frozen', 'drawn'], to: null },
  freeze: { from: ['draft'], to: 'pool_frozen' },
  draw: { from: ['pool_frozen'], to: 'drawn' },
  open: { from: ['drawn'], to: 'open' },
  close: { from: ['open'], to: 'closed' },
  reopen: { from: ['closed'], to: 'open' },
  publish: { from: ['closed'], to: 'published' },
  void: { from: ['draft', 'pool_frozen', 'drawn', 'open', 'closed'], to: 'voided' },
  // Actions on invitations that leave the status as it is.
  replace: { from: ['drawn', 'open'], to: null },
  regenerate: { from: ['drawn', 'open', 'closed'], to: null },
  // Calls and visits from the draw on; after the close only to settle a firm's eligibility for the rates.
  follow_up: { from: ['drawn', 'open', 'closed'], to: null },
} as const satisfies Record<string, { from: readonly RoundStatus[]; to: RoundStatus | null }>;
export type RoundAction = keyof typeof ROUND_ACTIONS;

/** null when allowed, else a sentence saying why not. */
export function transitionError(status: RoundStatus, action: RoundAction): string | null {
  const rule = ROUND_ACTIONS[action];
  if ((rule.from as readonly RoundStatus[]).includes(status)) return null;
  if (action === 'draw' && status !== 'draft')
    return 'This round has already been drawn; a round is drawn exactly once (void it and create a new round instead)';
  return `Cannot ${action} a round that is ${status.replace('_', ' ')} (allowed from: ${rule.from.join(', ')})`;
}

/**
 * The status a reader sees: an open round whose deadline has passed is closed, whether or not the
 * close job has sealed it yet. Reads use this rule and never write; the seal runs in a job, or in the
 * next write on that round (lockRoundFor), which settles the deadline first.
 */
export const statusAt = (status: RoundStatus, closesAt: Date, now: Date): RoundStatus =>
  status === 'open' && closesAt <= now ? 'closed' : status;

/** Invitations are live (links work) only while the round is open and before its deadline. */
export const linksWork = (status: RoundStatus, closesAt: Date, now: Date) => statusAt(status, closesAt, now) === 'open';

/**
 * When a round stopped taking answers: the close time when it was closed before its deadline (closed
 * early), else the deadline. A close recorded after the deadline (the job sealing it) is the deadline.
 */
export function actualClose(closesAt: string, closedAt: string | null): { at: string; early: boolean } {
  return closedAt !== null && Date.parse(closedAt) < Date.parse(closesAt) ? { at: closedAt, early: true } : { at: closesAt, early: false };
}

export function quarterLabel(roundId: string, lang: 'zh' | 'en'): string {
  const m = /^(\d{4})Q([1-4])(?:R([2-9]))?$/.exec(roundId);
  if (!m) return roundId;
  const zh = ['一', '二', '三', '四'][Number(m[2]) - 1];
  const rerun = m[3] ? (lang === 'zh' ? `（第${m[3]}次）` : ` (run ${m[3]})`) : '';
  return lang === 'zh' ? `${m[1]}年第${zh}季度${rerun}` : `Q${m[2]} ${m[1]}${rerun}`;
}

/** What the disclosure rules read of a round. */
export interface RoundDisclosure {
  status: RoundStatus;
  closedAt: string | null;
  finalizedAt: string | null;
}

/**
 * A round's answers are final once no action can change them: published, closed with its results
 * computed (computing makes the close final: a reopen is refused from then on), or voided after
 * closing (a voided round never reopens). Until then nothing derived from answers is readable by
 * anyone, the admin included: a read before a reopen compared with one after it would otherwise
 * differ by the few answers given in between (a difference attack on one enterprise).
 */
export const answersFinal = (round: RoundDisclosure) =>
  round.status === 'published' ||
  (round.status === 'closed' && round.finalizedAt !== null) ||
  (round.status === 'voided' && round.closedAt !== null);

/**
 * The seed, the draw record and anything naming who was drawn are the admin's alone until the
 * answers are final (a department that knew the sample could coach it, and a closed round may still
 * reopen until its results are computed); a round voided before closing never discloses them.
 */
export const drawIsPublic = answersFinal;
export const mayReadDraw = (role: string | undefined, round: RoundDisclosure) => role === 'admin' || drawIsPublic(round);

/** null when a closed round may reopen; a computed close is final. */
export const reopenRefusal = (round: RoundDisclosure): string | null =>
  round.finalizedAt !== null
    ? 'The results of this round have been computed, which makes its close final: it cannot be reopened (void it and run the quarter again instead)'
    : null;
