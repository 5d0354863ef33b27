// What a page opened by the browser (not by a click inside the app) can start asking for before the admin
// app's code has arrived: the session, and on /dashboard the dashboard's reads. Imported by main.tsx, so
// it stays small: no React, no antd.
import { me } from './endpoints.ts';
import { prefetchDashboard } from './pages/dashboard/reads.ts';
import { cachedRead } from './readCache.ts';

/** The signed-in user (the session check), shared with the prefetch. */
export const readMe = () => cachedRead('me', () => me());

export function prefetch(pathname: string, search: string): void {
  void readMe().catch(() => undefined);
  if (pathname === '/dashboard') prefetchDashboard(search);
}
