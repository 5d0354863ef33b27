// A department head's home is their department's page; everyone else gets the children (the home page).
import type { ReactNode } from 'react';
import { Navigate } from 'react-router-dom';
import { useUser } from '../../auth.tsx';

export function HeadHome({ children }: { children: ReactNode }) {
  const user = useUser();
  return user.role === 'dept_head' ? <Navigate to="/my-department" replace /> : children;
}
