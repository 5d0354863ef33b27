// The enterprise's requests (诉求直通): raise one with a receipt code, read the department's replies by the
// request's own code, rate the answer. A chunk of its own, loaded only when asked for, so the survey's
// first visit stays light. Every text the server returns is rendered as text, never as HTML.
import { useEffect, useState } from 'react';
import { REQUEST_CONTACT_MAX, REQUEST_TEXT_MAX, type RequestCategory } from '#shared/requests/vocabulary.ts';
import type { RequestThread } from '#shared/schemas/requests.ts';
import { CATEGORY_ORDER, formatDeadline, formatTime } from '../model.ts';
import { CodeField, CopyableCode } from '../Pages.tsx';
import { fetchOptions, fetchThread, raiseRequest, sendFeedback, type RequestOptions } from './api.ts';
import { useRequestT, type RequestKey } from './i18n.ts';
import { codeStore, departmentChoices, errorKeyOf, type ErrorKey } from './model.ts';

type View = { kind: 'home' } | { kind: 'raise' } | { kind: 'created'; code: string } | { kind: 'thread'; code: string };

/** receipt: the code the page just showed (after submitting); without it, the /r page's start. */
export default function Requests({ receipt }: { receipt?: string }) {
  const [view, setView] = useState<View>(receipt ? { kind: 'raise' } : { kind: 'home' });
  switch (view.kind) {
    case 'home':
      return <Home onOpen={(code) => setView({ kind: 'thread', code })} />;
    case 'raise':
      return <RaiseForm receipt={receipt} onCreated={(code) => setView({ kind: 'created', code })} />;
    case 'created':
      return <Created code={view.code} onView={() => setView({ kind: 'thread', code: view.code })} />;
    case 'thread':
      return <Thread code={view.code} onBack={receipt ? undefined : () => setView({ kind: 'home' })} />;
  }
}

function ErrorText({ error }: { error: ErrorKey | null }) {
  const { t } = useRequestT();
  return (
    <p role="alert" className="req__error" data-testid="request-error">
      {error ? t(`errors.${error}`) : ''}
    </p>
  );
}

function Home({ onOpen }: { onOpen: (code: string) => void }) {
  const { t } = useRequestT();
  const [code, setCode] = useState('');
  const [raising, setRaising] = useState(false);
  const remembered = codeStore.load();
  return (
    <div className="req">
      <p>{t('pageIntro')}</p>
      <form
        className="req__box"
        onSubmit={(e) => {
          e.preventDefault();
          if (code.trim()) onOpen(code.trim());
        }}
        aria-labelledby="lookup-title"
      >
        <h2 id="lookup-title">{t('lookup.title')}</h2>
        <CodeField
          id="request-code-input"
          label={t('lookup.label')}
          placeholder={t('lookup.placeholder')}
          value={code}
          onChange={setCode}
          testId="request-code-input"
        />
        <button type="submit" className="secondary">
          {t('lookup.button')}
        </button>
        {remembered.length > 0 && (
          <div>
            <p className="hint">{t('lookup.onThisPhone')}</p>
            <ul className="req__codes">
              {remembered.map((c) => (
                <li key={c}>
                  <button type="button" className="link-button" onClick={() => onOpen(c)}>
                    {c}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
      </form>
      {raising ? (
        <RaiseForm onCreated={(c) => onOpen(c)} askReceipt />
      ) : (
        <section className="req__box">
          <h2>{t('lookup.raiseTitle')}</h2>
          <button type="button" className="primary" onClick={() => setRaising(true)} data-testid="request-start">
            {t('raise.start')}
          </button>
        </section>
      )}
    </div>
  );
}

function RaiseForm({ receipt, askReceipt, onCreated }: { receipt?: string; askReceipt?: boolean; onCreated: (code: string) => void }) {
  const { t, lang } = useRequestT();
  const [options, setOptions] = useState<RequestOptions | null>(null);
  const [form, setForm] = useState({
    receipt: receipt ?? '',
    departmentId: '',
    category: '' as RequestCategory | '',
    text: '',
    contact: '',
  });
  const [departmentQuery, setDepartmentQuery] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<ErrorKey | null>(null);
  useEffect(() => {
    fetchOptions().then(setOptions, (err: unknown) => setError(errorKeyOf(err)));
  }, []);
  const set = (field: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [field]: e.target.value }));

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setSending(true);
    setError(null);
    try {
      const { code } = await raiseRequest({
        receipt: form.receipt,
        departmentId: Number(form.departmentId),
        category: form.category as RequestCategory,
        text: form.text,
        ...(form.contact.trim() ? { contact: form.contact } : {}),
      });
      codeStore.add(code);
      onCreated(code);
    } catch (err) {
      setError(errorKeyOf(err));
    } finally {
      setSending(false);
    }
  }

  return (
    <form className="req__box" onSubmit={(e) => void submit(e)} aria-labelledby="raise-title" data-testid="request-form">
      <h2 id="raise-title">{t('raise.title')}</h2>
      <p className="req__note">{t('raise.anonymity')}</p>
      {(askReceipt || !receipt) && (
        <>
          <label htmlFor="req-receipt" className="field-label">
            {t('raise.receipt')}
          </label>
          <input
            id="req-receipt"
            value={form.receipt}
            onChange={set('receipt')}
            placeholder={t('raise.receiptPlaceholder')}
            required
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={40}
            data-testid="request-receipt"
          />
        </>
      )}
      <label htmlFor="req-department" className="field-label">
        {t('raise.department')}
      </label>
      <input
        type="search"
        value={departmentQuery}
        onChange={(e) => setDepartmentQuery(e.target.value)}
        placeholder={t('raise.searchDepartment')}
        aria-label={t('raise.searchDepartment')}
        autoComplete="off"
        data-testid="request-department-search"
      />
      <select id="req-department" value={form.departmentId} onChange={set('departmentId')} required data-testid="request-department">
        <option value="">{t('raise.chooseDepartment')}</option>
        {departmentChoices(options?.departments ?? [], CATEGORY_ORDER, departmentQuery, lang).map((g) => (
          <optgroup key={g.category} label={t(`departmentCategories.${g.category}` as RequestKey)}>
            {g.departments.map((d) => (
              <option key={d.id} value={d.id}>
                {lang === 'en' && d.nameEn ? d.nameEn : d.nameZh}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <label htmlFor="req-category" className="field-label">
        {t('raise.category')}
      </label>
      <select id="req-category" value={form.category} onChange={set('category')} required data-testid="request-category">
        <option value="">—</option>
        {options?.categories.map((c) => (
          <option key={c} value={c}>
            {t(`categories.${c}`)}
          </option>
        ))}
      </select>
      <label htmlFor="req-text" className="field-label">
        {t('raise.text')}
      </label>
      <textarea
        id="req-text"
        value={form.text}
        onChange={set('text')}
        required
        maxLength={REQUEST_TEXT_MAX}
        rows={5}
        data-testid="request-text"
      />
      <p className="hint" aria-live="polite">
        {t('raise.counter', { n: form.text.length, max: REQUEST_TEXT_MAX })}
      </p>
      <label htmlFor="req-contact" className="field-label">
        {t('raise.contact')}
      </label>
      <input
        id="req-contact"
        value={form.contact}
        onChange={set('contact')}
        maxLength={REQUEST_CONTACT_MAX}
        autoComplete="off"
        aria-describedby="req-contact-help"
        data-testid="request-contact"
      />
      <p id="req-contact-help" className="hint">
        {t('raise.contactHelp')}
      </p>
      <ErrorText error={error} />
      <button type="submit" className="primary" disabled={sending || !options} data-testid="request-submit">
        {sending ? t('raise.sending') : t('raise.submit')}
      </button>
    </form>
  );
}

function Created({ code, onView }: { code: string; onView: () => void }) {
  const { t } = useRequestT();
  return (
    <section className="req__box message--done" data-testid="request-created">
      <h2 tabIndex={-1} ref={(el) => el?.focus({ preventScroll: true })}>
        {t('created.title')}
      </h2>
      <p className="field-label" id="request-code-label">
        {t('created.codeLabel')}
      </p>
      <CopyableCode
        code={code}
        labelId="request-code-label"
        testId="request-code"
        words={{ copy: t('created.copy'), copied: t('created.copied'), copyFailed: t('created.copyFailed') }}
      />
      <p className="hint">{t('created.explain')}</p>
      <button type="button" className="secondary" onClick={onView} data-testid="request-view">
        {t('created.view')}
      </button>
    </section>
  );
}

function Thread({ code, onBack }: { code: string; onBack?: () => void }) {
  const { t, lang } = useRequestT();
  const [thread, setThread] = useState<RequestThread | null>(null);
  const [error, setError] = useState<ErrorKey | null>(null);
  useEffect(() => {
    fetchThread(code).then(
      (th) => {
        setThread(th);
        codeStore.add(code);
      },
      (err: unknown) => setError(errorKeyOf(err)),
    );
  }, [code]);

  return (
    <section className="req__box" aria-labelledby="thread-title" data-testid="request-thread">
      <h2 id="thread-title">{thread ? t(`thread.states.${thread.state}`) : t('lookup.title')}</h2>
      <ErrorText error={error} />
      {thread && (
        <>
          <p>{t('thread.to', { name: lang === 'en' && thread.department.nameEn ? thread.department.nameEn : thread.department.nameZh })}</p>
          <p>{t('thread.category', { name: t(`categories.${thread.category}`) })}</p>
          {thread.raisedAt && thread.dueAt ? (
            <p className="hint">
              {t('thread.raisedAt', { time: formatTime(thread.raisedAt, lang) })} ·{' '}
              {t('thread.dueAt', { time: formatDeadline(thread.dueAt, lang) })}
            </p>
          ) : (
            <p className="hint" data-testid="request-held">
              {t('thread.held')}
            </p>
          )}
          <blockquote className="req__text">{thread.text}</blockquote>
          {thread.contactLeft && <p className="hint">{t('thread.contactLeft')}</p>}
          <h3>{t('thread.replies')}</h3>
          {thread.replies.length ? (
            <ol className="req__replies" data-testid="request-replies">
              {thread.replies.map((r, i) => (
                <li key={i}>
                  <p className="hint">{formatTime(r.at, lang)}</p>
                  <p className="req__text">{r.text}</p>
                </li>
              ))}
            </ol>
          ) : (
            <p>{t('thread.noReply')}</p>
          )}
          {(thread.state === 'replied' || thread.state === 'answered') && <Feedback code={code} thread={thread} onDone={setThread} />}
        </>
      )}
      {onBack && (
        <button type="button" className="link-button" onClick={onBack}>
          {t('thread.back')}
        </button>
      )}
    </section>
  );
}

function Feedback({ code, thread, onDone }: { code: string; thread: RequestThread; onDone: (th: RequestThread) => void }) {
  const { t } = useRequestT();
  const [resolved, setResolved] = useState<boolean | null>(thread.feedback?.resolved ?? null);
  const [satisfied, setSatisfied] = useState<boolean | null>(thread.feedback?.satisfied ?? null);
  const [error, setError] = useState<ErrorKey | null>(null);
  const [sending, setSending] = useState(false);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (resolved === null || satisfied === null) return;
    setSending(true);
    try {
      onDone(await sendFeedback(code, { resolved, satisfied }));
      setError(null);
    } catch (err) {
      setError(errorKeyOf(err));
    } finally {
      setSending(false);
    }
  }

  const yesNo = (name: string, legend: string, value: boolean | null, onChange: (v: boolean) => void) => (
    <fieldset className="req__choice">
      <legend>{legend}</legend>
      {[true, false].map((v) => (
        <label key={String(v)} className="req__option">
          <input type="radio" name={name} checked={value === v} onChange={() => onChange(v)} data-testid={`${name}-${v ? 'yes' : 'no'}`} />
          {v ? t('feedback.yes') : t('feedback.no')}
        </label>
      ))}
    </fieldset>
  );

  const given = thread.feedback;
  return (
    <form onSubmit={(e) => void submit(e)} className="req__feedback" aria-labelledby="feedback-title">
      <h3 id="feedback-title">{t('feedback.title')}</h3>
      {given && (
        <p data-testid="request-feedback-given">
          {t('feedback.given', {
            resolved: given.resolved ? t('feedback.resolvedYes') : t('feedback.resolvedNo'),
            satisfied: given.satisfied ? t('feedback.satisfiedYes') : t('feedback.satisfiedNo'),
          })}{' '}
          {t('feedback.change')}
        </p>
      )}
      {yesNo('resolved', t('feedback.resolved'), resolved, setResolved)}
      {yesNo('satisfied', t('feedback.satisfied'), satisfied, setSatisfied)}
      <ErrorText error={error} />
      <button
        type="submit"
        className="secondary"
        disabled={sending || resolved === null || satisfied === null}
        data-testid="feedback-submit"
      >
        {t('feedback.submit')}
      </button>
    </form>
  );
}
