// One gate for every read derived from answers (comments, breakdowns, integrity, results exports):
// readable only once the answers can no longer change (shared/round-lifecycle.ts answersFinal).
import { answersFinal } from '#shared/round-lifecycle.ts';
import { Conflict } from '../errors.ts';
import { disclosureOf, type RoundRow } from './rounds.queries.ts';

export function assertAnswersFinal(round: RoundRow, what: string) {
  if (answersFinal(disclosureOf(round))) return;
  const details = { status: round.status };
  if (round.status === 'closed') {
    throw new Conflict(
      `${what}: readable once the results are computed, which makes the close final (until then the round may reopen, and reads before and after would single out the answers given in between)`,
      details,
      'not_computed',
    );
  }
  throw new Conflict(
    `${what}: readable once the round has closed and its results are computed (it is ${round.status.replace('_', ' ')})`,
    details,
    'round_not_closed',
  );
}
