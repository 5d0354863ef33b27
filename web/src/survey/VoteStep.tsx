// The last step: up to `votesLimit` least-satisfied departments, chosen among those the enterprise rated
// (lowest-rated first), then the overall comment and the submit (passed in as children).
import type { Dispatch, ReactNode } from 'react';
import type { ScaleEntry } from '#shared/results/levels.ts';
import { OVERALL_COMMENT_MAX } from '#shared/survey-rules.ts';
import { levelLabel } from './DepartmentRow.tsx';
import { useTranslation } from './i18n.ts';
import { canVote, departmentName, voteCandidates, type Action, type Answers, type Department, type Lang } from './model.ts';

interface Props {
  answers: Answers;
  pageOrder: readonly Department[];
  scale: readonly ScaleEntry[];
  lang: Lang;
  votesLimit: number;
  dispatch: Dispatch<Action>;
  onBack: () => void;
  children: ReactNode;
}

export function VoteStep({ answers, pageOrder, scale, lang, votesLimit, dispatch, onBack, children }: Props) {
  const { t } = useTranslation();
  const candidates = voteCandidates(answers, pageOrder, scale);
  const used = answers.votes.length;
  return (
    <>
      {votesLimit > 0 && (
        <section className="card votes-step" aria-labelledby="votes-title" data-testid="votes">
          <h2 id="votes-title" tabIndex={-1}>
            {t('votes.title')}
          </h2>
          <p className="hint" id="votes-help">
            {t('votes.help', { limit: votesLimit })}
          </p>
          <p aria-live="polite" data-testid="votes-remaining">
            {used >= votesLimit ? t('votes.limit', { limit: votesLimit }) : t('votes.remaining', { used, left: votesLimit - used })}
          </p>
          {candidates.length === 0 ? (
            <p>{t('votes.none')}</p>
          ) : (
            <fieldset className="vote-list" aria-describedby="votes-help">
              <legend className="visually-hidden">{t('votes.listLabel')}</legend>
              {candidates.map(({ department: d, level }) => {
                const on = answers.votes.includes(d.id);
                const allowed = canVote(answers, d.id, votesLimit);
                return (
                  <label key={d.id} className={`vote${on ? ' vote--on' : ''}${allowed ? '' : ' vote--off'}`} data-testid="vote-candidate">
                    <input
                      type="checkbox"
                      checked={on}
                      disabled={!allowed}
                      onChange={(e) => dispatch({ type: 'vote', departmentId: d.id, on: e.target.checked, limit: votesLimit })}
                    />
                    <span className="vote__name">{departmentName(d, lang)}</span>
                    <span className={`vote__level vote__level--${level}`}>{levelLabel(level, scale, lang)}</span>
                  </label>
                );
              })}
            </fieldset>
          )}
        </section>
      )}

      <section className="card">
        {votesLimit === 0 && (
          <h2 id="votes-title" tabIndex={-1} className="visually-hidden">
            {t('overall.label')}
          </h2>
        )}
        <label htmlFor="overall-comment" className="field-label field-label--big">
          {t('overall.label')}
        </label>
        <p id="overall-help" className="hint">
          {t('overall.help')}
        </p>
        <textarea
          id="overall-comment"
          rows={4}
          maxLength={OVERALL_COMMENT_MAX}
          value={answers.comment}
          aria-describedby="overall-help overall-count"
          onChange={(e) => dispatch({ type: 'overall', comment: e.target.value })}
        />
        <p id="overall-count" className="counter">
          {t('dept.counter', { n: answers.comment.length, max: OVERALL_COMMENT_MAX })}
        </p>
      </section>

      {children}
      <button type="button" className="secondary back" onClick={onBack}>
        {t('votes.back')}
      </button>
    </>
  );
}
