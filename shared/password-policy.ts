// The password rules, shared by the server (which decides) and the web (which explains as you type).
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

export type PasswordProblem = 'too_short' | 'too_long' | 'contains_username' | 'common';

// Passwords of ten or more characters that lists of leaked passwords are full of, lower-cased,
// plus the demo password, which is printed in the README.
const COMMON = new Set([
  '1234567890', '0123456789', '12345678910', '123456789a', 'a123456789', '1234567890a', 'qwertyuiop', 'qwerty1234',
  '1q2w3e4r5t', '1qaz2wsx3edc', 'zaq12wsxcde3', 'asdfghjkl;', 'zxcvbnm123', 'password12', 'password123', 'password1!',
  'password1234', 'passw0rd123', 'p@ssw0rd123', 'p@ssword123', 'iloveyou12', 'iloveyou123', 'admin12345', 'admin123456',
  'administrator', 'welcome123', 'welcome1234', 'letmein123', 'abc1234567', 'abcd123456', 'abcdefghij', 'abc123456789',
  'qwe1234567', 'qweasdzxc123', 'woaini1314', 'woaini520', '5201314520', '1314520520', 'wodemima123', 'mima123456',
  'changeme123', 'trustno1234', 'football123', 'baseball123', 'sunshine123', 'princess123', 'dragon1234', 'monkey12345',
  'aa123456789', 'aa12345678', 'qq123456789', 'pingyi-demo', 'pingyi123456', 'xiantao123', 'xiantao2026',
]);

/** Ten of one character, or a run up or down the keyboard's digits or the alphabet. */
function isTrivial(p: string): boolean {
  if (new Set(p).size <= 2) return true;
  const codes = [...p].map((c) => c.charCodeAt(0));
  const steps = new Set(codes.slice(1).map((c, i) => c - codes[i]!));
  return steps.size === 1 && [1, -1].includes([...steps][0]!);
}

/** Everything wrong with a password for this user; empty when it may be used. */
export function passwordProblems(password: string, username: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) problems.push('too_short');
  if (length > MAX_PASSWORD_LENGTH) problems.push('too_long');
  const lower = password.toLowerCase();
  const name = username.trim().toLowerCase();
  if (name.length >= 3 && lower.includes(name)) problems.push('contains_username');
  if (COMMON.has(lower) || isTrivial(lower)) problems.push('common');
  return problems;
}

export const PASSWORD_PROBLEM_TEXT: Record<PasswordProblem, string> = {
  too_short: `at least ${MIN_PASSWORD_LENGTH} characters`,
  too_long: `at most ${MAX_PASSWORD_LENGTH} characters`,
  contains_username: 'must not contain the username',
  common: 'too common or too simple; choose a less guessable one',
};
