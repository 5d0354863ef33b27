/**
 * Who may sign in. org is the organisation department (组织部), which runs the cadre points. security is
 * the security administrator (安全管理员): it alone manages accounts and sees no survey or business data,
 * so the admin running rounds cannot reset someone's password and act as them (三员分立).
 * Kept apart from the zod schemas: what needs only the names (the web's menu, the role groups) then
 * does not bring zod into the dashboard's first screen.
 */
export const ROLES = ['admin', 'leader', 'supervisor', 'dept_head', 'org', 'security'] as const;
export type Role = (typeof ROLES)[number];
