// One department: a fieldset whose legend is its name, the scale as a radio group, 不了解, the
// least-satisfied mark and an optional comment. Memoised: typing in one never re-renders the other 52.
import { memo, useState, type Dispatch } from 'react';
import { useTranslation } from 'react-i18next';
import { NOT_APPLICABLE_LABEL, type RatingLevel, type ScaleEntry } from '../../../shared/results/levels.ts';
import { COMMENT_MAX } from '../../../shared/survey-rules.ts';
import { departmentName, EMPTY_ANSWER, isApplicable, type Action, type Answer, type Department, type Lang } from './model.ts';

interface Props {
  department: Department;
  answer: Answer | undefined;
  scale: readonly ScaleEntry[];
  lang: Lang;
  voted: boolean;
  /** The vote limit is reached (and this one is not among the votes). */
  votesFull: boolean;
  votesLimit: number;
  showMissing: boolean;
  dispatch: Dispatch<Action>;
}

export const deptElementId = (id: number) => `dept-${id}`;

function DepartmentItemImpl({ department: d, answer = EMPTY_ANSWER, scale, lang, voted, votesFull, votesLimit, showMissing, dispatch }: Props) {
  const { t } = useTranslation('survey');
  const [commentOpen, setCommentOpen] = useState(answer.comment !== '');
  const name = departmentName(d, lang);
  const id = deptElementId(d.id);
  const missing = showMissing && !answer.level;
  const na = answer.level === 'not_applicable';
  const canVote = isApplicable(answer.level) && (voted || !votesFull);
  const voteHint = voted ? null : na ? t('dept.voteNotApplicable') : votesFull ? t('dept.voteLimit', { limit: votesLimit }) : null;
  const options: { level: RatingLevel; label: string; hint?: string }[] = [
    ...scale.map((e) => ({ level: e.level, label: lang === 'en' ? e.labelEn : e.labelZh })),
    { level: 'not_applicable', label: NOT_APPLICABLE_LABEL[lang], hint: t('dept.notApplicableHint') },
  ];

  return (
    <fieldset id={id} className={`dept${missing ? ' dept--missing' : ''}${answer.level ? ' dept--done' : ''}`} aria-describedby={missing ? `${id}-missing` : undefined} data-testid="department">
      <legend className="dept__name">{name}</legend>
      {missing && <p id={`${id}-missing`} className="dept__error">{t('dept.required')}</p>}
      <div className="dept__options">
        {options.map((o) => {
          const checked = answer.level === o.level;
          return (
            <label key={o.level} className={`option${checked ? ' option--checked' : ''}${o.level === 'not_applicable' ? ' option--na' : ''}`}>
              <input
                type="radio"
                name={`rating-${d.id}`}
                value={o.level}
                checked={checked}
                onChange={() => dispatch({ type: 'rate', departmentId: d.id, level: o.level })}
              />
              <span>
                {o.label}
                {o.hint && <span className="option__hint">{o.hint}</span>}
              </span>
            </label>
          );
        })}
      </div>
      {votesLimit > 0 && answer.level && (
        <div className="dept__vote">
          <label className={`check${voted ? ' check--on' : ''}${canVote ? '' : ' check--disabled'}`}>
            <input
              type="checkbox"
              checked={voted}
              disabled={!canVote}
              aria-describedby={voteHint ? `${id}-vote-hint` : undefined}
              onChange={(e) => dispatch({ type: 'vote', departmentId: d.id, on: e.target.checked, limit: votesLimit })}
            />
            <span>{t('dept.vote')}</span>
          </label>
          {voteHint && <p id={`${id}-vote-hint`} className="hint">{voteHint}</p>}
        </div>
      )}
      {!na && (
        <div className="dept__comment">
          {!commentOpen ? (
            <button type="button" className="link-button" aria-expanded="false" onClick={() => setCommentOpen(true)}>
              {t('dept.addComment')}
            </button>
          ) : (
            <>
              <label htmlFor={`${id}-comment`} className="field-label">{t('dept.commentLabel', { name })}</label>
              <textarea
                id={`${id}-comment`}
                rows={3}
                autoFocus={answer.comment === ''}
                maxLength={COMMENT_MAX}
                value={answer.comment}
                aria-describedby={`${id}-count`}
                onChange={(e) => dispatch({ type: 'comment', departmentId: d.id, comment: e.target.value })}
              />
              <p id={`${id}-count`} className="counter">{t('dept.counter', { n: answer.comment.length, max: COMMENT_MAX })}</p>
            </>
          )}
        </div>
      )}
    </fieldset>
  );
}

export const DepartmentItem = memo(DepartmentItemImpl);
