// The server's side of the password policy: it decides, with the departments in its database counted as
// known words besides the city's and the person's. The estimator loads on first use (its dictionaries
// are large and most processes never set a password).
import { PASSWORD_PROBLEM_TEXT, type PasswordVerdict } from '#shared/password-policy.ts';
import { departmentWords } from '#shared/password-words.ts';
import type { Db } from '../db/client.ts';
import { departments } from '../db/schema.ts';
import { Invalid } from '../errors.ts';

const policy = () => import('#shared/password-strength.ts').then((m) => m.passwordPolicy());

export async function checkNewPassword(
  db: Db | null,
  person: { username: string; displayName?: string },
  password: string,
  now: Date,
): Promise<PasswordVerdict> {
  const [{ check }, rows] = await Promise.all([
    policy(),
    db ? db.select({ code: departments.code, nameZh: departments.nameZh }).from(departments) : [],
  ]);
  return check(password, { ...person, year: now.getUTCFullYear(), words: departmentWords(rows) });
}

/** "The new password is not acceptable: …" in English, with the estimator's reason when it has one. */
export async function verdictText(verdict: PasswordVerdict): Promise<string> {
  const { feedbackInEnglish } = await policy();
  const why = feedbackInEnglish(verdict);
  return `${verdict.problems.map((p) => PASSWORD_PROBLEM_TEXT[p]).join('; ')}${why ? ` (${why})` : ''}`;
}

/** 422 weak_password carrying the problem codes and the estimator's reason codes for the page to word. */
export async function weakPassword(verdict: PasswordVerdict): Promise<Invalid> {
  const { problems, warning, suggestions } = verdict;
  return new Invalid(
    `The new password is not acceptable: ${await verdictText(verdict)}`,
    { fields: ['newPassword'], problems, warning, suggestions },
    'weak_password',
  );
}
