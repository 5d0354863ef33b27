// "/" for a signed-in user: a department head starts on their department's page, the organisation
// department on the cadre points, everyone else on the dashboard. Static and tiny on purpose: those pages (and recharts) load only when visited.
import { Navigate } from 'react-router-dom';
import { useUser } from '../../auth.tsx';

export function HomeRoute() {
  const { role } = useUser();
  return <Navigate to={role === 'dept_head' ? '/my-department' : role === 'org' ? '/points' : '/dashboard'} replace />;
}
