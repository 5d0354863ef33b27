// "/" for a signed-in user: readers (admin, leader, supervisor) start on the dashboard; others on the home page.
// Static and tiny on purpose: the dashboard itself (and recharts) loads only when its route is visited.
import { Navigate } from 'react-router-dom';
import { canUse } from '../../access.ts';
import { useUser } from '../../auth.tsx';
import { HomePage } from '../HomePage.tsx';

export function HomeRoute() {
  const { role } = useUser();
  return canUse(role, 'dashboard') ? <Navigate to="/dashboard" replace /> : <HomePage />;
}
