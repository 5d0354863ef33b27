// Typed calls to the API used by the admin app. Types come from the shared zod schemas.
import type { z } from 'zod';
import type { ImportMapping, ImportResult } from '#shared/enterprise-import.ts';
import type { AuditCheckpoint, auditEntrySchema, auditFacetsSchema, auditVerifySchema } from '#shared/schemas/audit.ts';
import type { LoginBody, User } from '#shared/schemas/auth.ts';
import type { pageOf } from '#shared/schemas/common.ts';
import type {
  Department,
  DepartmentInput,
  departmentDetailSchema,
  departmentPatchSchema,
  headInputSchema,
} from '#shared/schemas/departments.ts';
import type {
  Enterprise,
  EnterpriseInput,
  enterpriseFacetsSchema,
  enterpriseListQuerySchema,
  enterprisePatchSchema,
  enterpriseSchema,
} from '#shared/schemas/enterprises.ts';
import type {
  createRoundSchema,
  drawResultSchema,
  freezeResultSchema,
  Invitation,
  Progress,
  replaceResultSchema,
  Round,
  roundSummarySchema,
  updateRoundSchema,
} from '#shared/schemas/rounds.ts';
import type { Breakdowns } from '#shared/schemas/breakdowns.ts';
import type { FollowUpBody, FollowUpLog, FollowUpSummary, ResponseRates } from '#shared/schemas/follow-ups.ts';
import type { Outbox } from '#shared/schemas/outbox.ts';
import type { commentsSchema } from '#shared/schemas/comments.ts';
import type {
  callbackBodySchema,
  CaseDetail,
  CaseSummary,
  caseListQuerySchema,
  ledgerBodySchema,
  PlanBody,
  progressBodySchema,
  reviewBodySchema,
} from '#shared/schemas/rectification.ts';
import type { EscalationLevel } from '#shared/results/escalation.ts';
import type { Watch, watchReviewBodySchema } from '#shared/schemas/escalation-guard.ts';
import type {
  departmentHistorySchema,
  departmentStatesSchema,
  EscalationRecord,
  escalationBoardSchema,
  escalationPatchSchema,
  measurePatchSchema,
  resultsSchema,
} from '#shared/schemas/results.ts';
import type { PublicRound, publicRoundListSchema } from '#shared/schemas/public.ts';
import type { CityProfile } from '#shared/schemas/profile.ts';
import type { AppealWindow, appealDecisionSchema, appealSchema, fileAppealSchema } from '#shared/schemas/appeals.ts';
import type { requestItemSchema, requestListQuerySchema, requestListSchema, requestStatsSchema } from '#shared/schemas/requests.ts';
import type { integritySchema } from '#shared/schemas/integrity.ts';
import type { CadreDetail, cadreListQuerySchema, cadreSchema, unitSchema } from '#shared/schemas/cadres.ts';
import type {
  CadrePoints,
  EntryInput,
  entryListQuerySchema,
  entrySchema,
  PointsEntry,
  rulesResponseSchema,
  Shortlist,
  standingsSchema,
} from '#shared/schemas/points.ts';
import type { Account, AccountPatch, accountCreateSchema, accountWithPasswordSchema, PasswordChange } from '#shared/schemas/users.ts';
import type { CadreImportResult } from '#shared/cadre-import.ts';
import { request } from '../api.ts';

export type PublicRoundSummary = z.infer<typeof publicRoundListSchema>[number];

export type DepartmentDetail = z.infer<typeof departmentDetailSchema>;
export type DepartmentPatch = z.infer<typeof departmentPatchSchema>;
export type HeadInput = z.infer<typeof headInputSchema>;
export type EnterprisePage = z.infer<ReturnType<typeof pageOf<typeof enterpriseSchema>>>;
export type EnterpriseQuery = z.input<typeof enterpriseListQuerySchema>;
export type EnterprisePatch = z.infer<typeof enterprisePatchSchema>;
export type EnterpriseFacets = z.infer<typeof enterpriseFacetsSchema>;
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type AuditPage = z.infer<ReturnType<typeof pageOf<typeof auditEntrySchema>>>;
export type AuditVerify = z.infer<typeof auditVerifySchema>;
export type AuditFacets = z.infer<typeof auditFacetsSchema>;

const V1 = '/api/v1';

export const login = (body: LoginBody) => request<User>(`${V1}/auth/login`, { method: 'POST', body, skipAuthRedirect: true });
export const logout = () => request<{ ok: true }>(`${V1}/auth/logout`, { method: 'POST', skipAuthRedirect: true });
export const me = (signal?: AbortSignal) => request<User>(`${V1}/me`, { signal, skipAuthRedirect: true });

export const listDepartments = (signal?: AbortSignal) => request<Department[]>(`${V1}/departments`, { signal });
export const getDepartment = (id: number, signal?: AbortSignal) => request<DepartmentDetail>(`${V1}/departments/${id}`, { signal });
export const createDepartment = (body: DepartmentInput) => request<Department>(`${V1}/departments`, { method: 'POST', body });
export const updateDepartment = (id: number, body: DepartmentPatch) =>
  request<Department>(`${V1}/departments/${id}`, { method: 'PATCH', body });
export const appointHead = (id: number, body: HeadInput) => request<Department>(`${V1}/departments/${id}/head`, { method: 'POST', body });

export const listEnterprises = (query: EnterpriseQuery, signal?: AbortSignal) =>
  request<EnterprisePage>(`${V1}/enterprises`, { query: query as Record<string, string | number | undefined>, signal });
export const enterpriseFacets = (signal?: AbortSignal) => request<EnterpriseFacets>(`${V1}/enterprises/facets`, { signal });
export const createEnterprise = (body: EnterpriseInput) => request<Enterprise>(`${V1}/enterprises`, { method: 'POST', body });
export const updateEnterprise = (uscc: string, body: EnterprisePatch) =>
  request<Enterprise>(`${V1}/enterprises/${encodeURIComponent(uscc)}`, { method: 'PATCH', body });

function importForm(file: File, mapping?: ImportMapping): FormData {
  const form = new FormData();
  if (mapping) form.append('mapping', JSON.stringify(mapping));
  form.append('file', file, file.name);
  return form;
}
export const previewImport = (file: File, mapping?: ImportMapping) =>
  request<ImportResult>(`${V1}/enterprises/import/preview`, { method: 'POST', body: importForm(file, mapping) });
/** All or nothing: with any error the server answers 422 and the result in the error's details. */
export const applyImport = (file: File, mapping?: ImportMapping) =>
  request<ImportResult>(`${V1}/enterprises/import/apply`, { method: 'POST', body: importForm(file, mapping) });

export type AuditQuery = {
  page: number;
  pageSize: number;
  entityType?: string;
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
};
export const listAudit = (query: AuditQuery, signal?: AbortSignal) => request<AuditPage>(`${V1}/audit`, { query, signal });
export const auditFacets = (signal?: AbortSignal) => request<AuditFacets>(`${V1}/audit/facets`, { signal });
/** With the head this browser last verified: the server then also fails a log that no longer contains it. */
export const verifyAudit = (checkpoint?: { id: number; hash: string }) =>
  request<AuditVerify>(`${V1}/audit/verify`, checkpoint ? { query: { checkpointId: checkpoint.id, checkpointHash: checkpoint.hash } } : {});
/**
 * The chain's head (id, hash, time): printed on the quarterly report for whoever keeps it to verify against
 * later. For a published round, the head stored at its publication (`roundId` is then set).
 */
export const auditCheckpoint = (signal?: AbortSignal, roundId?: string) =>
  request<AuditCheckpoint>(`${V1}/audit/checkpoint`, { signal, ...(roundId ? { query: { roundId } } : {}) });

// Rounds, the draw and invitations.
export type RoundSummary = z.infer<typeof roundSummarySchema>;
export type RoundInput = z.input<typeof createRoundSchema>;
export type RoundPatch = z.input<typeof updateRoundSchema>;
export type FreezeResult = z.infer<typeof freezeResultSchema>;
export type DrawResult = z.infer<typeof drawResultSchema>;
export type ReplaceResult = z.infer<typeof replaceResultSchema>;
const roundPath = (id: string) => `${V1}/rounds/${encodeURIComponent(id)}`;

export const listRounds = (signal?: AbortSignal) => request<RoundSummary[]>(`${V1}/rounds`, { signal });
export const getRound = (id: string, signal?: AbortSignal) => request<Round>(roundPath(id), { signal });
export const createRound = (body: RoundInput) => request<Round>(`${V1}/rounds`, { method: 'POST', body });
export const updateRound = (id: string, body: RoundPatch) => request<Round>(roundPath(id), { method: 'PATCH', body });
export const freezeRound = (id: string) => request<FreezeResult>(`${roundPath(id)}/freeze`, { method: 'POST' });
/** Without a seed the server draws one from its CSPRNG. */
export const drawRound = (id: string, seed?: string) =>
  request<DrawResult>(`${roundPath(id)}/draw`, { method: 'POST', body: seed === undefined ? {} : { seed } });
export const openRound = (id: string) => request<Round>(`${roundPath(id)}/open`, { method: 'POST' });
export const closeRound = (id: string) => request<Round>(`${roundPath(id)}/close`, { method: 'POST' });
export const reopenRound = (id: string, body: { reason: string; closesAt: string }) =>
  request<Round>(`${roundPath(id)}/reopen`, { method: 'POST', body });
export const voidRound = (id: string, reason: string) => request<Round>(`${roundPath(id)}/void`, { method: 'POST', body: { reason } });
export const computeRoundResults = (id: string) => request<unknown>(`${roundPath(id)}/compute`, { method: 'POST' });
export const publishRoundResults = (id: string) => request<unknown>(`${roundPath(id)}/publish`, { method: 'POST' });
export const roundProgress = (id: string, signal?: AbortSignal) => request<Progress>(`${roundPath(id)}/progress`, { signal });
export const listInvitations = (id: string, signal?: AbortSignal) => request<Invitation[]>(`${roundPath(id)}/invitations`, { signal });
export const listNonResponders = (id: string, signal?: AbortSignal) => request<Invitation[]>(`${roundPath(id)}/non-responders`, { signal });
export const listFollowUps = (id: string, signal?: AbortSignal) => request<FollowUpSummary[]>(`${roundPath(id)}/follow-ups`, { signal });
export const followUpLog = (id: string, uscc: string, signal?: AbortSignal) =>
  request<FollowUpLog>(`${roundPath(id)}/invitations/${encodeURIComponent(uscc)}/follow-ups`, { signal });
export const recordFollowUp = (id: string, uscc: string, body: FollowUpBody) =>
  request<FollowUpLog>(`${roundPath(id)}/invitations/${encodeURIComponent(uscc)}/follow-ups`, { method: 'POST', body });
export const responseRates = (id: string, signal?: AbortSignal) => request<ResponseRates>(`${roundPath(id)}/response-rates`, { signal });
export const replaceInvitation = (id: string, uscc: string, reason: string) =>
  request<ReplaceResult>(`${roundPath(id)}/invitations/${encodeURIComponent(uscc)}/replace`, { method: 'POST', body: { reason } });
export const regenerateInvitation = (id: string, uscc: string) =>
  request<Invitation>(`${roundPath(id)}/invitations/${encodeURIComponent(uscc)}/regenerate`, { method: 'POST' });
/** Downloads (fetched as files, not JSON). */
export const drawRecordUrl = (id: string) => `${roundPath(id)}/draw-record`;
export const invitationsXlsxUrl = (id: string) => `${roundPath(id)}/invitations.xlsx`;
export const outboxXlsxUrl = (id: string) => `${roundPath(id)}/outbox.xlsx`;
export const getOutbox = (id: string, signal?: AbortSignal) => request<Outbox>(`${roundPath(id)}/outbox`, { signal });
export const sendReminders = (id: string) => request<{ queued: number }>(`${roundPath(id)}/reminders`, { method: 'POST' });

// A department's own view (results, history, comments, escalation) and rectification (整改).
export type RoundResults = z.infer<typeof resultsSchema>;
export type DepartmentHistory = z.infer<typeof departmentHistorySchema>;
export type EscalationBoard = z.infer<typeof escalationBoardSchema>;
export type RoundComments = z.infer<typeof commentsSchema>;
export type LedgerBody = z.input<typeof ledgerBodySchema>;
export type ProgressBody = z.input<typeof progressBodySchema>;
export type ReviewBody = z.input<typeof reviewBodySchema>;
export type CallbackBody = z.input<typeof callbackBodySchema>;
export type CaseQuery = Partial<Pick<z.infer<typeof caseListQuerySchema>, 'status' | 'roundId' | 'departmentId'>>;
const casePath = (id: number) => `${V1}/rectification/cases/${id}`;

export const getRoundResults = (roundId: string, signal?: AbortSignal) =>
  request<RoundResults>(`${V1}/rounds/${encodeURIComponent(roundId)}/results`, { signal });
export const getDepartmentHistory = (id: number, signal?: AbortSignal) =>
  request<DepartmentHistory>(`${V1}/departments/${id}/history`, { signal });
export const getBreakdowns = (roundId: string, signal?: AbortSignal) =>
  request<Breakdowns>(`${V1}/rounds/${encodeURIComponent(roundId)}/breakdowns`, { signal });
export const getEscalationBoard = (signal?: AbortSignal) => request<EscalationBoard>(`${V1}/escalations`, { signal });
export type DepartmentStates = z.infer<typeof departmentStatesSchema>;
/** One state per department and quarter (the server decides it once for every page). */
export const getDepartmentStates = (query: { departmentId?: number; roundId?: string; all?: boolean }, signal?: AbortSignal) => {
  const q = new URLSearchParams();
  if (query.departmentId !== undefined) q.set('departmentId', String(query.departmentId));
  if (query.roundId) q.set('roundId', query.roundId);
  if (query.all) q.set('all', 'true');
  return request<DepartmentStates>(`${V1}/department-states${q.size ? `?${q}` : ''}`, { signal });
};
export const reviewWatch = (body: z.input<typeof watchReviewBodySchema>) =>
  request<Watch>(`${V1}/escalations/watches/review`, { method: 'POST', body });
/** 404 not_found for a department head until an admin releases the round's comments. */
export const getRoundComments = (roundId: string, signal?: AbortSignal) =>
  request<RoundComments>(`${V1}/rounds/${encodeURIComponent(roundId)}/comments`, { signal });
/** Admins, once the results are published: each department head then reads the comments addressed to their department. */
export const releaseRoundComments = (roundId: string) =>
  request<{ ok: true }>(`${V1}/rounds/${encodeURIComponent(roundId)}/comments/release`, { method: 'POST' });
export const listCases = (query: CaseQuery, signal?: AbortSignal) => request<CaseSummary[]>(`${V1}/rectification/cases`, { query, signal });
export const getCase = (id: number, signal?: AbortSignal) => request<CaseDetail>(casePath(id), { signal });
export const saveCasePlan = (id: number, body: PlanBody) => request<CaseDetail>(`${casePath(id)}/plan`, { method: 'PUT', body });
export const addLedgerEntry = (id: number, body: LedgerBody) => request<CaseDetail>(`${casePath(id)}/ledger`, { method: 'POST', body });
export const setLedgerStatus = (id: number, entryId: number, status: 'open' | 'resolved') =>
  request<CaseDetail>(`${casePath(id)}/ledger/${entryId}`, { method: 'PATCH', body: { status } });
export const addCaseProgress = (id: number, body: ProgressBody) =>
  request<CaseDetail>(`${casePath(id)}/progress`, { method: 'POST', body });
export const submitCase = (id: number) => request<CaseDetail>(`${casePath(id)}/submit`, { method: 'POST' });
export const reviewCase = (id: number, body: ReviewBody) => request<CaseDetail>(`${casePath(id)}/review`, { method: 'POST', body });
export const addCallback = (id: number, entryId: number, body: CallbackBody) =>
  request<CaseDetail>(`${casePath(id)}/ledger/${entryId}/callbacks`, { method: 'POST', body });

// The dashboard, the escalation board and the quarterly report.
export type EscalationPatch = z.input<typeof escalationPatchSchema>;
export const updateEscalation = (id: number, body: EscalationPatch) =>
  request<EscalationRecord>(`${V1}/escalations/${id}`, { method: 'PATCH', body });
export type MeasurePatch = z.input<typeof measurePatchSchema>;
export const updateMeasure = (id: number, measure: EscalationLevel, body: MeasurePatch) =>
  request<EscalationRecord>(`${V1}/escalations/${id}/measures/${measure}`, { method: 'PATCH', body });
export const resultsXlsxUrl = (roundId: string) => `${V1}/rounds/${encodeURIComponent(roundId)}/results.xlsx`;

// Public disclosure (no login).
export const getProfile = (signal?: AbortSignal) => request<CityProfile>(`${V1}/profile`, { signal, skipAuthRedirect: true });
export const publicRounds = (signal?: AbortSignal) =>
  request<PublicRoundSummary[]>(`${V1}/public/rounds`, { signal, skipAuthRedirect: true });
export const publicRound = (id: string, signal?: AbortSignal) =>
  request<PublicRound>(`${V1}/public/rounds/${encodeURIComponent(id)}`, { signal, skipAuthRedirect: true });
// Integrity of the answers and appeals (申诉复核).
export type Integrity = z.infer<typeof integritySchema>;
export type Appeal = z.infer<typeof appealSchema>;
export type AppealDecisionBody = z.input<typeof appealDecisionSchema>;
export const getIntegrity = (roundId: string, signal?: AbortSignal) =>
  request<Integrity>(`${V1}/rounds/${encodeURIComponent(roundId)}/integrity`, { signal });
export const listAppeals = (query: { roundId?: string } = {}, signal?: AbortSignal) =>
  request<Appeal[]>(`${V1}/appeals`, { query, signal });
export const getAppealWindow = (roundId: string, signal?: AbortSignal) =>
  request<AppealWindow>(`${V1}/appeals/window/${roundId}`, { signal });
export const fileAppeal = (body: z.input<typeof fileAppealSchema>) => request<Appeal>(`${V1}/appeals`, { method: 'POST', body });
export const decideAppeal = (id: number, body: AppealDecisionBody) =>
  request<Appeal>(`${V1}/appeals/${id}/decision`, { method: 'POST', body });

// ---------------------------------------------------------------- cadre points (干部积分)
export type Unit = z.infer<typeof unitSchema>;
export type CadrePage = z.infer<ReturnType<typeof pageOf<typeof cadreSchema>>>;
export type RulesView = z.infer<typeof rulesResponseSchema>;
export type EntryPage = z.infer<ReturnType<typeof pageOf<typeof entrySchema>>>;
export type Standings = z.infer<typeof standingsSchema>;
export type EntryQuery = z.input<typeof entryListQuerySchema>;

export const listUnits = (signal?: AbortSignal) => request<Unit[]>(`${V1}/units`, { signal });
export const listCadres = (query: z.input<typeof cadreListQuerySchema>, signal?: AbortSignal) =>
  request<CadrePage>(`${V1}/cadres`, { query: query as Record<string, string | number | undefined>, signal });
export const getCadre = (id: number, signal?: AbortSignal) => request<CadreDetail>(`${V1}/cadres/${id}`, { signal });
export const getRules = (signal?: AbortSignal) => request<RulesView>(`${V1}/points/rules`, { signal });
export const listEntries = (query: EntryQuery, signal?: AbortSignal) =>
  request<EntryPage>(`${V1}/points/entries`, { query: query as Record<string, string | number | undefined>, signal });
export const submitEntry = (body: EntryInput) => request<PointsEntry>(`${V1}/points/entries`, { method: 'POST', body });
export const approveEntry = (id: number, note?: string) =>
  request<PointsEntry>(`${V1}/points/entries/${id}/approve`, { method: 'POST', body: note ? { note } : {} });
export const rejectEntry = (id: number, note?: string) =>
  request<PointsEntry>(`${V1}/points/entries/${id}/reject`, { method: 'POST', body: note ? { note } : {} });
export const reverseEntry = (id: number, body: { reason: string; evidence?: string; date?: string }) =>
  request<PointsEntry>(`${V1}/points/entries/${id}/reverse`, { method: 'POST', body });
export const getCadrePoints = (id: number, asOf: string | undefined, signal?: AbortSignal) =>
  request<CadrePoints>(`${V1}/cadres/${id}/points`, { query: { asOf }, signal });
export const getStandings = (query: { asOf?: string; rank?: string; unit?: string }, signal?: AbortSignal) =>
  request<Standings>(`${V1}/points/standings`, { query, signal });
export const getShortlist = (query: { asOf?: string; rank: string; places: number }, signal?: AbortSignal) =>
  request<Shortlist>(`${V1}/points/shortlist`, { query, signal });
export const shortlistXlsxUrl = (query: { asOf?: string; rank: string; places: number }) =>
  `${V1}/points/shortlist.xlsx?${new URLSearchParams(
    Object.entries(query)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, String(v)]),
  )}`;

// ---------------------------------------------------------------- accounts (账号管理) and one's own password
export type AccountWithPassword = z.infer<typeof accountWithPasswordSchema>;
export const listAccounts = (signal?: AbortSignal) => request<Account[]>(`${V1}/users`, { signal });
export const createAccount = (body: z.input<typeof accountCreateSchema>) =>
  request<AccountWithPassword>(`${V1}/users`, { method: 'POST', body });
export const updateAccount = (id: number, body: AccountPatch) => request<Account>(`${V1}/users/${id}`, { method: 'PATCH', body });
export const deactivateAccount = (id: number) => request<Account>(`${V1}/users/${id}/deactivate`, { method: 'POST' });
export const resetAccountPassword = (id: number) => request<AccountWithPassword>(`${V1}/users/${id}/reset-password`, { method: 'POST' });
export const changePassword = (body: PasswordChange) => request<User>(`${V1}/auth/password`, { method: 'POST', body });

// Requests to departments (诉求直通).
export type RequestItem = z.infer<typeof requestItemSchema>;
export type RequestList = z.infer<typeof requestListSchema>;
export type RequestStats = z.infer<typeof requestStatsSchema>;
export const listRequests = (
  query: { departmentId?: number; state?: z.output<typeof requestListQuerySchema>['state'] } = {},
  signal?: AbortSignal,
) => request<RequestList>(`${V1}/requests`, { query, signal });
export const requestStats = (signal?: AbortSignal) => request<RequestStats>(`${V1}/requests/stats`, { signal });
export const replyToRequest = (id: string, text: string) =>
  request<RequestItem>(`${V1}/requests/${id}/replies`, { method: 'POST', body: { text } });

// Cadre register import (干部名册导入): preview, then apply all or nothing (422 import_has_errors with the result).
function fileForm(file: File): FormData {
  const form = new FormData();
  form.append('file', file, file.name);
  return form;
}
export const previewCadreImport = (file: File) =>
  request<CadreImportResult>(`${V1}/cadres/import/preview`, { method: 'POST', body: fileForm(file) });
export const applyCadreImport = (file: File) =>
  request<CadreImportResult>(`${V1}/cadres/import/apply`, { method: 'POST', body: fileForm(file) });
