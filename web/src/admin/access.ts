// Which admin pages each role may use. Mirrors the server's route guards; the server still decides.
import type { Role } from '../../../shared/schemas/common.ts';

export type PageKey = 'home' | 'departments' | 'enterprises' | 'import' | 'audit';

export interface PageDef { key: PageKey; path: string; roles: readonly Role[] }

const EVERYONE: readonly Role[] = ['admin', 'leader', 'supervisor', 'dept_head'];

export const PAGES: readonly PageDef[] = [
  { key: 'home', path: '/', roles: EVERYONE },
  { key: 'departments', path: '/departments', roles: EVERYONE },
  { key: 'enterprises', path: '/enterprises', roles: ['admin', 'supervisor'] },
  { key: 'import', path: '/enterprises/import', roles: ['admin'] },
  { key: 'audit', path: '/audit', roles: ['admin', 'supervisor'] },
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
