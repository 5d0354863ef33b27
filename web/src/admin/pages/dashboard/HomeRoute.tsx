// "/" for a signed-in user: a department head starts on their department's page, the organisation
// department on the cadre points, the security administrator on the accounts, everyone else on the dashboard. Static and tiny on purpose: those pages (and recharts) load only when visited.
import { Navigate } from 'react-router-dom';
import { useUser } from '../../auth.tsx';

export function HomeRoute() {
  const { role } = useUser();
  const home = role === 'dept_head' ? '/my-department' : role === 'org' ? '/points' : role === 'security' ? '/accounts' : '/dashboard';
  return <Navigate to={home} replace />;
}
