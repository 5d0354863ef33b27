// One department as one compact row: its name over a five-way choice (a radio group named by the
// legend). Once answered it folds to a single line that reopens on a tap. Memoised: answering one row
// never re-renders the other 52.
import { memo, useRef, useState } from 'react';
import { NOT_APPLICABLE_LABEL, type RatingLevel, type ScaleEntry } from '#shared/results/levels.ts';
import { REASONS_MAX } from '#shared/reasons.ts';
import { COMMENT_MAX } from '#shared/survey-rules.ts';
import type { SurveyView } from '#shared/survey.ts';
import { useTranslation } from './i18n.ts';
import { canChooseReason, departmentName, EMPTY_ANSWER, type Answer, type Department, type Lang } from './model.ts';

interface Props {
  department: Department;
  answer: Answer | undefined;
  scale: readonly ScaleEntry[];
  /** The round's reasons for 不满意, offered (optional, one tap each) once 不满意 is chosen. */
  reasons: SurveyView['reasons'];
  lang: Lang;
  /** Shown open although answered (reopened, or being answered from the keyboard). */
  open: boolean;
  showMissing: boolean;
  /** `pointer`: chosen by a tap or click (the form moves on); from the keyboard it stays put. */
  onRate: (id: number, level: RatingLevel, pointer: boolean) => void;
  onOpen: (id: number) => void;
  onClose: (id: number) => void;
  onComment: (id: number, comment: string) => void;
  onReason: (id: number, code: string, on: boolean) => void;
  /** 完成: folds the row (and moves on when it was held open for reasons). */
  onDone: (id: number) => void;
}

export const deptElementId = (id: number) => `dept-${id}`;

/** The label the row shows for an answer. */
export function levelLabel(level: RatingLevel, scale: readonly ScaleEntry[], lang: Lang): string {
  if (level === 'not_applicable') return NOT_APPLICABLE_LABEL[lang];
  const e = scale.find((x) => x.level === level);
  return e ? (lang === 'en' ? e.labelEn : e.labelZh) : level;
}

function DepartmentRowImpl({
  department: d,
  answer = EMPTY_ANSWER,
  scale,
  reasons,
  lang,
  open,
  showMissing,
  onRate,
  onOpen,
  onClose,
  onComment,
  onReason,
  onDone,
}: Props) {
  const { t } = useTranslation();
  const [commentOpen, setCommentOpen] = useState(answer.comment !== '');
  const pointerAt = useRef(0);
  const name = departmentName(d, lang);
  const id = deptElementId(d.id);

  if (answer.level && !open) {
    const label = levelLabel(answer.level, scale, lang);
    return (
      <div id={id} className="row row--done" data-testid="department" data-code={d.code}>
        {/* Named by what it shows (name, answer, 修改), so speech and sight agree. */}
        <button type="button" className="row__summary" aria-expanded="false" onClick={() => onOpen(d.id)}>
          <span className="row__name">{name}</span>
          <span className="row__level">{answer.level === 'not_applicable' ? t('dept.notApplicableShort') : label}</span>
          {answer.reasons.length > 0 && <span className="row__mark">{t('dept.reasonsShort', { n: answer.reasons.length })}</span>}
          {answer.comment && (
            <span className="row__mark" aria-hidden="true">
              ✎
            </span>
          )}
          <span className="row__edit">{t('dept.edit')}</span>
        </button>
      </div>
    );
  }

  const missing = showMissing && !answer.level;
  const options: { level: RatingLevel; short: string; full: string }[] = [
    ...scale.map((e) => ({ level: e.level, short: lang === 'en' ? e.labelEn : e.labelZh, full: lang === 'en' ? e.labelEn : e.labelZh })),
    { level: 'not_applicable', short: t('dept.notApplicableShort'), full: NOT_APPLICABLE_LABEL[lang] },
  ];
  return (
    <fieldset
      id={id}
      className={`row${missing ? ' row--missing' : ''}${answer.level ? ' row--open' : ''}`}
      data-testid="department"
      data-code={d.code}
      aria-describedby={missing ? `${id}-missing` : undefined}
      onPointerDown={() => {
        pointerAt.current = Date.now();
      }}
      onBlur={(e) => {
        if (answer.level && !e.currentTarget.contains(e.relatedTarget as Node | null)) onClose(d.id);
      }}
    >
      <legend className="row__name">{name}</legend>
      {missing && (
        <p id={`${id}-missing`} className="row__error">
          {t('dept.required')}
        </p>
      )}
      <div className="choices">
        {options.map((o) => (
          <label
            key={o.level}
            className={`choice${answer.level === o.level ? ' choice--on' : ''}${o.level === 'not_applicable' ? ' choice--na' : ''}`}
          >
            <input
              type="radio"
              name={`rating-${d.id}`}
              value={o.level}
              checked={answer.level === o.level}
              aria-label={o.full === o.short ? undefined : o.full}
              onChange={() => onRate(d.id, o.level, Date.now() - pointerAt.current < 1500)}
            />
            <span>{o.short}</span>
          </label>
        ))}
      </div>
      {answer.level === 'dissatisfied' && reasons.length > 0 && (
        <fieldset className="reasons" data-testid="reasons">
          <legend className="field-label">{t('dept.reasonsLegend', { max: REASONS_MAX })}</legend>
          {reasons.map((r) => {
            const on = answer.reasons.includes(r.code);
            return (
              <label key={r.code} className={`reason${on ? ' reason--on' : ''}`}>
                <input
                  type="checkbox"
                  checked={on}
                  disabled={!canChooseReason(answer, r.code)}
                  onChange={(e) => onReason(d.id, r.code, e.target.checked)}
                />
                <span>{lang === 'en' ? r.label.en : r.label.zh}</span>
              </label>
            );
          })}
        </fieldset>
      )}
      {answer.level && (
        <div className="row__more">
          {answer.level !== 'not_applicable' &&
            (!commentOpen ? (
              <button type="button" className="link-button" aria-expanded="false" onClick={() => setCommentOpen(true)}>
                {t('dept.addComment')}
              </button>
            ) : (
              <div className="row__comment">
                <label htmlFor={`${id}-comment`} className="field-label">
                  {t('dept.commentLabel', { name })}
                </label>
                <textarea
                  id={`${id}-comment`}
                  rows={3}
                  autoFocus={answer.comment === ''}
                  maxLength={COMMENT_MAX}
                  value={answer.comment}
                  aria-describedby={`${id}-count`}
                  onChange={(e) => onComment(d.id, e.target.value)}
                />
                <p id={`${id}-count`} className="counter">
                  {t('dept.counter', { n: answer.comment.length, max: COMMENT_MAX })}
                </p>
              </div>
            ))}
          <button type="button" className="secondary small row__close" onClick={() => onDone(d.id)}>
            {t('dept.done')}
          </button>
        </div>
      )}
    </fieldset>
  );
}

export const DepartmentRow = memo(DepartmentRowImpl);
