// The password rules, shared by the server (which decides) and the web (which explains as you type).
// This module is light (the sign-in page loads it); the strength estimate with its dictionaries lives in
// password-strength.ts, which the server and the 修改密码 page load when they need it.
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;
/** zxcvbn's score (0–4) a new password must reach: 3 is about 10^8 guesses, beyond an online attack. */
export const MIN_PASSWORD_SCORE = 3;
/** The demo accounts' password, printed in the README: demo accounts still sign in with it, nobody may choose it. */
export const DEMO_PASSWORD = 'pingyi-demo';

export const PASSWORD_PROBLEMS = ['too_short', 'too_long', 'contains_username', 'published', 'weak'] as const;
export type PasswordProblem = (typeof PASSWORD_PROBLEMS)[number];

// zxcvbn-ts's feedback codes (its translation keys): the server sends them, the page words them.
export const STRENGTH_WARNINGS = [
  'straightRow',
  'keyPattern',
  'simpleRepeat',
  'extendedRepeat',
  'sequences',
  'recentYears',
  'dates',
  'topTen',
  'topHundred',
  'common',
  'similarToCommon',
  'wordByItself',
  'namesByThemselves',
  'commonNames',
  'userInputs',
  'pwned',
] as const;
export type StrengthWarning = (typeof STRENGTH_WARNINGS)[number];
export const STRENGTH_SUGGESTIONS = [
  'l33t',
  'reverseWords',
  'allUppercase',
  'capitalization',
  'dates',
  'recentYears',
  'associatedYears',
  'sequences',
  'repeated',
  'longerKeyboardPattern',
  'anotherWord',
  'useWords',
  'noNeed',
  'pwned',
] as const;
export type StrengthSuggestion = (typeof STRENGTH_SUGGESTIONS)[number];

/** Everything the policy says about one password: what is wrong, and for a weak one why (zxcvbn's codes). */
export interface PasswordVerdict {
  problems: PasswordProblem[];
  /** The estimator's score, 0–4. */
  score: number;
  warning: StrengthWarning | null;
  suggestions: StrengthSuggestion[];
}

/** Whose password it is and when: the estimator counts these words (and the city's) as known to an attacker. */
export interface PasswordContext {
  username: string;
  displayName?: string;
  /** The current year: the years around it are guessed first. */
  year: number;
  /** More of the city's words, e.g. the departments in the database. */
  words?: readonly string[];
}

/** The rules that need no estimate: length, the username, the published demo password. */
export function passwordRuleProblems(password: string, username: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) problems.push('too_short');
  if (length > MAX_PASSWORD_LENGTH) problems.push('too_long');
  const lower = password.toLowerCase();
  const name = username.trim().toLowerCase();
  if (name.length >= 3 && lower.includes(name)) problems.push('contains_username');
  if (lower.trim() === DEMO_PASSWORD) problems.push('published');
  return problems;
}

export const PASSWORD_PROBLEM_TEXT: Record<PasswordProblem, string> = {
  too_short: `at least ${MIN_PASSWORD_LENGTH} characters`,
  too_long: `at most ${MAX_PASSWORD_LENGTH} characters`,
  contains_username: 'must not contain the username',
  published: 'is the published demo password',
  weak: 'too easy to guess (the city\'s name, departments, "pingyi", years, names and common words are guessed first)',
};
