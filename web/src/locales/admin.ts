// Strings of the admin app, one namespace per area.
import enAccounts from './en/accounts.ts';
import enAudit from './en/audit.ts';
import enComments from './en/comments.ts';
import enCommon from './en/common.ts';
import enDashboard from './en/dashboard.ts';
import enDepartments from './en/departments.ts';
import enEnterprises from './en/enterprises.ts';
import enImporter from './en/importer.ts';
import enIntegrity from './en/integrity.ts';
import enRounds from './en/rounds.ts';
import enMydept from './en/mydept.ts';
import enRectification from './en/rectification.ts';
import enShell from './en/shell.ts';
import enPublic from './en/public.ts';
import enVerify from './en/verify.ts';
import enPoints from './en/points.ts';
import enPassword from './en/password.ts';
import enRequests from './en/requests.ts';
import zhAccounts from './zh/accounts.ts';
import zhAudit from './zh/audit.ts';
import zhComments from './zh/comments.ts';
import zhCommon from './zh/common.ts';
import zhDashboard from './zh/dashboard.ts';
import zhDepartments from './zh/departments.ts';
import zhEnterprises from './zh/enterprises.ts';
import zhImporter from './zh/importer.ts';
import zhIntegrity from './zh/integrity.ts';
import zhRounds from './zh/rounds.ts';
import zhMydept from './zh/mydept.ts';
import zhRectification from './zh/rectification.ts';
import zhShell from './zh/shell.ts';
import zhPublic from './zh/public.ts';
import zhVerify from './zh/verify.ts';
import zhPoints from './zh/points.ts';
import zhPassword from './zh/password.ts';
import zhRequests from './zh/requests.ts';

export const adminResources = {
  'zh-CN': {
    common: zhCommon, shell: zhShell, departments: zhDepartments, enterprises: zhEnterprises, importer: zhImporter, audit: zhAudit,
    rounds: zhRounds,
    mydept: zhMydept, rectification: zhRectification,
    dashboard: zhDashboard, comments: zhComments,
    verify: zhVerify, public: zhPublic, integrity: zhIntegrity, points: zhPoints,
    accounts: zhAccounts, password: zhPassword, requests: zhRequests,
  },
  en: {
    common: enCommon, shell: enShell, departments: enDepartments, enterprises: enEnterprises, importer: enImporter, audit: enAudit,
    rounds: enRounds,
    mydept: enMydept, rectification: enRectification,
    dashboard: enDashboard, comments: enComments,
    verify: enVerify, public: enPublic, integrity: enIntegrity, points: enPoints,
    accounts: enAccounts, password: enPassword, requests: enRequests,
  },
};
