// The account form's rules apart from its components: what a change sends, and how the password
// policy reads rule by rule as the person types.
import { MAX_PASSWORD_LENGTH, passwordRuleProblems, type PasswordProblem, type PasswordVerdict } from '#shared/password-policy.ts';
import type { Role } from '#shared/schemas/common.ts';
import { roleNeedsDepartment, type Account, type AccountPatch } from '#shared/schemas/users.ts';

export interface AccountFormValues {
  username?: string;
  displayName?: string;
  role?: Role;
  departmentId?: number | null;
}

/** The create body: a department only for a head (a department picked before switching role is dropped). */
export function createBody(v: AccountFormValues) {
  return {
    username: (v.username ?? '').trim(),
    displayName: (v.displayName ?? '').trim(),
    role: v.role,
    departmentId: v.role && roleNeedsDepartment(v.role) ? (v.departmentId ?? null) : null,
  };
}

/** Only what changed, so an unchanged role or department does not end the person's sessions. */
export function patchBody(before: Account, v: AccountFormValues): AccountPatch {
  const patch: AccountPatch = {};
  const displayName = (v.displayName ?? '').trim();
  if (displayName !== before.displayName) patch.displayName = displayName;
  const role = v.role ?? before.role;
  const departmentId = roleNeedsDepartment(role) ? (v.departmentId ?? null) : null;
  if (role !== before.role) patch.role = role;
  // The server checks the department against the role, so a role change always carries it.
  if (role !== before.role || departmentId !== before.departmentId) patch.departmentId = departmentId;
  return patch;
}

/** Would this change end the person's open sessions (the form warns before saving)? */
export const endsSessions = (patch: AccountPatch) => patch.role !== undefined || patch.departmentId !== undefined;

/** Each rule of the policy shown to the person, met or not (too_long and the demo password only once they
 *  apply). Until the strength estimate has loaded (verdict null) its rule reads as not yet met. */
export function passwordRules(
  password: string,
  username: string,
  verdict: PasswordVerdict | null,
): { rule: PasswordProblem; met: boolean }[] {
  const problems = new Set<PasswordProblem>(verdict?.problems ?? passwordRuleProblems(password, username));
  const rules: PasswordProblem[] = ['too_short', 'contains_username', 'weak'];
  if (problems.has('published')) rules.splice(2, 0, 'published');
  if ([...password].length > MAX_PASSWORD_LENGTH) rules.splice(1, 0, 'too_long');
  return rules.map((rule) => ({ rule, met: password.length > 0 && (rule !== 'weak' || verdict !== null) && !problems.has(rule) }));
}
