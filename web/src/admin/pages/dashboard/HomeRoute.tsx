// "/" for a signed-in user: a department head starts on their department's page, everyone else on the
// dashboard. Static and tiny on purpose: those pages (and recharts) load only when visited.
import { Navigate } from 'react-router-dom';
import { useUser } from '../../auth.tsx';

export function HomeRoute() {
  const { role } = useUser();
  return <Navigate to={role === 'dept_head' ? '/my-department' : '/dashboard'} replace />;
}
