// The enterprise's request calls. Answers are checked by the server's response schemas, so typed, not re-parsed.
import type { z } from 'zod';
import type { CreateRequest, RequestThread, requestOptionsSchema } from '#shared/schemas/requests.ts';
import { request } from '../../api.ts';

export type RequestOptions = z.infer<typeof requestOptionsSchema>;
const quiet = { skipAuthRedirect: true } as const;

export const fetchOptions = () => request<RequestOptions>('/api/v1/requests/options', quiet);
export const raiseRequest = (body: CreateRequest) => request<{ code: string }>('/api/v1/requests', { ...quiet, method: 'POST', body });
export const fetchThread = (code: string) => request<RequestThread>(`/api/v1/requests/by-code/${encodeURIComponent(code)}`, quiet);
export const sendFeedback = (code: string, body: { resolved: boolean; satisfied: boolean }) =>
  request<RequestThread>(`/api/v1/requests/by-code/${encodeURIComponent(code)}/feedback`, { ...quiet, method: 'POST', body });
