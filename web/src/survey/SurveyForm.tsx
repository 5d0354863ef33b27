// The form, in two steps. Rate: every department of the round as a compact row, grouped by category
// with counts and a jump list; answering moves on to the next unanswered department; reopening the link
// resumes at the first unanswered one. Then the least-satisfied votes among the departments rated
// (lowest first), the overall comment and the submit, checked here by the server's own rules.
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { APPLICABLE_LEVELS, type RatingLevel } from '#shared/results/levels.ts';
import { REASONS_MAX } from '#shared/reasons.ts';
import { checkSubmission } from '#shared/survey-rules.ts';
import type { SurveyView } from '#shared/survey.ts';
import { ApiError, markOpened, postSubmission, problemsOf } from './api.ts';
import { receiptCodeFor, shownReceipt, withReceiptHash, type ShownReceipt } from './receiptCode.ts';
import { DepartmentRow, deptElementId } from './DepartmentRow.tsx';
import { useTranslation } from './i18n.ts';
import {
  departmentName,
  formatTime,
  fromDraft,
  groupByCategory,
  nextUnanswered,
  pickOpeningDraft,
  progress,
  reduce,
  toSubmission,
  type Lang,
  type Rules,
} from './model.ts';
import { localDraft, localReceipt, submissionIdFor } from './storage.ts';
import { useAutosave, type SaveStatus } from './useAutosave.ts';
import { VoteStep } from './VoteStep.tsx';

interface Props {
  token: string;
  view: SurveyView;
  lang: Lang;
  onSubmitted: (receipt: ShownReceipt) => void;
  /** The server says the form no longer applies (closed, revoked, already submitted): reload the view. */
  onReload: () => void;
}

type Problem = { code: string; departmentIds: number[] };
export type SubmitError =
  | { kind: 'missing'; n: number; departmentId: number }
  | { kind: 'network' | 'rateLimited' | 'failed' }
  | { kind: 'invalid'; problems: Problem[] };

/** What gets focus after the next render: a row's first choice, a folded row, the next-step button. */
type FocusTarget = { kind: 'row' | 'summary'; id: number; scroll: boolean } | { kind: 'next' } | { kind: 'step' };

/** The answers the form opens with (pickOpeningDraft decides between the server's and this phone's copy). */
function openingAnswers(token: string, view: SurveyView, rules: Rules) {
  const opening = pickOpeningDraft({ draft: view.draft, savedAt: view.draftSavedAt }, localDraft.load(token));
  return { answers: fromDraft(opening.draft, rules), syncOnStart: opening.sync };
}

export function SurveyForm({ token, view, lang, onSubmitted, onReload }: Props) {
  const { t } = useTranslation();
  const { departments, votesLimit } = view;
  const rules = useMemo<Rules>(
    () => ({ departmentIds: departments.map((d) => d.id), votesLimit, reasonCodes: view.reasons.map((r) => r.code) }),
    [departments, votesLimit, view.reasons],
  );
  const [opening] = useState(() => openingAnswers(token, view, rules));
  const [answers, dispatch] = useReducer(reduce, opening.answers);
  const [step, setStep] = useState<'rate' | 'votes'>('rate');
  const [openId, setOpenId] = useState<number | null>(null);
  const [showMissing, setShowMissing] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<SubmitError | null>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const submittingRef = useRef(false);
  const focusNext = useRef<FocusTarget | null>(null);
  // The row held open for its reasons: leaving it does not fold it (a fold under a tap on the next row
  // would move that row away before the tap lands); 完成 or an answer elsewhere does. The second ref: a first
  // answer, so 完成 moves on to the next department as a tap on another answer would have.
  const heldOpen = useRef<number | null>(null);
  const heldForReasons = useRef<number | null>(null);
  const [, rerender] = useReducer((n: number) => n + 1, 0); // runs the focus effect when nothing else changed
  const answersRef = useRef(answers);
  answersRef.current = answers;

  // After the first render is on screen, never awaited: the page does not wait for it. A saved draft
  // already means "opened".
  useEffect(() => {
    if (!view.draftSavedAt) void markOpened(token);
  }, [token, view.draftSavedAt]);

  const saver = useAutosave({ token, answers, initialSavedAt: view.draftSavedAt, syncOnStart: opening.syncOnStart, onGone: onReload });

  const scale = useMemo(
    () => [...view.scale].sort((a, b) => APPLICABLE_LEVELS.indexOf(a.level) - APPLICABLE_LEVELS.indexOf(b.level)),
    [view.scale],
  );
  const byId = useMemo(() => new Map(departments.map((d) => [d.id, d])), [departments]);
  const groups = useMemo(() => groupByCategory(departments), [departments]);
  const pageOrder = useMemo(() => groups.flatMap((g) => g.departments), [groups]); // as shown, by category
  const order = useMemo(() => pageOrder.map((d) => d.id), [pageOrder]);
  const prog = useMemo(() => progress(answers, groups), [answers, groups]);
  const missing = prog.total - prog.done;
  const nameOf = useCallback(
    (id: number) => {
      const d = byId.get(id);
      return d ? departmentName(d, lang) : String(id);
    },
    [byId, lang],
  );

  // Focus (and scroll) once the render that made the target exists is on screen.
  useEffect(() => {
    const target = focusNext.current;
    if (!target) return;
    focusNext.current = null;
    if (target.kind === 'step') {
      window.scrollTo(0, 0);
      document.getElementById('votes-title')?.focus({ preventScroll: true });
      return;
    }
    if (target.kind === 'next') {
      const button = document.getElementById('next-step');
      button?.scrollIntoView({ block: 'center' });
      button?.focus({ preventScroll: true });
      return;
    }
    const row = document.getElementById(deptElementId(target.id));
    if (!row) return;
    if (target.scroll) row.scrollIntoView({ block: 'start' });
    const el =
      target.kind === 'summary'
        ? row.querySelector<HTMLElement>('button')
        : (row.querySelector<HTMLElement>('input:checked') ?? row.querySelector<HTMLElement>('input[type="radio"]'));
    el?.focus({ preventScroll: true });
  });

  // Reopening the link: straight to the first department not yet answered (nothing moves on a first visit).
  const [resumedAt] = useState(() => (prog.done > 0 && prog.done < prog.total ? nextUnanswered(order, opening.answers) : null));
  const started = useRef(false);
  if (!started.current) {
    started.current = true;
    if (resumedAt !== null) focusNext.current = { kind: 'row', id: resumedAt, scroll: true };
    else if (prog.done > 0 && prog.done === prog.total) focusNext.current = { kind: 'next' };
  }

  const goTo = useCallback((id: number) => {
    focusNext.current = { kind: 'row', id, scroll: true };
    if (answersRef.current.ratings[id]?.level) setOpenId(id);
    rerender();
  }, []);

  const onRate = useCallback(
    (id: number, level: RatingLevel, pointer: boolean) => {
      const before = answersRef.current;
      const wasAnswered = !!before.ratings[id]?.level;
      const after = reduce(before, { type: 'rate', departmentId: id, level });
      dispatch({ type: 'rate', departmentId: id, level });
      if (level === 'dissatisfied' && view.reasons.length > 0) {
        heldOpen.current = id;
        heldForReasons.current = wasAnswered ? null : id;
        setOpenId(id);
        return;
      }
      heldOpen.current = null;
      if (!pointer) {
        setOpenId(id); // the keyboard moves between choices: stay until focus leaves the row
        return;
      }
      setOpenId(null);
      if (wasAnswered) {
        focusNext.current = { kind: 'summary', id, scroll: false };
        return;
      }
      const next = nextUnanswered(order, after, id);
      focusNext.current = next === null ? { kind: 'next' } : { kind: 'row', id: next, scroll: true };
    },
    [order, view.reasons.length],
  );
  const onOpen = useCallback((id: number) => {
    heldOpen.current = null;
    focusNext.current = { kind: 'row', id, scroll: false };
    setOpenId(id);
  }, []);
  const onClose = useCallback((id: number) => {
    if (heldOpen.current !== id) setOpenId((x) => (x === id ? null : x));
  }, []);
  const onComment = useCallback((id: number, comment: string) => dispatch({ type: 'comment', departmentId: id, comment }), []);
  const onReason = useCallback((id: number, code: string, on: boolean) => dispatch({ type: 'reason', departmentId: id, code, on }), []);
  const onDone = useCallback(
    (id: number) => {
      if (heldOpen.current === id) heldOpen.current = null;
      setOpenId((x) => (x === id ? null : x));
      if (heldForReasons.current !== id) return;
      heldForReasons.current = null;
      const next = nextUnanswered(order, answersRef.current, id);
      focusNext.current = next === null ? { kind: 'next' } : { kind: 'row', id: next, scroll: true };
    },
    [order],
  );

  function showError(e: SubmitError) {
    setError(e);
    if (e.kind !== 'missing') requestAnimationFrame(() => errorRef.current?.scrollIntoView({ block: 'center' }));
  }

  /** To the votes step once every department is answered; otherwise to the first one missing. */
  function toVotes() {
    const first = nextUnanswered(order, answers);
    if (first !== null) {
      setShowMissing(true);
      setError({ kind: 'missing', n: missing, departmentId: first });
      goTo(first);
      return;
    }
    setError(null);
    focusNext.current = { kind: 'step' };
    setStep('votes');
  }

  async function submit() {
    if (submittingRef.current) return; // a double tap

    const receiptCode = receiptCodeFor(token);
    const submission = withReceiptHash(toSubmission(answers, departments, submissionIdFor(token)), receiptCode);
    const problems = checkSubmission(submission, rules);
    if (problems.some((p) => p.code === 'incomplete')) {
      setStep('rate');
      toVotes();
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
      const shown = shownReceipt(await postSubmission(token, submission), receiptCode);
      saver.stop();
      localReceipt.saveAfterSubmit(token, { ...shown, roundId: view.round.id });
      onSubmitted(shown);
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
        if (missing.length) {
          setShowMissing(true);
          setStep('rate');
        }
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
      case 'incomplete':
        return t('submit.problems.incomplete', { n: p.departmentIds.length, names: names(p.departmentIds) });
      case 'unknown_department':
        return t('submit.problems.unknown_department');
      case 'duplicate_rating':
        return t('submit.problems.duplicate_rating', { names: names(p.departmentIds) });
      case 'comment_on_not_applicable':
        return t('submit.problems.comment_on_not_applicable', { names: names(p.departmentIds) });
      case 'duplicate_vote':
        return t('submit.problems.duplicate_vote');
      case 'too_many_votes':
        return t('submit.problems.too_many_votes', { limit: votesLimit });
      case 'vote_not_allowed':
        return t('submit.problems.vote_not_allowed', { names: names(p.departmentIds) });
      case 'reasons_need_dissatisfied':
        return t('submit.problems.reasons_need_dissatisfied', { names: names(p.departmentIds) });
      case 'too_many_reasons':
        return t('submit.problems.too_many_reasons', { max: REASONS_MAX, names: names(p.departmentIds) });
      case 'duplicate_reason':
        return t('submit.problems.duplicate_reason', { names: names(p.departmentIds) });
      case 'unknown_reason':
        return t('submit.problems.unknown_reason', { names: names(p.departmentIds) });
      default:
        return t('submit.problems.other');
    }
  };

  const submitErrorBox = (
    <div ref={errorRef} role="alert" className="submit__error" data-testid="submit-error">
      {error?.kind === 'missing' && missing > 0 && <p>{t('submit.missing', { n: missing, name: nameOf(error.departmentId) })}</p>}
      {error?.kind === 'network' && <p>{t('submit.network')}</p>}
      {error?.kind === 'rateLimited' && <p>{t('submit.rateLimited')}</p>}
      {error?.kind === 'failed' && <p>{t('submit.failed')}</p>}
      {error?.kind === 'invalid' && (
        <>
          <p>{t('submit.invalid')}</p>
          <ul>
            {error.problems.map((p, i) => (
              <li key={i}>{problemText(p)}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
  const deadline = (
    <p className="hint">
      {t('header.deadline', { time: formatTime(view.round.closesAt, lang) })}
      {t('header.timeZone')}
    </p>
  );

  if (step === 'votes') {
    return (
      <div className="form">
        <StickyBar
          done={prog.done}
          total={prog.total}
          votes={answers.votes.length}
          votesLimit={votesLimit}
          status={saver.status}
          lang={lang}
          missing={0}
          onNextMissing={() => undefined}
        />
        <VoteStep
          answers={answers}
          pageOrder={pageOrder}
          scale={scale}
          lang={lang}
          votesLimit={votesLimit}
          dispatch={dispatch}
          onBack={() => {
            setError(null);
            setStep('rate');
          }}
        >
          <div className="submit">
            <p className="hint">{t('submit.note')}</p>
            {submitErrorBox}
            <button type="button" className="primary" onClick={() => void submit()} disabled={submitting} aria-disabled={submitting}>
              {submitting ? t('submit.submitting') : t('submit.button')}
            </button>
            {deadline}
          </div>
        </VoteStep>
      </div>
    );
  }

  return (
    <div className="form">
      <StickyBar
        done={prog.done}
        total={prog.total}
        votes={answers.votes.length}
        votesLimit={votesLimit}
        status={saver.status}
        lang={lang}
        missing={prog.done > 0 ? missing : 0}
        onNextMissing={() => {
          const id = nextUnanswered(order, answers, openId);
          if (id !== null) goTo(id);
        }}
      />
      <p className="intro">{t('intro', { count: prog.total })}</p>
      {resumedAt !== null && (
        <p className="resumed" role="status">
          {t('resumed', { name: nameOf(resumedAt) })}
        </p>
      )}

      <nav className="jump" aria-label={t('jump.label')} data-testid="jump-list">
        {prog.categories.map((c) => (
          <button
            key={c.key}
            type="button"
            className={`jump__item${c.done === c.total ? ' jump__item--done' : ''}`}
            onClick={() => {
              const id = c.firstUnanswered ?? groups.find((g) => g.key === c.key)!.departments[0]!.id;
              if (c.firstUnanswered !== null) goTo(id);
              else document.getElementById(`cat-${c.key}`)?.scrollIntoView({ block: 'start' });
            }}
          >
            {t('jump.item', { name: t(`categories.${c.key}`), done: c.done, total: c.total })}
          </button>
        ))}
      </nav>

      {groups.map(({ key, departments: list }, gi) => (
        <section key={key} className="category" aria-labelledby={`cat-${key}`}>
          <h2 id={`cat-${key}`} className="category__title">
            {t(`categories.${key}`)}
            <span className="category__count">{t('categoryProgress', { done: prog.categories[gi]!.done, total: list.length })}</span>
          </h2>
          {list.map((d) => (
            <DepartmentRow
              key={d.id}
              department={d}
              answer={answers.ratings[d.id]}
              scale={scale}
              reasons={view.reasons}
              lang={lang}
              open={openId === d.id}
              showMissing={showMissing}
              onRate={onRate}
              onOpen={onOpen}
              onClose={onClose}
              onComment={onComment}
              onReason={onReason}
              onDone={onDone}
            />
          ))}
        </section>
      ))}

      <div className="submit">
        {missing === 0 && <p className="done-note">{t('next.allDone', { total: prog.total })}</p>}
        {error?.kind === 'missing' && submitErrorBox}
        <button type="button" id="next-step" className="primary" onClick={toVotes}>
          {votesLimit > 0 ? t('next.votes') : t('next.submit')}
        </button>
        {deadline}
      </div>
    </div>
  );
}

function StickyBar({
  done,
  total,
  votes,
  votesLimit,
  status,
  lang,
  missing,
  onNextMissing,
}: {
  done: number;
  total: number;
  votes: number;
  votesLimit: number;
  status: SaveStatus;
  lang: Lang;
  missing: number;
  onNextMissing: () => void;
}) {
  const { t } = useTranslation();
  const saveText =
    status.kind === 'saving'
      ? t('save.saving')
      : status.kind === 'saved'
        ? status.at
          ? t('save.savedAt', { time: formatTime(status.at, lang, { timeOnly: true }) })
          : t('save.saved')
        : status.kind === 'offline'
          ? status.local
            ? t('save.offline')
            : t('save.unsaved')
          : '';
  const answered = t('progress.answered', { done, total });
  return (
    <div className="bar" data-testid="progress">
      <div className="bar__row">
        <strong className="bar__count" data-testid="answered">
          {answered}
        </strong>
        {votesLimit > 0 && <span className="bar__votes">{t('progress.votes', { used: votes, limit: votesLimit })}</span>}
        <span role="status" className={`bar__save bar__save--${status.kind}`} data-testid="save-status">
          {saveText}
        </span>
      </div>
      <div
        className="meter"
        role="progressbar"
        aria-label={t('progress.label')}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={answered}
      >
        <div className="meter__fill" style={{ width: `${total ? (100 * done) / total : 0}%` }} />
      </div>
      {missing > 0 && (
        <div className="bar__row bar__missing">
          <span>{t('progress.missing', { n: missing })}</span>
          <button type="button" className="secondary small" onClick={onNextMissing}>
            {t('progress.next')}
          </button>
        </div>
      )}
    </div>
  );
}
