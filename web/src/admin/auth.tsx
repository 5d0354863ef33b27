// The signed-in user for the admin app: checked once at start, cleared on logout or when the session ends.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import type { LoginBody, User } from '#shared/schemas/auth.ts';
import { ApiError, setUnauthorizedHandler } from '../api.ts';
import * as api from './endpoints.ts';
import { readMe } from './prefetch.ts';
import { answered } from './readCache.ts';

export type SessionState =
  | { status: 'checking' }
  | { status: 'error'; error: unknown }
  | { status: 'signed-out'; expired: boolean }
  | { status: 'signed-in'; user: User };

interface AuthContextValue {
  session: SessionState;
  login(body: LoginBody): Promise<User>;
  logout(): Promise<void>;
  recheck(): void;
  /** The session's user after a change the server answered with (a new password). */
  updateUser(user: User): void;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export interface LoginRedirectState {
  from?: string;
}

export function AuthProvider({ children }: { children: ReactNode }) {
  // Signed in at the first render when the session check started with the page has answered already.
  const [session, setSession] = useState<SessionState>(() => {
    const user = answered<[User]>('me')?.[0];
    return user ? { status: 'signed-in', user } : { status: 'checking' };
  });
  const [attempt, setAttempt] = useState(0);
  const navigate = useNavigate();
  const location = useLocation();

  useEffect(() => {
    const controller = new AbortController();
    readMe().then(
      (user) => {
        if (!controller.signal.aborted) setSession({ status: 'signed-in', user });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 401) setSession({ status: 'signed-out', expired: false });
        else setSession({ status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [attempt]);

  // Any 401 from a later call means the session has ended: back to the login page, then here again.
  const from = location.pathname + location.search;
  useEffect(() => {
    setUnauthorizedHandler(() => {
      setSession({ status: 'signed-out', expired: true });
      navigate('/login', { replace: true, state: { from } satisfies LoginRedirectState });
    });
    return () => setUnauthorizedHandler(null);
  }, [navigate, from]);

  const login = useCallback(async (body: LoginBody) => {
    const user = await api.login(body);
    setSession({ status: 'signed-in', user });
    return user;
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.logout();
    } finally {
      setSession({ status: 'signed-out', expired: false });
      navigate('/login', { replace: true });
    }
  }, [navigate]);

  const recheck = useCallback(() => {
    setSession({ status: 'checking' });
    setAttempt((n) => n + 1);
  }, []);

  const updateUser = useCallback((user: User) => setSession({ status: 'signed-in', user }), []);

  const value = useMemo(() => ({ session, login, logout, recheck, updateUser }), [session, login, logout, recheck, updateUser]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** The signed-in user; only for pages rendered behind RequireAuth. */
export function useUser(): User {
  const { session } = useAuth();
  if (session.status !== 'signed-in') throw new Error('useUser without a signed-in user');
  return session.user;
}
