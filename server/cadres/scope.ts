// Who sees which cadres: heads see their own department's unit only; the other readers see all.
import type { SessionUser } from '../auth/access.ts';
import type { Tx } from '../db/client.ts';
import { Forbidden, NotFound } from '../errors.ts';
import { findUnitByRef, unitOfDepartment } from './cadres.queries.ts';

/** null: every unit. A number: that unit only (-1 when a head's department has no unit). */
export async function unitScope(tx: Tx, user: SessionUser): Promise<number | null> {
  if (user.role !== 'dept_head') return null;
  if (user.departmentId === null) return -1;
  return (await unitOfDepartment(tx, user.departmentId))?.id ?? -1;
}

export function assertInScope(scope: number | null, unitId: number) {
  if (scope !== null && scope !== unitId) throw new Forbidden("You can see your own unit's cadres only");
}

/** The unit a list is limited to: the one asked for (within the reader's scope), else the reader's scope. */
export async function unitFilter(tx: Tx, user: SessionUser, ref: string | undefined): Promise<number | null> {
  const scope = await unitScope(tx, user);
  if (!ref) return scope;
  const unit = await findUnitByRef(tx, ref);
  if (!unit) throw new NotFound(`No unit "${ref}"`);
  assertInScope(scope, unit.id);
  return unit.id;
}
