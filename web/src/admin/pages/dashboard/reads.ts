// The dashboard's reads, shared through the read cache: the round list, each round's results (one
// request per round, whoever asks: the first screen, the history, the charts) and the escalation board.
// `prefetchDashboard` starts them with the page, before the app's code has loaded and the session is checked.
import { defaultRoundId, publishedUpTo, selectableRounds } from '#shared/charts/rounds.ts';
import { request } from '../../../api.ts';
import type { EscalationBoard, RoundResults, RoundSummary } from '../../endpoints.ts';
import { answered, cachedRead } from '../../readCache.ts';

const V1 = '/api/v1';
/** `prefetch`: nobody waits on it yet, so a 401 (signed out) must not send anyone to the login page. */
const get = <T>(path: string, prefetch = false) => request<T>(`${V1}${path}`, { skipAuthRedirect: prefetch });

export const resultsKey = (id: string) => `results:${id}`;
export const readRounds = (prefetch = false) => cachedRead('rounds', () => get<RoundSummary[]>('/rounds', prefetch));
export const readResults = (id: string, prefetch = false) =>
  cachedRead(resultsKey(id), () => get<RoundResults>(`/rounds/${encodeURIComponent(id)}/results`, prefetch));
export const readBoard = (prefetch = false) => cachedRead('escalations', () => get<EscalationBoard>('/escalations', prefetch));

/** What has already arrived, for a first render with data (see useLoad's `initial`). */
export const answeredRounds = () => answered<[RoundSummary[]]>('rounds')?.[0];
export const answeredResults = (...ids: string[]) => answered<RoundResults[]>(...ids.map(resultsKey));
export const answeredBoard = () => answered<[EscalationBoard]>('escalations')?.[0];

/** The round the dashboard shows: the one asked for (?round=) when it can be shown, else the default. */
export function dashboardRound<R extends RoundSummary>(rounds: readonly R[], asked: string | null): R | undefined {
  const choices = selectableRounds(rounds);
  return choices.find((r) => r.id === asked) ?? choices.find((r) => r.id === defaultRoundId(rounds));
}

export const hasResults = (round: Pick<RoundSummary, 'status'>) => round.status === 'closed' || round.status === 'published';

/** Published rounds before `round` whose results the history and the charts need (this round's own come apart). */
export const historyIds = (rounds: readonly RoundSummary[], round: RoundSummary) =>
  publishedUpTo(rounds, round.id).filter((id) => id !== round.id);

/** Starts the dashboard's reads for a page opened at /dashboard (errors are left to the page's own reads). */
export function prefetchDashboard(search: string): void {
  readRounds(true).then(
    (rounds) => {
      const round = dashboardRound(rounds, new URLSearchParams(search).get('round'));
      if (!round || !hasResults(round)) return;
      void readResults(round.id, true).catch(() => undefined);
      void readBoard(true).catch(() => undefined);
      for (const id of historyIds(rounds, round)) void readResults(id, true).catch(() => undefined);
    },
    () => undefined,
  );
}
