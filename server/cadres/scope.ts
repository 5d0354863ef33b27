// Who sees which cadres: heads see their own department's unit only; the other readers see all.
import type { SessionUser } from '../auth/access.ts';
import type { Tx } from '../db/client.ts';
import { Forbidden } from '../errors.ts';
import { unitOfDepartment } from './cadres.queries.ts';

/** null: every unit. A number: that unit only (-1 when a head's department has no unit). */
export async function unitScope(tx: Tx, user: SessionUser): Promise<number | null> {
  if (user.role !== 'dept_head') return null;
  if (user.departmentId === null) return -1;
  return (await unitOfDepartment(tx, user.departmentId))?.id ?? -1;
}

export function assertInScope(scope: number | null, unitId: number) {
  if (scope !== null && scope !== unitId) throw new Forbidden('You can see your own unit\'s cadres only');
}
