// Strings of the admin app, one namespace per area. Chinese is built in; English (admin-en.ts) loads when chosen.
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
import zhState from './zh/state.ts';
import zhFollowUps from './zh/followUps.ts';
import zhOutbox from './zh/outbox.ts';

export const adminResources = {
  'zh-CN': {
    common: zhCommon,
    shell: zhShell,
    departments: zhDepartments,
    enterprises: zhEnterprises,
    importer: zhImporter,
    audit: zhAudit,
    rounds: zhRounds,
    mydept: zhMydept,
    rectification: zhRectification,
    dashboard: zhDashboard,
    comments: zhComments,
    verify: zhVerify,
    public: zhPublic,
    integrity: zhIntegrity,
    points: zhPoints,
    accounts: zhAccounts,
    password: zhPassword,
    requests: zhRequests,
    state: zhState,
    followUps: zhFollowUps,
    outbox: zhOutbox,
  },
};

export const loadAdminEnglish = () => import('./admin-en.ts').then((m) => m.default);
