import { Flex, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { canUse, type PageKey } from './access.ts';
import { useAuth, type LoginRedirectState } from './auth.tsx';
import { LoadError } from './components/LoadError.tsx';
import { NoAccessPage } from './pages/NoAccessPage.tsx';

/** Where everyone changes their password, and where a one-time password leads. */
export const PASSWORD_PATH = '/password';

export function FullPageSpin() {
  return (
    <Flex justify="center" align="center" style={{ minHeight: '60vh' }}>
      <Spin size="large" />
    </Flex>
  );
}

/**
 * Pages behind a login: checking → spinner; signed out → the login page, coming back here afterwards;
 * signed in with a one-time password → the password page, until a new one is set (the server refuses
 * everything else meanwhile with 403 password_change_required).
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { session, recheck } = useAuth();
  const location = useLocation();
  if (session.status === 'checking') return <FullPageSpin />;
  if (session.status === 'error') return <LoadError error={session.error} onRetry={recheck} />;
  if (session.status === 'signed-out') {
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search } satisfies LoginRedirectState} />;
  }
  if (session.user.mustChangePassword && location.pathname !== PASSWORD_PATH) {
    return <Navigate to={PASSWORD_PATH} replace state={{ from: location.pathname + location.search } satisfies LoginRedirectState} />;
  }
  return children;
}

/** A page the role may not use shows the no-access page (it is also hidden from the menu). */
export function RequirePage({ page, children }: { page: PageKey; children: ReactNode }) {
  const { session } = useAuth();
  if (session.status !== 'signed-in') return null;
  return canUse(session.user.role, page) ? children : <NoAccessPage />;
}
