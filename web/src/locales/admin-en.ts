// The admin app's English strings: a chunk of their own, loaded only when English is chosen (i18n.ts).
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
import enState from './en/state.ts';
import enFollowUps from './en/followUps.ts';
import enOutbox from './en/outbox.ts';
import type { AdminNamespace } from './admin.ts';

const en: Record<AdminNamespace, object> = {
  common: enCommon,
  shell: enShell,
  departments: enDepartments,
  enterprises: enEnterprises,
  importer: enImporter,
  audit: enAudit,
  rounds: enRounds,
  mydept: enMydept,
  rectification: enRectification,
  dashboard: enDashboard,
  comments: enComments,
  verify: enVerify,
  public: enPublic,
  integrity: enIntegrity,
  points: enPoints,
  accounts: enAccounts,
  password: enPassword,
  requests: enRequests,
  state: enState,
  followUps: enFollowUps,
  outbox: enOutbox,
};
export default en;
