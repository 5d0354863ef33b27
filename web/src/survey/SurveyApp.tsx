// The enterprise survey (/s/<token>). It must stay free of antd, recharts and admin code: enterprises
// open it on cheap phones, often inside WeChat, on slow connections. Plain React and plain CSS only.
import { Component, lazy, Suspense, useCallback, useEffect, useState, type ReactNode } from 'react';
import { currentLanguage, setLanguage, useTranslation } from './i18n.ts';
import { quarterLabel } from '#shared/round-lifecycle.ts';
import type { CityProfile } from '#shared/schemas/profile.ts';
import type { SurveyView } from '#shared/survey.ts';
import { issuerWords, telHref } from '../issuer.ts';
import { ApiError, fetchProfile, fetchSurvey, postSubmission } from './api.ts';
import { pendingReceiptCode, shownReceipt, withReceiptHash, type ShownReceipt } from './receiptCode.ts';
import { formatTime, type Lang } from './model.ts';
import { Message, Receipt, ReceiptCheck, RetryButton } from './Pages.tsx';
import { localReceipt, pendingSubmissionId } from './storage.ts';
import { SurveyForm } from './SurveyForm.tsx';
import './survey.css';

const TOKEN = /^\/s\/([^/?#]+)/;
const REQUESTS_PAGE = /^\/r\/?$/;
// Requests to departments: a chunk of their own, fetched only when the enterprise asks for them.
const Requests = lazy(() => import('./requests/Requests.tsx'));

type Phase =
  | { kind: 'loading' }
  | { kind: 'failed'; reason: 'not_found' | 'rate_limited' | 'network' | 'server'; issuer?: CityProfile | null }
  | { kind: 'view'; view: SurveyView }
  | { kind: 'done'; view: SurveyView; result: ShownReceipt };

/**
 * Submitted, but this phone has no receipt: the reply to its own submission may have been lost.
 * Sending the same submission id again confirms it was that submission (never a second response);
 * the receipt code is the one this phone made for the attempt.
 */
async function recoverReceipt(token: string, view: SurveyView): Promise<void> {
  const stored = localReceipt.load(token);
  if (stored?.roundId === view.round.id) return;
  const submissionId = pendingSubmissionId(token);
  const code = pendingReceiptCode(token);
  if (!submissionId || !code) return localReceipt.forgetAttempt(token);
  try {
    const result = await postSubmission(token, withReceiptHash({ submissionId, ratings: [], leastSatisfied: [] }, code));
    localReceipt.saveAfterSubmit(token, { ...shownReceipt(result, code), roundId: view.round.id });
  } catch (err) {
    if (err instanceof ApiError && err.status === 409) localReceipt.forgetAttempt(token); // submitted from another phone
  }
}

function tokenFromPath(): string | null {
  const raw = TOKEN.exec(window.location.pathname)?.[1];
  if (!raw) return null;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export default function SurveyApp() {
  return <ErrorBoundary>{REQUESTS_PAGE.test(window.location.pathname) ? <RequestsPage /> : <Survey />}</ErrorBoundary>;
}

/** The organising office and the help line, under a page's title. */
/** The header's switch to the other language (named in that language). */
function LanguageSwitch({ lang }: { lang: Lang }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="lang"
      lang={lang === 'en' ? 'zh-CN' : 'en'}
      title={t('languageLabel')}
      onClick={() => setLanguage(currentLanguage() === 'en' ? 'zh-CN' : 'en')}
      data-testid="lang-switch"
    >
      {t('language')}
    </button>
  );
}

function IssuerLines({ issuer, lang }: { issuer: CityProfile | null | undefined; lang: Lang }) {
  const { t } = useTranslation();
  const w = issuerWords(issuer, lang);
  return (
    <>
      {w.office && <p data-testid="issuer-office">{t('header.organiser', { name: w.office })}</p>}
      {w.phone && (
        <p data-testid="issuer-phone">
          {t('header.helpPhone')}
          <a href={telHref(w.phone)}>{w.phone}</a>
        </p>
      )}
    </>
  );
}

/** The sentence that names whom to contact: the office and its phone, as far as the city configured them. */
function useContact(issuer: CityProfile | null | undefined, lang: Lang): string {
  const { t } = useTranslation();
  const w = issuerWords(issuer, lang);
  return t(`contact.${w.contact}`, { office: w.office, phone: w.phone });
}

/** /r: raise a request with a receipt code, or read one's replies with a request code. */
function RequestsPage() {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'zh';
  const [issuer, setIssuer] = useState<CityProfile | null>(null);
  useEffect(() => {
    document.title = t('requests.pageTitle');
  }, [t, lang]);
  useEffect(() => {
    fetchProfile().then(setIssuer, () => setIssuer(null));
  }, []);
  return (
    <div className="survey">
      <header className="top">
        <div className="top__row">
          <h1 className="top__title">{t('requests.pageTitle')}</h1>
          <LanguageSwitch lang={lang} />
        </div>
        <div className="top__round">
          <IssuerLines issuer={issuer} lang={lang} />
        </div>
      </header>
      <main>
        <Suspense
          fallback={
            <p className="loading" role="status">
              {t('loading')}
            </p>
          }
        >
          <Requests />
        </Suspense>
      </main>
    </div>
  );
}

/** After submitting: an offer to raise a request with the receipt just shown; the form loads on demand. */
function RequestOffer({ receipt }: { receipt: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (open)
    return (
      <Suspense
        fallback={
          <p className="loading" role="status">
            {t('loading')}
          </p>
        }
      >
        <Requests receipt={receipt} />
      </Suspense>
    );
  return (
    <section className="req__box" aria-labelledby="offer-title" data-testid="request-offer">
      <h2 id="offer-title">{t('requests.offerTitle')}</h2>
      <p>{t('requests.offerBody')}</p>
      <button type="button" className="secondary" onClick={() => setOpen(true)} data-testid="request-open">
        {t('requests.offerButton')}
      </button>
    </section>
  );
}

function Survey() {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'zh';
  const [token] = useState(tokenFromPath);
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });

  const load = useCallback(async () => {
    if (!token) return;
    setPhase({ kind: 'loading' });
    try {
      const view = await fetchSurvey(token);
      if (view.state === 'submitted') await recoverReceipt(token, view);
      setPhase({ kind: 'view', view });
    } catch (err) {
      const status = err instanceof ApiError ? err.status : -1;
      // An unknown link has no survey to name its issuer: the page asks whom to contact on its own.
      const issuer = status === 404 ? await fetchProfile().catch(() => null) : null;
      setPhase({
        kind: 'failed',
        reason: status === 404 ? 'not_found' : status === 429 ? 'rate_limited' : status === 0 ? 'network' : 'server',
        issuer,
      });
    }
  }, [token]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    document.title = t('title');
  }, [t, lang]);

  const onSubmitted = useCallback((result: ShownReceipt) => {
    setPhase((p) => (p.kind === 'view' ? { kind: 'done', view: p.view, result } : p));
    window.scrollTo(0, 0);
  }, []);
  const onReload = useCallback(() => {
    window.scrollTo(0, 0);
    void load();
  }, [load]);

  const view = phase.kind === 'view' || phase.kind === 'done' ? phase.view : null;
  const issuer = view ? view.issuer : phase.kind === 'failed' ? phase.issuer : null;
  const contact = useContact(issuer, lang);
  return (
    <div className="survey">
      <header className="top">
        <div className="top__row">
          {view ? <p className="top__title">{t('title')}</p> : <h1 className="top__title">{t('title')}</h1>}
          <LanguageSwitch lang={lang} />
        </div>
        {view && (
          <div className="top__round">
            <h1>{t('header.heading', { city: issuerWords(view.issuer, lang).city, quarter: quarterLabel(view.round.id, lang) })}</h1>
            {view.state === 'open' && phase.kind === 'view' && (
              <p className="top__deadline">
                {t('header.deadline', { time: formatTime(view.round.closesAt, lang) })}
                {t('header.timeZone')}
              </p>
            )}
            <IssuerLines issuer={view.issuer} lang={lang} />
            <p className="top__privacy">{t('header.privacy')}</p>
          </div>
        )}
        {!view && issuer && (
          <div className="top__round">
            <IssuerLines issuer={issuer} lang={lang} />
          </div>
        )}
      </header>
      <main>
        {token ? (
          <Body
            phase={phase}
            token={token}
            lang={lang}
            contact={contact}
            onRetry={() => void load()}
            onSubmitted={onSubmitted}
            onReload={onReload}
          />
        ) : (
          <Message title={t('state.notFoundTitle')} tone="warn">
            <p>{t('invalidLink')}</p>
          </Message>
        )}
      </main>
    </div>
  );
}

function Body({
  phase,
  token,
  lang,
  contact,
  onRetry,
  onSubmitted,
  onReload,
}: {
  phase: Phase;
  token: string;
  lang: Lang;
  contact: string;
  onRetry: () => void;
  onSubmitted: (r: ShownReceipt) => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  switch (phase.kind) {
    case 'loading':
      return (
        <p className="loading" role="status" aria-live="polite">
          {t('loading')}
        </p>
      );
    case 'failed':
      switch (phase.reason) {
        case 'not_found':
          return (
            <Message title={t('state.notFoundTitle')} tone="warn" testId="not-found">
              <p>{t('state.notFoundBody', { contact })}</p>
            </Message>
          );
        case 'rate_limited':
          return (
            <Message title={t('state.rateLimitedTitle')} tone="warn">
              <p>{t('state.rateLimitedBody')}</p>
              <RetryButton onRetry={onRetry} />
            </Message>
          );
        case 'network':
          return (
            <Message title={t('state.networkTitle')} tone="warn" testId="network-error">
              <p>{t('state.networkBody')}</p>
              <RetryButton onRetry={onRetry} />
            </Message>
          );
        default:
          return (
            <Message title={t('state.errorTitle')} tone="warn">
              <p>{t('state.errorBody')}</p>
              <RetryButton onRetry={onRetry} />
            </Message>
          );
      }
    case 'done':
      return (
        <Message title={t('done.title')} tone="done" testId="thank-you">
          <Receipt receipt={phase.result.receipt} submittedAt={phase.result.submittedAt} roundId={phase.view.round.id} lang={lang} />
          <RequestOffer receipt={phase.result.receipt} />
        </Message>
      );
    case 'view': {
      const { view } = phase;
      switch (view.state) {
        case 'open':
          return <SurveyForm token={token} view={view} lang={lang} onSubmitted={onSubmitted} onReload={onReload} />;
        case 'submitted': {
          const stored = localReceipt.load(token);
          const mine = stored && stored.roundId === view.round.id ? stored : null;
          return (
            <Message title={t('state.submittedTitle')} tone="done" testId="already-submitted">
              <p>{t('state.submittedBody', { time: view.submittedAt ? formatTime(view.submittedAt, lang) : '' })}</p>
              {mine ? (
                <Receipt receipt={mine.receipt} submittedAt={mine.submittedAt} roundId={mine.roundId} lang={lang} />
              ) : (
                <ReceiptCheck roundId={view.round.id} />
              )}
              {mine && <RequestOffer receipt={mine.receipt} />}
            </Message>
          );
        }
        case 'closed':
          return (
            <Message title={t('state.closedTitle')} testId="closed">
              <p>{t('state.closedBody', { time: formatTime(view.round.closedAt ?? view.round.closesAt, lang) })}</p>
            </Message>
          );
        case 'not_open':
          return (
            <Message title={t('state.notOpenTitle')} testId="not-open">
              <p>{t('state.notOpenBody', { time: formatTime(view.round.opensAt, lang) })}</p>
            </Message>
          );
        case 'revoked':
          return (
            <Message title={t('state.revokedTitle')} tone="warn" testId="revoked">
              <p>{t('state.revokedBody', { contact })}</p>
            </Message>
          );
      }
    }
  }
}

/** Never a stack trace: any render error shows a plain message with a reload. */
class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    if (!this.state.failed) return this.props.children;
    return <Crashed />;
  }
}

function Crashed() {
  const { t } = useTranslation();
  return (
    <div className="survey">
      <main>
        <Message title={t('state.errorTitle')} tone="warn">
          <p>{t('state.errorBody')}</p>
          <RetryButton onRetry={() => window.location.reload()} />
        </Message>
      </main>
    </div>
  );
}
