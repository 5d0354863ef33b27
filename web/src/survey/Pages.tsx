// Everything that is not the form: the thank-you page with its receipt, "already submitted",
// closed, not yet open, replaced link, unknown link, too many requests, no connection.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from './i18n.ts';
import { checkReceipt } from './api.ts';
import { formatTime, type Lang } from './model.ts';

/** A labelled field for a code people type from paper (a receipt, a request's code): no autocorrect, upper case. */
export function CodeField({
  id,
  label,
  placeholder,
  value,
  onChange,
  testId,
}: {
  id: string;
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  testId?: string;
}) {
  return (
    <>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <input
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder={placeholder}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={40}
        data-testid={testId}
      />
    </>
  );
}

/** A page with one message; its heading takes focus so screen readers announce the change. */
export function Message({
  title,
  children,
  tone = 'info',
  testId,
}: {
  title: string;
  children?: ReactNode;
  tone?: 'info' | 'done' | 'warn';
  testId?: string;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus({ preventScroll: true }), []);
  return (
    <section className={`message message--${tone}`} data-testid={testId}>
      <h2 ref={ref} tabIndex={-1} className="message__title">
        {title}
      </h2>
      {children}
    </section>
  );
}

export function RetryButton({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="primary" onClick={onRetry}>
      {t('state.retry')}
    </button>
  );
}

/**
 * A code shown once, large, with a copy button. It breaks only between its groups (ABCD-EFGH-…), never
 * inside one, so that a narrow phone never shows half a group on each line.
 */
export function CopyableCode({
  code,
  labelId,
  testId,
  words,
}: {
  code: string;
  labelId: string;
  testId: string;
  words: { copy: string; copied: string; copyFailed: string };
}) {
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const codeRef = useRef<HTMLElement>(null);

  async function copyCode() {
    try {
      await navigator.clipboard.writeText(code);
      setCopy('copied');
    } catch {
      // No clipboard API (plain http, older in-app browsers): select the code for a long-press copy.
      const range = document.createRange();
      if (codeRef.current) range.selectNodeContents(codeRef.current);
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
      setCopy('failed');
    }
  }

  const groups = code.split('-');
  return (
    <>
      <p className="receipt__code">
        <code ref={codeRef} aria-labelledby={labelId} data-testid={testId}>
          {groups.map((g, i) => (
            <span key={i} className="receipt__group">
              {g}
              {i < groups.length - 1 ? '-' : ''}
            </span>
          ))}
        </code>
      </p>
      <button type="button" className="secondary" onClick={() => void copyCode()} data-testid={`${testId}-copy`}>
        {words.copy}
      </button>
      <span className="receipt__copied" role="status">
        {copy === 'copied' ? words.copied : copy === 'failed' ? words.copyFailed : ''}
      </span>
    </>
  );
}

/** The receipt, large and copyable, with the time and what it is for. */
export function Receipt({ receipt, submittedAt, roundId, lang }: { receipt: string; submittedAt: string; roundId: string; lang: Lang }) {
  const { t } = useTranslation();
  return (
    <div className="receipt" data-testid="receipt">
      <p className="receipt__label" id="receipt-label">
        {t('done.receiptLabel')}
      </p>
      <CopyableCode
        code={receipt}
        labelId="receipt-label"
        testId="receipt-code"
        words={{ copy: t('done.copy'), copied: t('done.copied'), copyFailed: t('done.copyFailed') }}
      />
      <p>{t('done.submittedAt', { time: formatTime(submittedAt, lang) })}</p>
      <p className="hint">{t('done.explain')}</p>
      <ReceiptCheck roundId={roundId} receipt={receipt} />
    </div>
  );
}

/** "Was my response counted?" by receipt code; the code is filled in when this phone has it. */
export function ReceiptCheck({ roundId, receipt }: { roundId: string; receipt?: string }) {
  const { t } = useTranslation();
  const [code, setCode] = useState(receipt ?? '');
  const [state, setState] = useState<'idle' | 'checking' | 'counted' | 'notCounted' | 'failed'>('idle');

  async function check(e: React.FormEvent) {
    e.preventDefault();
    const value = code.trim().toUpperCase();
    if (value.length < 4) return;
    setState('checking');
    try {
      const { counted } = await checkReceipt(roundId, value);
      setState(counted ? 'counted' : 'notCounted');
    } catch {
      setState('failed');
    }
  }

  const text =
    state === 'checking'
      ? t('check.checking')
      : state === 'counted'
        ? t('check.counted')
        : state === 'notCounted'
          ? t('check.notCounted')
          : state === 'failed'
            ? t('check.failed')
            : '';
  return (
    <form className="check-form" onSubmit={(e) => void check(e)} aria-labelledby="check-title">
      <h3 id="check-title">{t('check.title')}</h3>
      {!receipt && (
        <>
          <CodeField
            id="receipt-input"
            label={t('check.inputLabel')}
            placeholder={t('check.placeholder')}
            value={code}
            onChange={setCode}
          />
        </>
      )}
      <button type="submit" className="secondary" disabled={state === 'checking'}>
        {t('check.button')}
      </button>
      <p role="status" className={`check-form__result check-form__result--${state}`} data-testid="receipt-check">
        {text}
      </p>
    </form>
  );
}
