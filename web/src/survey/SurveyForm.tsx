// The form: every department of the round, grouped by category, with search, a sticky progress bar,
// least-satisfied votes, comments, autosave and a submit that is checked here by the server's own rules.
import { useCallback, useMemo, useReducer, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { APPLICABLE_LEVELS } from '../../../shared/results/levels.ts';
import { checkSubmission, OVERALL_COMMENT_MAX } from '../../../shared/survey-rules.ts';
import type { SurveyView } from '../../../shared/survey.ts';
import { ApiError, postSubmission, problemsOf, type SubmitResult } from './api.ts';
import { DepartmentItem, deptElementId } from './DepartmentItem.tsx';
import {
  answeredCount, departmentName, formatTime, fromDraft, groupByCategory, matches, reduce, toSubmission,
  type Department, type Lang, type Rules,
} from './model.ts';
import { localDraft, localReceipt, submissionIdFor } from './storage.ts';
import { useAutosave, type SaveStatus } from './useAutosave.ts';

interface Props {
  token: string;
  view: SurveyView;
  lang: Lang;
  onSubmitted: (result: SubmitResult) => void;
  /** The server says the form no longer applies (closed, revoked, already submitted): reload the view. */
  onReload: () => void;
}

type Problem = { code: string; departmentIds: number[] };
type SubmitError =
  | { kind: 'missing'; n: number; departmentId: number }
  | { kind: 'network' | 'rateLimited' | 'failed' }
  | { kind: 'invalid'; problems: Problem[] };

/** The server's draft, or this phone's copy when the server has none or this one is newer and unsent. */
function openingAnswers(token: string, view: SurveyView, rules: Rules) {
  const local = localDraft.load(token);
  const serverAt = view.draftSavedAt ? Date.parse(view.draftSavedAt) : Number.NaN;
  const useLocal = !!local && (!view.draft || (local.dirty && !(serverAt >= local.changedAt)));
  return {
    answers: fromDraft(useLocal ? local.draft : view.draft, rules),
    syncOnStart: useLocal && (local.dirty || !view.draft),
  };
}

export function SurveyForm({ token, view, lang, onSubmitted, onReload }: Props) {
  const { t } = useTranslation('survey');
  const { departments, votesLimit } = view;
  const rules = useMemo<Rules>(() => ({ departmentIds: departments.map((d) => d.id), votesLimit }), [departments, votesLimit]);
  const [opening] = useState(() => openingAnswers(token, view, rules));
  const [answers, dispatch] = useReducer(reduce, opening.answers);
  const [query, setQuery] = useState('');
  const [showMissing, setShowMissing] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<SubmitError | null>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const submittingRef = useRef(false);

  const saver = useAutosave({ token, answers, initialSavedAt: view.draftSavedAt, syncOnStart: opening.syncOnStart, onGone: onReload });

  const scale = useMemo(
    () => [...view.scale].sort((a, b) => APPLICABLE_LEVELS.indexOf(a.level) - APPLICABLE_LEVELS.indexOf(b.level)),
    [view.scale],
  );
  const byId = useMemo(() => new Map(departments.map((d) => [d.id, d])), [departments]);
  const groups = useMemo(() => groupByCategory(departments), [departments]);
  const pageOrder = useMemo(() => groups.flatMap((g) => g.departments), [groups]); // as shown, by category
  const visible = useMemo(() => new Set(departments.filter((d) => matches(d, query)).map((d) => d.id)), [departments, query]);
  const done = answeredCount(answers, departments);
  const total = departments.length;
  const missingIds = pageOrder.filter((d) => !answers.ratings[d.id]?.level).map((d) => d.id);
  const votesFull = answers.votes.length >= votesLimit;
  const nameOf = useCallback((id: number) => { const d = byId.get(id); return d ? departmentName(d, lang) : String(id); }, [byId, lang]);

  function focusDepartment(id: number) {
    if (!visible.has(id) || query) flushSync(() => setQuery(''));
    const el = document.getElementById(deptElementId(id));
    if (!el) return;
    el.scrollIntoView({ block: 'start' });
    el.querySelector<HTMLInputElement>('input[type="radio"]')?.focus({ preventScroll: true });
  }

  function focusNextMissing() {
    const current = (document.activeElement as HTMLElement | null)?.closest('fieldset')?.id;
    const order = pageOrder.map((d) => d.id);
    const from = current ? order.findIndex((id) => deptElementId(id) === current) : -1;
    const next = order.slice(from + 1).find((id) => missingIds.includes(id)) ?? missingIds[0];
    if (next !== undefined) focusDepartment(next);
  }

  function showError(e: SubmitError) {
    setError(e);
    if (e.kind !== 'missing') requestAnimationFrame(() => errorRef.current?.scrollIntoView({ block: 'center' }));
  }

  async function submit() {
    if (submittingRef.current) return; // a double tap

    const submission = toSubmission(answers, departments, submissionIdFor(token));
    const problems = checkSubmission(submission, rules);
    const incomplete = problems.find((p) => p.code === 'incomplete');
    if (incomplete?.departmentIds?.length) {
      const first = pageOrder.find((d) => incomplete.departmentIds!.includes(d.id))!;
      setShowMissing(true);
      setError({ kind: 'missing', n: incomplete.departmentIds.length, departmentId: first.id });
      focusDepartment(first.id);
      return;
    }
    if (problems.length) {
      showError({ kind: 'invalid', problems: problems.map((p) => ({ code: p.code, departmentIds: p.departmentIds ?? [] })) });
      return;
    }
    setError(null);
    setSubmitting(true);
    submittingRef.current = true;
    saver.pause();
    try {
      const result = await postSubmission(token, submission);
      saver.stop();
      localReceipt.saveAfterSubmit(token, { ...result, roundId: view.round.id });
      onSubmitted(result);
    } catch (err) {
      saver.resume();
      setSubmitting(false);
      submittingRef.current = false;
      if (!(err instanceof ApiError)) return showError({ kind: 'failed' });
      if ([404, 409, 410].includes(err.status)) {
        saver.stop();
        return onReload(); // already submitted (another phone), closed, revoked: the view says which
      }
      if (err.status === 422) {
        const serverProblems = problemsOf(err);
        const missing = serverProblems.find((p) => p.code === 'incomplete')?.departmentIds ?? [];
        if (missing.length) setShowMissing(true);
        return showError({ kind: 'invalid', problems: serverProblems.length ? serverProblems : [{ code: 'other', departmentIds: [] }] });
      }
      if (err.status === 429) return showError({ kind: 'rateLimited' });
      showError({ kind: err.status === 0 ? 'network' : 'failed' });
    }
  }

  const names = (ids: number[]) => {
    const sep = lang === 'en' ? ', ' : '、';
    return ids.slice(0, 5).map(nameOf).join(sep) + (ids.length > 5 ? (lang === 'en' ? ', …' : '等') : '');
  };
  const problemText = (p: Problem) => {
    switch (p.code) {
      case 'incomplete': return t('submit.problems.incomplete', { n: p.departmentIds.length, names: names(p.departmentIds) });
      case 'unknown_department': return t('submit.problems.unknown_department');
      case 'duplicate_rating': return t('submit.problems.duplicate_rating', { names: names(p.departmentIds) });
      case 'comment_on_not_applicable': return t('submit.problems.comment_on_not_applicable', { names: names(p.departmentIds) });
      case 'duplicate_vote': return t('submit.problems.duplicate_vote');
      case 'too_many_votes': return t('submit.problems.too_many_votes', { limit: votesLimit });
      case 'vote_not_allowed': return t('submit.problems.vote_not_allowed', { names: names(p.departmentIds) });
      default: return t('submit.problems.other');
    }
  };

  return (
    <div className="form">
      <StickyBar
        done={done} total={total} votes={answers.votes.length} votesLimit={votesLimit} status={saver.status} lang={lang}
        missing={showMissing ? missingIds.length : 0} onNextMissing={focusNextMissing}
      />

      <p className="intro">{t('intro', { count: total })}</p>

      <div className="search" role="search">
        <label htmlFor="dept-search" className="field-label">{t('search.label')}</label>
        <div className="search__row">
          <input
            id="dept-search" type="search" value={query} placeholder={t('search.placeholder')} autoComplete="off"
            enterKeyHint="search" aria-describedby="dept-search-count" onChange={(e) => setQuery(e.target.value)}
          />
          {query && <button type="button" className="secondary" onClick={() => setQuery('')}>{t('search.clear')}</button>}
        </div>
        <p id="dept-search-count" className="hint" aria-live="polite">
          {query.trim() ? (visible.size ? t('search.count', { n: visible.size }) : t('search.none', { q: query.trim() })) : ''}
        </p>
      </div>

      {groups.map(({ key, departments: list }) => {
        const shown = list.filter((d) => visible.has(d.id));
        return (
          <section key={key} className="category" aria-labelledby={`cat-${key}`} hidden={shown.length === 0}>
            <h2 id={`cat-${key}`} className="category__title">
              {t(`categories.${key}`)}
              <span className="category__count">{t('categoryProgress', { done: answeredCount(answers, list), total: list.length })}</span>
            </h2>
            {list.map((d: Department) => (
              <div key={d.id} hidden={!visible.has(d.id)}>
                <DepartmentItem
                  department={d} answer={answers.ratings[d.id]} scale={scale} lang={lang}
                  voted={answers.votes.includes(d.id)} votesFull={votesFull} votesLimit={votesLimit}
                  showMissing={showMissing} dispatch={dispatch}
                />
              </div>
            ))}
          </section>
        );
      })}

      {votesLimit > 0 && (
        <section className="card" aria-labelledby="votes-title" data-testid="votes">
          <h2 id="votes-title">{t('votes.title')}</h2>
          <p className="hint">{t('votes.help', { limit: votesLimit })}</p>
          <p aria-live="polite" data-testid="votes-remaining">{t('votes.remaining', { used: answers.votes.length, left: votesLimit - answers.votes.length })}</p>
          {answers.votes.length ? (
            <ul className="votes">
              {answers.votes.map((id) => (
                <li key={id}>
                  <span>{nameOf(id)}</span>
                  <button type="button" className="secondary" aria-label={t('votes.removeLabel', { name: nameOf(id) })}
                    onClick={() => dispatch({ type: 'vote', departmentId: id, on: false, limit: votesLimit })}>
                    {t('votes.remove')}
                  </button>
                </li>
              ))}
            </ul>
          ) : <p className="hint">{t('votes.none')}</p>}
        </section>
      )}

      <section className="card">
        <label htmlFor="overall-comment" className="field-label field-label--big">{t('overall.label')}</label>
        <p id="overall-help" className="hint">{t('overall.help')}</p>
        <textarea
          id="overall-comment" rows={5} maxLength={OVERALL_COMMENT_MAX} value={answers.comment}
          aria-describedby="overall-help overall-count" onChange={(e) => dispatch({ type: 'overall', comment: e.target.value })}
        />
        <p id="overall-count" className="counter">{t('dept.counter', { n: answers.comment.length, max: OVERALL_COMMENT_MAX })}</p>
      </section>

      <div className="submit">
        <p className="hint">{t('submit.note')}</p>
        <div ref={errorRef} role="alert" className="submit__error" data-testid="submit-error">
          {error?.kind === 'missing' && missingIds.length > 0 && <p>{t('submit.missing', { n: error.n, name: nameOf(error.departmentId) })}</p>}
          {error?.kind === 'network' && <p>{t('submit.network')}</p>}
          {error?.kind === 'rateLimited' && <p>{t('submit.rateLimited')}</p>}
          {error?.kind === 'failed' && <p>{t('submit.failed')}</p>}
          {error?.kind === 'invalid' && (
            <>
              <p>{t('submit.invalid')}</p>
              <ul>{error.problems.map((p, i) => <li key={i}>{problemText(p)}</li>)}</ul>
            </>
          )}
        </div>
        <button type="button" className="primary" onClick={() => void submit()} disabled={submitting} aria-disabled={submitting}>
          {submitting ? t('submit.submitting') : t('submit.button')}
        </button>
        <p className="hint">{t('header.deadline', { time: formatTime(view.round.closesAt, lang) })}{t('header.timeZone')}</p>
      </div>
    </div>
  );
}

function StickyBar({ done, total, votes, votesLimit, status, lang, missing, onNextMissing }: {
  done: number; total: number; votes: number; votesLimit: number; status: SaveStatus; lang: Lang; missing: number; onNextMissing: () => void;
}) {
  const { t } = useTranslation('survey');
  const saveText = status.kind === 'saving' ? t('save.saving')
    : status.kind === 'saved' ? (status.at ? t('save.savedAt', { time: formatTime(status.at, lang, { timeOnly: true }) }) : t('save.saved'))
    : status.kind === 'offline' ? (status.local ? t('save.offline') : t('save.unsaved'))
    : '';
  const answered = t('progress.answered', { done, total });
  return (
    <div className="bar" data-testid="progress">
      <div className="bar__row">
        <strong className="bar__count" data-testid="answered">{answered}</strong>
        {votesLimit > 0 && <span className="bar__votes">{t('progress.votes', { used: votes, limit: votesLimit })}</span>}
        <span role="status" className={`bar__save bar__save--${status.kind}`} data-testid="save-status">{saveText}</span>
      </div>
      <div className="meter" role="progressbar" aria-label={t('progress.label')} aria-valuemin={0} aria-valuemax={total} aria-valuenow={done} aria-valuetext={answered}>
        <div className="meter__fill" style={{ width: `${total ? (100 * done) / total : 0}%` }} />
      </div>
      {missing > 0 && (
        <div className="bar__row bar__missing">
          <span>{t('progress.missing', { n: missing })}</span>
          <button type="button" className="secondary small" onClick={onNextMissing}>{t('progress.next')}</button>
        </div>
      )}
    </div>
  );
}
