// The password policy with its strength estimate (zxcvbn-ts over common passwords, English words and
// names, keyboard patterns, and the person's and the city's own words). The estimator and its
// dictionaries (about 1.6 MB) load on the first passwordPolicy() call, each package as a chunk of its
// own in the web build; the policy it returns is a pure, synchronous function.
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import type { translations as englishTranslations } from '@zxcvbn-ts/language-en';
import {
  MIN_PASSWORD_SCORE,
  STRENGTH_SUGGESTIONS,
  STRENGTH_WARNINGS,
  passwordRuleProblems,
  type PasswordContext,
  type PasswordVerdict,
  type StrengthSuggestion,
  type StrengthWarning,
} from './password-policy.ts';
import { passwordWords } from './password-words.ts';

// The estimate reads the first 64 characters: its time grows quickly with length (a repeated pattern of
// 200 takes seconds), and 64 characters that are not guessable make a strong password whatever follows.
const ESTIMATED_LENGTH = 64;

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
function checkPassword(zxcvbn: ZxcvbnFactory, password: string, ctx: PasswordContext): PasswordVerdict {
  const problems = passwordRuleProblems(password, ctx.username);
  if (password.length === 0) return { problems, score: 0, warning: null, suggestions: [] };
  const words = passwordWords(ctx);
  const { score, feedback } = zxcvbn.check(password.slice(0, ESTIMATED_LENGTH), words);
  // zxcvbn charges every extra piece a lot, so "pingyi-2025!" or "swj-fgw-2026" would pass on their own
  // score; words that anyone who knows the city (or the person) tries first count for nothing here.
  const rest = withoutWords(password.slice(0, ESTIMATED_LENGTH), words);
  const knownWordsCarryIt = rest !== null && zxcvbn.check(rest, words).score < MIN_PASSWORD_SCORE;
  if (score >= MIN_PASSWORD_SCORE && !knownWordsCarryIt) return { problems, score, warning: null, suggestions: [] };
  problems.push('weak');
  const warning = score < MIN_PASSWORD_SCORE && isWarning(feedback.warning) ? feedback.warning : knownWordsCarryIt ? 'userInputs' : null;
  const suggestions = score < MIN_PASSWORD_SCORE ? feedback.suggestions.filter(isSuggestion) : [];
  return { problems, score, warning, suggestions: suggestions.length ? suggestions : ['anotherWord'] };
}

/** The estimator's feedback in English, for the server's message and the CLI. */
function feedbackInEnglish(english: typeof englishTranslations, verdict: Pick<PasswordVerdict, 'warning' | 'suggestions'>): string {
  return [verdict.warning ? english.warnings[verdict.warning] : '', ...verdict.suggestions.map((s) => english.suggestions[s])]
    .filter(Boolean)
    .join(' ');
}

export interface PasswordPolicy {
  check(password: string, ctx: PasswordContext): PasswordVerdict;
  feedbackInEnglish(verdict: Pick<PasswordVerdict, 'warning' | 'suggestions'>): string;
}

let loading: Promise<PasswordPolicy> | undefined;

/** The policy with its estimator, loaded once (ranking the dictionaries takes a few hundred milliseconds). */
export function passwordPolicy(): Promise<PasswordPolicy> {
  loading ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common'), import('@zxcvbn-ts/language-en')]).then(
    ([core, common, en]) => {
      const zxcvbn = new core.ZxcvbnFactory({
        dictionary: { ...common.dictionary, ...en.dictionary },
        graphs: common.adjacencyGraphs,
        maxLength: ESTIMATED_LENGTH,
      });
      return {
        check: (password, ctx) => checkPassword(zxcvbn, password, ctx),
        feedbackInEnglish: (verdict) => feedbackInEnglish(en.translations, verdict),
      };
    },
  );
  // A failed load (a chunk that did not arrive) may be tried again.
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
