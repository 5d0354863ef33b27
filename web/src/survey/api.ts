// The survey's calls. Responses are checked by the server's response schemas, so they are typed, not re-parsed
// (parsing here would pull zod's parser into the phone's download).
import type { z } from 'zod';
import type { CityProfile } from '#shared/schemas/profile.ts';
import type { Draft, draftSavedSchema, Submission, submitResultSchema, SurveyView } from '#shared/survey.ts';
import { ApiError, request } from '../api.ts';

export type SubmitResult = z.infer<typeof submitResultSchema>;
type DraftSaved = z.infer<typeof draftSavedSchema>;

const base = (token: string) => `/api/v1/survey/${encodeURIComponent(token)}`;

export const fetchSurvey = (token: string) => request<SurveyView>(base(token), { skipAuthRedirect: true });

/** The city, organising office and help line (a survey's own answer carries them too). */
export const fetchProfile = () => request<CityProfile>('/api/v1/profile', { skipAuthRedirect: true });

/**
 * The questions are on screen: the invitation counts as opened (the GET records nothing). Fire and
 * forget: a lost call is harmless, since a draft save or the submission records "opened" as well.
 */
export const markOpened = (token: string) =>
  request<null>(`${base(token)}/opened`, { method: 'POST', skipAuthRedirect: true }).catch(() => null);

export const putDraft = (token: string, draft: Draft) =>
  request<DraftSaved>(`${base(token)}/draft`, { method: 'PUT', body: draft, skipAuthRedirect: true });

export const postSubmission = (token: string, submission: Submission) =>
  request<SubmitResult>(`${base(token)}/submit`, { method: 'POST', body: submission, skipAuthRedirect: true });

/** The code goes in the body, never in the URL (which proxies and logs keep). */
export const checkReceipt = (roundId: string, receipt: string) =>
  request<{ counted: boolean }>(`/api/v1/rounds/${encodeURIComponent(roundId)}/receipts`, {
    method: 'POST',
    body: { receipt },
    skipAuthRedirect: true,
  });

/** Problems a 422 carries, read defensively (details is `unknown` on the wire). */
export function problemsOf(err: ApiError): { code: string; departmentIds: number[] }[] {
  if (!Array.isArray(err.details)) return [];
  return err.details.flatMap((p: unknown) => {
    if (typeof p !== 'object' || p === null || typeof (p as { code?: unknown }).code !== 'string') return [];
    const ids = (p as { departmentIds?: unknown }).departmentIds;
    return [
      {
        code: (p as { code: string }).code,
        departmentIds: Array.isArray(ids) ? ids.filter((x): x is number => typeof x === 'number') : [],
      },
    ];
  });
}

export { ApiError };
