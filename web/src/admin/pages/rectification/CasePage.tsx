// One rectification case: the head works on it while open or returned; an admin reviews it once
// submitted; leaders and supervisors read. Every change returns the whole case, shown at once.
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Flex, Result, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { CaseDetail, PlanBody } from '#shared/schemas/rectification.ts';
import { ApiError } from '../../../api.ts';
import { useUser } from '../../auth.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import {
  addCallback,
  addCaseProgress,
  addLedgerEntry,
  getCase,
  reviewCase,
  saveCasePlan,
  setLedgerStatus,
  submitCase,
  type CallbackBody,
  type LedgerBody,
  type ProgressBody,
  type ReviewBody,
} from '../../endpoints.ts';
import { useLoad } from '../../useLoad.ts';
import { CaseStatusTag, useCaseErrorText, useDates, useQuarter } from './labels.tsx';
import { LedgerSection } from './LedgerSection.tsx';
import { OutcomePanel } from './Outcome.tsx';
import { PlanSection } from './PlanSection.tsx';
import { ProgressSection } from './ProgressSection.tsx';
import { ReviewHistory, ReviewPanel } from './ReviewSection.tsx';
import { SubmitCard } from './SubmitCard.tsx';

/** Codes after which the page on screen is out of date: show the case as it is now. */
const STALE_CODES = new Set(['case_locked', 'case_not_submitted']);

function BackLink() {
  const { t } = useTranslation('rectification');
  return (
    <Link to="/rectification">
      <Button icon={<ArrowLeftOutlined />}>{t('detail.back')}</Button>
    </Link>
  );
}

export function CasePage() {
  const { id } = useParams();
  const caseId = Number(id);
  const valid = Number.isInteger(caseId) && caseId > 0;
  const { t } = useTranslation('rectification');
  if (!valid) return <Result status="404" title={t('detail.notFound')} extra={<BackLink />} />;
  return <CaseView key={caseId} caseId={caseId} />;
}

function CaseView({ caseId }: { caseId: number }) {
  const { t } = useTranslation('rectification');
  const user = useUser();
  const { message } = App.useApp();
  const caseErrorText = useCaseErrorText();
  const quarter = useQuarter();
  const dates = useDates();
  const loaded = useLoad((signal) => getCase(caseId, signal), [caseId]);
  const [c, setC] = useState<CaseDetail | undefined>(undefined);
  const [planDirty, setPlanDirty] = useState(false);
  const [savingPlan, setSavingPlan] = useState(false);
  useEffect(() => {
    if (loaded.data) setC(loaded.data);
  }, [loaded.data]);
  // A case that is no longer editable has no unsaved plan (the editor is gone).
  useEffect(() => {
    if (c && c.status !== 'open' && c.status !== 'returned') setPlanDirty(false);
  }, [c]);

  if (!c) {
    if (loaded.error) {
      if (loaded.error instanceof ApiError && loaded.error.status === 404)
        return <Result status="404" title={t('detail.notFound')} extra={<BackLink />} />;
      return <LoadError error={loaded.error} onRetry={loaded.reload} />;
    }
    return <Spin size="large" style={{ display: 'block', marginTop: 96 }} />;
  }

  const isHead = user.role === 'dept_head';
  const editable = isHead && (c.status === 'open' || c.status === 'returned');
  const canReview = user.role === 'admin' && c.status === 'submitted';
  const lastReturn = [...c.reviews].reverse().find((r) => r.decision === 'return');

  /** Runs a change; the answer is the whole case. Returns whether it worked. */
  const change = async (action: () => Promise<CaseDetail>, success: string): Promise<boolean> => {
    try {
      setC(await action());
      message.success(success);
      return true;
    } catch (error) {
      message.error(caseErrorText(error));
      if (error instanceof ApiError && STALE_CODES.has(error.code)) loaded.reload();
      return false;
    }
  };

  const savePlan = async (body: PlanBody) => {
    setSavingPlan(true);
    try {
      return await change(() => saveCasePlan(c.id, body), t('plan.saved'));
    } finally {
      setSavingPlan(false);
    }
  };
  const addEntry = (body: LedgerBody) => change(() => addLedgerEntry(c.id, body), t('ledger.added'));
  const toggleEntry = (entryId: number, status: 'open' | 'resolved') =>
    change(() => setLedgerStatus(c.id, entryId, status), t('ledger.updated'));
  const callBack = (entryId: number, body: CallbackBody) => change(() => addCallback(c.id, entryId, body), t('callback.saved'));
  const addProgress = (body: ProgressBody) => change(() => addCaseProgress(c.id, body), t('progress.added'));
  const review = (body: ReviewBody) =>
    change(() => reviewCase(c.id, body), body.decision === 'accept' ? t('review.accepted') : t('review.returned'));
  const submit = async (): Promise<string | null> => {
    try {
      setC(await submitCase(c.id));
      message.success(t('submit.done'));
      return null;
    } catch (error) {
      if (error instanceof ApiError && STALE_CODES.has(error.code)) loaded.reload();
      return caseErrorText(error);
    }
  };

  return (
    <Flex vertical gap={16} style={{ maxWidth: 1200 }} data-testid="case-page">
      <PageHeader
        title={t('detail.title', { department: c.departmentName, quarter: quarter(c.roundId) })}
        subtitle={<CaseStatusTag status={c.status} overdue={c.overdue} />}
        extra={<BackLink />}
      />
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2, xl: 4 }}
        items={[
          {
            key: 'deadline',
            label: t('detail.deadline'),
            children: <span style={c.overdue ? { color: '#cf1322', fontWeight: 600 } : undefined}>{dates.date(c.deadline)}</span>,
          },
          { key: 'ledger', label: t('columns.ledger'), children: t('ledgerCount', { n: c.ledger.length }) },
          { key: 'submitted', label: t('detail.submittedAt'), children: dates.dateTime(c.submittedAt) },
          { key: 'closed', label: t('detail.closedAt'), children: dates.dateTime(c.closedAt) },
        ]}
      />
      {c.status === 'returned' && lastReturn ? (
        <Alert
          type="warning"
          showIcon
          title={t('detail.returnedTitle')}
          description={
            <>
              <div style={{ whiteSpace: 'pre-wrap' }}>{lastReturn.comment}</div>
              <div style={{ opacity: 0.7, marginTop: 4 }}>
                {t('detail.returnedBy', { reviewer: lastReturn.reviewer, at: dates.dateTime(lastReturn.at) })}
              </div>
            </>
          }
          data-testid="returned-alert"
        />
      ) : null}
      {c.overdue && editable ? <Alert type="error" showIcon title={t('detail.overdueNote')} /> : null}
      {c.status === 'submitted' ? <Alert type="info" showIcon title={t('detail.lockedSubmitted')} data-testid="locked-note" /> : null}
      {c.status === 'closed' ? <Alert type="success" showIcon title={t('detail.lockedClosed')} data-testid="locked-note" /> : null}
      {!isHead && (c.status === 'open' || c.status === 'returned') ? <Alert type="info" showIcon title={t('detail.readOnly')} /> : null}
      {canReview ? <ReviewPanel c={c} onReview={review} /> : null}
      <OutcomePanel c={c} />
      <PlanSection c={c} editable={editable} saving={savingPlan} onSave={savePlan} onDirtyChange={setPlanDirty} />
      <LedgerSection
        c={c}
        editable={editable}
        onAdd={addEntry}
        onToggle={toggleEntry}
        onCallback={user.role === 'admin' && c.status !== 'closed' ? callBack : undefined}
      />
      <ProgressSection c={c} editable={editable} onAdd={addProgress} />
      {editable ? <SubmitCard c={c} planDirty={planDirty} onSubmit={submit} /> : null}
      <ReviewHistory c={c} />
    </Flex>
  );
}
