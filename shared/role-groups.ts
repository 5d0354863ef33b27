// Who may do what, by group of roles: declared once, for the server's route guards (server/auth/access.ts)
// and the pages the web offers each role (web/src/admin/access.ts). The server still decides.
import { ROLES, type Role } from './vocabulary/roles.ts';

/** Leaders and the supervisor read what the admin runs. */
export const READERS = ['admin', 'leader', 'supervisor'] as const satisfies readonly Role[];
/** The survey's roles (the organisation department, org, is not one of them). */
export const ALL_ROLES = ['admin', 'leader', 'supervisor', 'dept_head'] as const satisfies readonly Role[];
/** Everyone who can sign in, the security administrator included: the session itself. */
export const SIGNED_IN = ROLES;
/** Every role but the security administrator, who manages accounts and reads no survey or business data. */
export const BUSINESS_ROLES = ['admin', 'leader', 'supervisor', 'dept_head', 'org'] as const satisfies readonly Role[];
/** Account administration (安全管理员): not the admin running rounds, so nobody both resets and approves. */
export const ACCOUNT_ADMINS = ['security'] as const satisfies readonly Role[];
/** The audit log and the data-quality signals: the admin and the supervisor. */
export const AUDIT_READERS = ['admin', 'supervisor'] as const satisfies readonly Role[];
/** The organisation department runs cadre points. */
export const ORG = ['org'] as const satisfies readonly Role[];
/** Cadre points: the organisation department runs them, leaders and the supervisor read, heads read their own unit. */
export const POINTS_READERS = ['org', 'leader', 'supervisor', 'dept_head'] as const satisfies readonly Role[];
/** The points ledger and the promotion shortlist: not the heads. */
export const SHORTLIST_READERS = ['org', 'leader', 'supervisor'] as const satisfies readonly Role[];
