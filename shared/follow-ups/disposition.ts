// An invitation's AAPOR disposition, from what the admin may see of it: the reported state (batched,
// server/invitations/reported.ts — never the live one) and the office's follow-up outcomes.
import type { INVITATION_STATUSES } from '../schemas/rounds.ts';
import type { Disposition, FollowUpOutcome } from './vocabulary.ts';

type ReportedStatus = (typeof INVITATION_STATUSES)[number];

/** What the disposition rests on, so the page can say why (e.g. "opened the link" for an implicit refusal). */
export type DispositionBasis = 'submitted' | 'drafted' | 'opened' | FollowUpOutcome | 'nothing';

export interface DispositionCase {
  status: ReportedStatus;
  outcomes: readonly FollowUpOutcome[];
}

/**
 * Strongest evidence first: a submission, then a saved draft (partial, AAPOR 1.2), then the firm being
 * gone (注销/停业: not eligible, 4.x), an explicit refusal (2.111), any contact without an answer — reached
 * and reminded, or the link opened and left (implicit refusal, 2.112) — then unreachable (non-contact,
 * 2.20). A wrong number or nothing at all leaves eligibility unknown (3.x). Outcomes weigh by kind, not by
 * order, so a later "unreachable" does not undo a refusal already heard.
 */
export function dispositionOf({ status, outcomes }: DispositionCase): { disposition: Disposition; basis: DispositionBasis } {
  const has = (o: FollowUpOutcome) => outcomes.includes(o);
  if (status === 'submitted') return { disposition: 'complete', basis: 'submitted' };
  if (status === 'drafted') return { disposition: 'partial', basis: 'drafted' };
  if (has('ineligible')) return { disposition: 'ineligible', basis: 'ineligible' };
  if (has('refused')) return { disposition: 'refusal', basis: 'refused' };
  if (has('reminded')) return { disposition: 'refusal', basis: 'reminded' };
  if (status === 'opened') return { disposition: 'refusal', basis: 'opened' };
  if (has('unreachable')) return { disposition: 'non_contact', basis: 'unreachable' };
  if (has('wrong_number')) return { disposition: 'unknown', basis: 'wrong_number' };
  return { disposition: 'unknown', basis: 'nothing' };
}
