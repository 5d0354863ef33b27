// The form's answers and the pure rules around them: drafts in and out, votes, progress.
import type { RatingLevel } from '#shared/results/levels.ts';
import { REASONS_MAX } from '#shared/reasons.ts';
import { COMMENT_MAX, OVERALL_COMMENT_MAX } from '#shared/survey-rules.ts';
import type { Draft, Submission, SurveyView } from '#shared/survey.ts';
import { DEPARTMENT_CATEGORY_KEYS } from '#shared/vocabulary/department-categories.ts';

export type Department = SurveyView['departments'][number];
export type Lang = 'zh' | 'en';

export interface Answer {
  level: RatingLevel | null;
  comment: string;
  /** Reason codes, only while the level is 不满意 (at most REASONS_MAX, in the order tapped). */
  reasons: readonly string[];
}

export interface Answers {
  ratings: Readonly<Record<number, Answer>>;
  votes: readonly number[];
  comment: string;
}

export interface Rules {
  departmentIds: number[];
  votesLimit: number;
  /** The reasons for 不满意 the round offers. */
  reasonCodes: readonly string[];
}

export const EMPTY_ANSWER: Answer = { level: null, comment: '', reasons: [] };
const LEVELS: readonly string[] = ['satisfied', 'fairly_satisfied', 'basically_satisfied', 'dissatisfied', 'not_applicable'];

export const isApplicable = (level: RatingLevel | null): boolean => level !== null && level !== 'not_applicable';

export type Action =
  | { type: 'rate'; departmentId: number; level: RatingLevel }
  | { type: 'comment'; departmentId: number; comment: string }
  | { type: 'reason'; departmentId: number; code: string; on: boolean }
  | { type: 'vote'; departmentId: number; on: boolean; limit: number }
  | { type: 'overall'; comment: string };

export function reduce(state: Answers, action: Action): Answers {
  switch (action.type) {
    case 'rate': {
      const prev = state.ratings[action.departmentId] ?? EMPTY_ANSWER;
      if (prev.level === action.level) return state;
      // Reasons belong to 不满意 alone: another answer drops them.
      const reasons = action.level === 'dissatisfied' ? prev.reasons : [];
      const ratings = { ...state.ratings, [action.departmentId]: { ...prev, level: action.level, reasons } };
      // A vote cannot stay on a department the enterprise had no dealings with.
      const votes = action.level === 'not_applicable' ? state.votes.filter((id) => id !== action.departmentId) : state.votes;
      return { ...state, ratings, votes };
    }
    case 'comment': {
      const prev = state.ratings[action.departmentId] ?? EMPTY_ANSWER;
      const comment = action.comment.slice(0, COMMENT_MAX);
      if (prev.comment === comment) return state;
      return { ...state, ratings: { ...state.ratings, [action.departmentId]: { ...prev, comment } } };
    }
    case 'reason': {
      const prev = state.ratings[action.departmentId] ?? EMPTY_ANSWER;
      if (!canChooseReason(prev, action.code) && action.on) return state;
      const has = prev.reasons.includes(action.code);
      if (has === action.on) return state;
      const reasons = action.on ? [...prev.reasons, action.code] : prev.reasons.filter((c) => c !== action.code);
      return { ...state, ratings: { ...state.ratings, [action.departmentId]: { ...prev, reasons } } };
    }
    case 'vote': {
      const has = state.votes.includes(action.departmentId);
      if (action.on === has) return state;
      if (!action.on) return { ...state, votes: state.votes.filter((id) => id !== action.departmentId) };
      if (state.votes.length >= action.limit || !isApplicable(state.ratings[action.departmentId]?.level ?? null)) return state;
      return { ...state, votes: [...state.votes, action.departmentId] };
    }
    case 'overall': {
      const comment = action.comment.slice(0, OVERALL_COMMENT_MAX);
      return comment === state.comment ? state : { ...state, comment };
    }
  }
}

/** Reads a draft (the server's or the local copy, which may be old or tampered with) into answers the form accepts. */
export function fromDraft(draft: unknown, rules: Rules): Answers {
  const known = new Set(rules.departmentIds);
  const ratings: Record<number, Answer> = {};
  const d = (typeof draft === 'object' && draft !== null ? draft : {}) as Record<string, unknown>;
  if (Array.isArray(d.ratings)) {
    for (const r of d.ratings as unknown[]) {
      if (typeof r !== 'object' || r === null) continue;
      const { departmentId, level, comment, reasons } = r as Record<string, unknown>;
      if (typeof departmentId !== 'number' || !known.has(departmentId)) continue;
      const lvl = typeof level === 'string' && LEVELS.includes(level) ? (level as RatingLevel) : null;
      ratings[departmentId] = {
        level: lvl,
        comment: typeof comment === 'string' ? comment.slice(0, COMMENT_MAX) : '',
        reasons: lvl === 'dissatisfied' ? draftReasons(reasons, rules.reasonCodes) : [],
      };
    }
  }
  const votes: number[] = [];
  if (Array.isArray(d.leastSatisfied)) {
    for (const id of d.leastSatisfied as unknown[]) {
      if (typeof id !== 'number' || votes.includes(id) || votes.length >= rules.votesLimit) continue;
      if (known.has(id) && isApplicable(ratings[id]?.level ?? null)) votes.push(id);
    }
  }
  const comment = typeof d.comment === 'string' ? d.comment.slice(0, OVERALL_COMMENT_MAX) : '';
  return { ratings, votes, comment };
}

/** Offered codes only, each once, at most REASONS_MAX: a stored draft may predate a change or be tampered with. */
function draftReasons(value: unknown, offered: readonly string[]): string[] {
  if (!Array.isArray(value)) return [];
  const out: string[] = [];
  for (const c of value) if (typeof c === 'string' && offered.includes(c) && !out.includes(c) && out.length < REASONS_MAX) out.push(c);
  return out;
}

/** Whether one more reason can be ticked on this answer now (already ticked counts as allowed). */
export function canChooseReason(a: Answer, code: string): boolean {
  if (a.reasons.includes(code)) return true;
  return a.level === 'dissatisfied' && a.reasons.length < REASONS_MAX;
}

/** What is saved as the draft: everything typed so far, untrimmed. */
export function toDraft(a: Answers): Draft {
  const ratings: Draft['ratings'] = [];
  for (const [id, r] of Object.entries(a.ratings)) {
    if (r.level === null && !r.comment) continue;
    ratings.push({
      departmentId: Number(id),
      level: r.level,
      ...(r.comment ? { comment: r.comment } : {}),
      ...(r.reasons.length ? { reasons: [...r.reasons] } : {}),
    });
  }
  return { ratings, leastSatisfied: [...a.votes], ...(a.comment ? { comment: a.comment } : {}) };
}

/** The submission body; answers still missing are left out (checkSubmission reports them). */
export function toSubmission(a: Answers, departments: readonly Department[], submissionId: string): Submission {
  const ratings: Submission['ratings'] = [];
  for (const d of departments) {
    const r = a.ratings[d.id];
    if (!r?.level) continue;
    const comment = r.level === 'not_applicable' ? '' : r.comment.trim();
    const reasons = r.level === 'dissatisfied' ? r.reasons : [];
    ratings.push({
      departmentId: d.id,
      level: r.level,
      ...(comment ? { comment } : {}),
      ...(reasons.length ? { reasons: [...reasons] } : {}),
    });
  }
  const comment = a.comment.trim();
  return { submissionId, ratings, leastSatisfied: [...a.votes], ...(comment ? { comment } : {}) };
}

export const departmentName = (d: Department, lang: Lang) => (lang === 'en' && d.nameEn ? d.nameEn : d.nameZh);

export const CATEGORY_ORDER = DEPARTMENT_CATEGORY_KEYS;
export type CategoryKey = (typeof CATEGORY_ORDER)[number] | 'other';

/** Departments by category in the usual order (the round's order within each); unknown categories last. */
export function groupByCategory(departments: readonly Department[]): { key: CategoryKey; departments: Department[] }[] {
  const groups = new Map<CategoryKey, Department[]>();
  for (const key of CATEGORY_ORDER) groups.set(key, []);
  groups.set('other', []);
  for (const d of departments) {
    const key = (CATEGORY_ORDER as readonly string[]).includes(d.category) ? (d.category as CategoryKey) : 'other';
    groups.get(key)!.push(d);
  }
  return [...groups].filter(([, list]) => list.length > 0).map(([key, list]) => ({ key, departments: list }));
}

/**
 * A deadline as people read one: an instant at the city's midnight is the end of the day before
 * ("12月7日 24:00", "7 Dec 2026, end of day"), not "12月8日 00:00", which reads as a day later.
 */
export function formatDeadline(iso: string, lang: Lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const cityMidnight = (date.getTime() + 8 * 3600_000) % 86_400_000 === 0; // Asia/Shanghai has no daylight saving
  if (!cityMidnight) return formatTime(iso, lang);
  const dayBefore = new Date(date.getTime() - 12 * 3600_000).toISOString();
  const day = formatTime(dayBefore, lang, { dateOnly: true });
  return lang === 'en' ? `${day}, end of day` : `${day} 24:00`;
}

/** Date and time in the city's time zone, the way the notice prints it. */
export function formatTime(iso: string, lang: Lang, opts: { dateOnly?: boolean; timeOnly?: boolean } = {}): string {
  // A bare day (a submission keeps no time) is shown as that day, with no made-up hour.
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return formatTime(`${iso}T12:00:00+08:00`, lang, { dateOnly: true });
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const fields: Intl.DateTimeFormatOptions = opts.timeOnly
    ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
    : {
        year: 'numeric',
        month: lang === 'en' ? 'short' : 'long',
        day: 'numeric',
        ...(opts.dateOnly ? {} : { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
      };
  const locale = lang === 'en' ? 'en-GB' : 'zh-CN';
  try {
    return new Intl.DateTimeFormat(locale, { ...fields, timeZone: 'Asia/Shanghai' }).format(date);
  } catch {
    return new Intl.DateTimeFormat(locale, fields).format(date); // an old browser without time-zone data
  }
}

// ---- Moving through the form: progress, where to go next, which departments can take a vote.

export interface Progress {
  done: number;
  total: number;
  /** Per category, in the page's order. */
  categories: { key: CategoryKey; done: number; total: number; firstUnanswered: number | null }[];
}

const isAnswered = (a: Answers, id: number) => !!a.ratings[id]?.level;

export function progress(a: Answers, groups: readonly { key: CategoryKey; departments: readonly Department[] }[]): Progress {
  const categories = groups.map(({ key, departments }) => ({
    key,
    done: departments.filter((d) => isAnswered(a, d.id)).length,
    total: departments.length,
    firstUnanswered: departments.find((d) => !isAnswered(a, d.id))?.id ?? null,
  }));
  return { done: categories.reduce((n, c) => n + c.done, 0), total: categories.reduce((n, c) => n + c.total, 0), categories };
}

/**
 * The next department still to answer after `afterId` in page order, wrapping round to the top; from
 * the top when `afterId` is null or unknown. Null once everything is answered.
 */
export function nextUnanswered(order: readonly number[], a: Answers, afterId: number | null = null): number | null {
  const from = afterId === null ? -1 : order.indexOf(afterId);
  for (let step = 1; step <= order.length; step++) {
    const id = order[(from + step + order.length) % order.length]!;
    if (!isAnswered(a, id)) return id;
  }
  return null;
}

export interface VoteCandidate {
  department: Department;
  level: RatingLevel;
  score: number;
}

/**
 * The departments a least-satisfied vote may go to: those the enterprise rated on the scale (not 不了解),
 * lowest-rated first, in page order among equal ratings.
 */
export function voteCandidates(
  a: Answers,
  pageOrder: readonly Department[],
  scale: readonly { level: string; score: number }[],
): VoteCandidate[] {
  const scoreOf = new Map(scale.map((e) => [e.level, e.score]));
  const rated = pageOrder.flatMap((department, index) => {
    const level = a.ratings[department.id]?.level ?? null;
    if (!isApplicable(level)) return [];
    return [{ department, level: level!, score: scoreOf.get(level!) ?? 0, index }];
  });
  rated.sort((x, y) => x.score - y.score || x.index - y.index);
  return rated.map(({ department, level, score }) => ({ department, level, score }));
}

/** Whether department `id` can be ticked as least satisfied now (already ticked counts as allowed). */
export function canVote(a: Answers, id: number, limit: number): boolean {
  if (a.votes.includes(id)) return true;
  return a.votes.length < limit && isApplicable(a.ratings[id]?.level ?? null);
}

/**
 * Which copy of the draft the form opens with: the server's, or this phone's when the server has
 * none, or when this phone's is unsent and newer than what the server saved. `sync` says the phone's
 * copy must be sent at once.
 */
export function pickOpeningDraft(
  server: { draft: unknown; savedAt: string | null },
  local: { draft: unknown; changedAt: number; dirty: boolean } | null,
): { draft: unknown; sync: boolean } {
  const serverAt = server.savedAt ? Date.parse(server.savedAt) : Number.NaN;
  const useLocal = !!local && (!server.draft || (local.dirty && !(serverAt >= local.changedAt)));
  return useLocal ? { draft: local!.draft, sync: local!.dirty || !server.draft } : { draft: server.draft, sync: false };
}
