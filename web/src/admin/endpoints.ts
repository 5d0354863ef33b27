// Typed calls to the API used by the admin app. Types come from the shared zod schemas.
import type { z } from 'zod';
import type { ImportMapping, ImportResult } from '../../../shared/enterprise-import.ts';
import type { auditEntrySchema, auditVerifySchema } from '../../../shared/schemas/audit.ts';
import type { LoginBody, User } from '../../../shared/schemas/auth.ts';
import type { pageOf } from '../../../shared/schemas/common.ts';
import type {
  Department, DepartmentInput, departmentDetailSchema, departmentPatchSchema, headInputSchema,
} from '../../../shared/schemas/departments.ts';
import type {
  Enterprise, EnterpriseInput, enterpriseFacetsSchema, enterpriseListQuerySchema, enterprisePatchSchema, enterpriseSchema,
} from '../../../shared/schemas/enterprises.ts';
import { request } from '../api.ts';

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

const V1 = '/api/v1';

export const login = (body: LoginBody) => request<User>(`${V1}/auth/login`, { method: 'POST', body, skipAuthRedirect: true });
export const logout = () => request<{ ok: true }>(`${V1}/auth/logout`, { method: 'POST', skipAuthRedirect: true });
export const me = (signal?: AbortSignal) => request<User>(`${V1}/me`, { signal, skipAuthRedirect: true });

export const listDepartments = (signal?: AbortSignal) => request<Department[]>(`${V1}/departments`, { signal });
export const getDepartment = (id: number, signal?: AbortSignal) => request<DepartmentDetail>(`${V1}/departments/${id}`, { signal });
export const createDepartment = (body: DepartmentInput) => request<Department>(`${V1}/departments`, { method: 'POST', body });
export const updateDepartment = (id: number, body: DepartmentPatch) => request<Department>(`${V1}/departments/${id}`, { method: 'PATCH', body });
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

export const listAudit = (query: { page: number; pageSize: number; entityType?: string }, signal?: AbortSignal) =>
  request<AuditPage>(`${V1}/audit`, { query, signal });
export const verifyAudit = () => request<AuditVerify>(`${V1}/audit/verify`);
