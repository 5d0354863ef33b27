// The password policy with its strength estimate (zxcvbn-ts over common passwords, English words and
// names, keyboard patterns, and the person's and the city's own words). Heavy (its dictionaries are
// about 1.5 MB): the server imports it when a password is set, the 修改密码 page loads it lazily.
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as englishDictionary, translations as english } from '@zxcvbn-ts/language-en';
import {
  MAX_PASSWORD_LENGTH, MIN_PASSWORD_SCORE, STRENGTH_SUGGESTIONS, STRENGTH_WARNINGS, passwordRuleProblems,
  type PasswordContext, type PasswordVerdict, type StrengthSuggestion, type StrengthWarning,
} from './password-policy.ts';
import { passwordWords } from './password-words.ts';

let estimator: ZxcvbnFactory | undefined;
// Built on first use: ranking the dictionaries takes a few hundred milliseconds.
const zxcvbn = () => (estimator ??= new ZxcvbnFactory({
  dictionary: { ...commonDictionary, ...englishDictionary },
  graphs: adjacencyGraphs,
  maxLength: MAX_PASSWORD_LENGTH,
}));

const isWarning = (w: string | null): w is StrengthWarning => (STRENGTH_WARNINGS as readonly (string | null)[]).includes(w);
const isSuggestion = (s: string): s is StrengthSuggestion => (STRENGTH_SUGGESTIONS as readonly string[]).includes(s);

/** The password, lower-cased, with every known word taken out; null when it contains none. Codes of two
 *  letters are left in (they turn up inside ordinary words). */
function withoutWords(password: string, words: readonly string[]): string | null {
  let rest = password.toLowerCase();
  const significant = words.filter((w) => w.length >= 3 || (w.length >= 2 && /[^\p{ASCII}]/u.test(w)));
  for (const word of [...significant].sort((x, y) => y.length - x.length)) rest = rest.split(word).join('');
  return rest === password.toLowerCase() ? null : rest;
}

/** Everything wrong with a new password for this person (empty problems: it may be used), and why. */
export function checkPassword(password: string, ctx: PasswordContext): PasswordVerdict {
  const problems = passwordRuleProblems(password, ctx.username);
  if (password.length === 0) return { problems, score: 0, warning: null, suggestions: [] };
  const words = passwordWords(ctx);
  const { score, feedback } = zxcvbn().check(password.slice(0, MAX_PASSWORD_LENGTH), words);
  // zxcvbn charges every extra piece a lot, so "pingyi-2025!" or "swj-fgw-2026" would pass on their own
  // score; words that anyone who knows the city (or the person) tries first count for nothing here.
  const rest = withoutWords(password.slice(0, MAX_PASSWORD_LENGTH), words);
  const knownWordsCarryIt = rest !== null && zxcvbn().check(rest, words).score < MIN_PASSWORD_SCORE;
  if (score >= MIN_PASSWORD_SCORE && !knownWordsCarryIt) return { problems, score, warning: null, suggestions: [] };
  problems.push('weak');
  const warning = score < MIN_PASSWORD_SCORE && isWarning(feedback.warning) ? feedback.warning : knownWordsCarryIt ? 'userInputs' : null;
  const suggestions = score < MIN_PASSWORD_SCORE ? feedback.suggestions.filter(isSuggestion) : [];
  return { problems, score, warning, suggestions: suggestions.length ? suggestions : ['anotherWord'] };
}

/** The estimator's feedback in English, for the server's message and the CLI. */
export function feedbackInEnglish(verdict: Pick<PasswordVerdict, 'warning' | 'suggestions'>): string {
  return [verdict.warning ? english.warnings[verdict.warning] : '', ...verdict.suggestions.map((s) => english.suggestions[s])].filter(Boolean).join(' ');
}
