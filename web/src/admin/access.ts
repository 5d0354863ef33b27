// Which admin pages each role may use. Mirrors the server's route guards; the server still decides.
import { ALL_ROLES, AUDIT_READERS, ORG, POINTS_READERS, READERS, SHORTLIST_READERS } from '#shared/role-groups.ts';
import type { Role } from '#shared/schemas/common.ts';

export type PageKey =
  | 'departments'
  | 'enterprises'
  | 'import'
  | 'audit'
  | 'rounds'
  | 'invitations'
  | 'myDepartment'
  | 'rectification'
  | 'outbox'
  | 'dashboard'
  | 'escalations'
  | 'report'
  | 'appeals'
  | 'points'
  | 'pointsLedger'
  | 'pointsReview'
  | 'pointsShortlist'
  | 'cadre'
  | 'accounts'
  | 'requests'
  | 'pointsImport';

export interface PageDef {
  key: PageKey;
  path: string;
  roles: readonly Role[] /** false: a sub-page, not in the menu */;
  menu?: false;
}

export const PAGES: readonly PageDef[] = [
  // "/" leads a department head to their department's page, everyone else to the dashboard.
  { key: 'myDepartment', path: '/my-department', roles: ['dept_head'] },
  { key: 'dashboard', path: '/dashboard', roles: READERS },
  { key: 'report', path: '/report', roles: READERS, menu: false },
  // Department heads never see rounds: who was drawn must stay unknown to the departments rated.
  { key: 'rounds', path: '/rounds', roles: READERS },
  { key: 'invitations', path: '/rounds/:id/invitations', roles: ['admin'], menu: false },
  { key: 'outbox', path: '/rounds/:id/outbox', roles: ['admin'], menu: false },
  { key: 'escalations', path: '/escalations', roles: READERS },
  // The admin decides; leaders and the supervisor read every appeal (heads see theirs on 本部门).
  { key: 'appeals', path: '/appeals', roles: READERS },
  // 诉求: heads answer their department's; the admin sees every one and the overdue; leaders and supervisors read.
  { key: 'requests', path: '/requests', roles: ALL_ROLES },
  // Heads see their own department's cases (the server filters); admins review; leaders and supervisors read.
  { key: 'rectification', path: '/rectification', roles: ALL_ROLES },
  { key: 'departments', path: '/departments', roles: ALL_ROLES },
  { key: 'enterprises', path: '/enterprises', roles: ['admin', 'supervisor'] },
  { key: 'import', path: '/enterprises/import', roles: ['admin'] },
  { key: 'audit', path: '/audit', roles: AUDIT_READERS },
  // 三员分立: the security administrator manages accounts and sees nothing else; the admin running rounds does not.
  { key: 'accounts', path: '/accounts', roles: ['security'] },
  // 干部积分: the organisation department runs it; leaders and supervisors read; heads read their own unit.
  { key: 'points', path: '/points', roles: POINTS_READERS },
  { key: 'pointsLedger', path: '/points/ledger', roles: SHORTLIST_READERS },
  { key: 'pointsReview', path: '/points/review', roles: ORG },
  { key: 'pointsShortlist', path: '/points/shortlist', roles: SHORTLIST_READERS },
  { key: 'pointsImport', path: '/points/import', roles: ORG },
  { key: 'cadre', path: '/points/cadres', roles: POINTS_READERS, menu: false },
];

export function canUse(role: Role, key: PageKey): boolean {
  return PAGES.some((p) => p.key === key && p.roles.includes(role));
}

export function pagesFor(role: Role): PageDef[] {
  return PAGES.filter((p) => p.roles.includes(role));
}

/** The page a path belongs to (the longest matching path wins). */
export function pageForPath(pathname: string): PageKey | undefined {
  const matches = PAGES.filter((p) => pathname === p.path || (p.path !== '/' && pathname.startsWith(`${p.path}/`)));
  return matches.sort((a, b) => b.path.length - a.path.length)[0]?.key;
}
