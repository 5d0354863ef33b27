// The Chinese strings of the admin areas the first screens do not use: one chunk, fetched when the first
// page that needs any of them opens, so that no later dialog waits for its words (admin.ts).
import zhAccounts from './zh/accounts.ts';
import zhAudit from './zh/audit.ts';
import zhDepartments from './zh/departments.ts';
import zhEnterprises from './zh/enterprises.ts';
import zhFollowUps from './zh/followUps.ts';
import zhImporter from './zh/importer.ts';
import zhMydept from './zh/mydept.ts';
import zhOutbox from './zh/outbox.ts';
import zhPoints from './zh/points.ts';
import zhPublic from './zh/public.ts';
import zhRequests from './zh/requests.ts';
import zhVerify from './zh/verify.ts';

export default {
  departments: zhDepartments,
  enterprises: zhEnterprises,
  importer: zhImporter,
  audit: zhAudit,
  mydept: zhMydept,
  verify: zhVerify,
  public: zhPublic,
  points: zhPoints,
  accounts: zhAccounts,
  requests: zhRequests,
  followUps: zhFollowUps,
  outbox: zhOutbox,
};
