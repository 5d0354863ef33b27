// 数据看板: pick a round (the latest published by default); see its progress, and once computed its
// ranking, charts and bottom three. Loaded on demand (with recharts) from AdminApp.
import { DownloadOutlined, MessageOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Flex, Skeleton } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { selectableRounds } from '#shared/charts/rounds.ts';
import { LoadError, StaleDataWarning } from '../../components/LoadError.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { resultsXlsxUrl } from '../../endpoints.ts';
import { useErrorText } from '../../errors.ts';
import { useLoad } from '../../useLoad.ts';
import { downloadFile } from '../rounds/download.ts';
import { useQuarter } from './format.tsx';
import { Deferred } from '../../components/Deferred.tsx';
import { answeredRounds, dashboardRound, hasResults as showsResults, readRounds } from './reads.ts';
import { ResultsSection } from './ResultsSection.tsx';

const RoundSelect = lazy(() => import('./RoundSelect.tsx'));
/** Where the round picker will be, with the chosen round's name, until its code has arrived. */
const ROUND_PLACEHOLDER = {
  width: 240,
  height: 32,
  lineHeight: '30px',
  padding: '0 11px',
  border: '1px solid #d9d9d9',
  borderRadius: 6,
  overflow: 'hidden',
  whiteSpace: 'nowrap',
} as const;
// Requests per department: below everything, a chunk of its own, drawn after the first screen too.
const RequestStatsCard = lazy(() => import('../requests/RequestStatsCard.tsx').then((m) => ({ default: m.RequestStatsCard })));
// Progress (with its tables and steps) is not the first thing a leader reads: a chunk of its own,
// drawn after the first screen when the round has results (below them), at once when it has not.
const RoundOverview = lazy(() => import('./RoundOverview.tsx').then((m) => ({ default: m.RoundOverview })));

function ExportButton({ roundId }: { roundId: string }) {
  const { t } = useTranslation('dashboard');
  const { message } = App.useApp();
  const errorText = useErrorText();
  const quarter = useQuarter();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await downloadFile(resultsXlsxUrl(roundId), `${quarter(roundId)}-${roundId}.xlsx`);
    } catch (error) {
      message.error(t('exportFailed', { reason: errorText(error) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void run()}>
      {busy ? t('exporting') : t('exportXlsx')}
    </Button>
  );
}

export default function DashboardPage() {
  const { t } = useTranslation('dashboard');
  const { t: tComments } = useTranslation('comments');
  const quarter = useQuarter();
  const rounds = useLoad(() => readRounds(), [], answeredRounds());
  const [params, setParams] = useSearchParams();
  const choices = selectableRounds(rounds.data ?? []);
  // An unknown or unshowable ?round= falls back to the default round.
  const round = dashboardRound(rounds.data ?? [], params.get('round'));
  const hasResults = round ? showsResults(round) : false;
  const [resultsShown, setResultsShown] = useState(false);

  const options = choices.map((r) => ({
    value: r.id,
    label: t('roundOption', { quarter: quarter(r.id), status: t(`status.${r.status}`) }),
  }));
  const chosenRound = <div style={ROUND_PLACEHOLDER}>{options.find((o) => o.value === round?.id)?.label}</div>;
  const extra = round ? (
    <Flex gap={8} wrap>
      {/* The picker's code loads once the results are on the screen (at once without results). */}
      {hasResults && !resultsShown ? (
        chosenRound
      ) : (
        <Deferred placeholder={chosenRound}>
          <Suspense fallback={chosenRound}>
            <RoundSelect label={t('round')} value={round.id} onChange={(id) => setParams({ round: id })} options={options} />
          </Suspense>
        </Deferred>
      )}
      {hasResults ? <ExportButton roundId={round.id} /> : null}
      {hasResults ? (
        <Link to={`/report/${round.id}`}>
          <Button icon={<PrinterOutlined />}>{t('openReport')}</Button>
        </Link>
      ) : null}
      {hasResults ? (
        <Link to={`/rounds/${round.id}/comments`}>
          <Button icon={<MessageOutlined />}>{tComments('open')}</Button>
        </Link>
      ) : null}
    </Flex>
  ) : null;

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} extra={extra} />
      {rounds.error && !rounds.data ? (
        <LoadError error={rounds.error} onRetry={rounds.reload} />
      ) : !rounds.data ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : !round ? (
        <Empty description={t('noRounds')} />
      ) : (
        <>
          <StaleDataWarning error={rounds.error} onRetry={rounds.reload} />
          {/* With results, they come first (the leader's question); the response progress follows. */}
          {hasResults ? <ResultsSection key={round.id} round={round} rounds={rounds.data} onShown={() => setResultsShown(true)} /> : null}
          <Deferred now={!hasResults} minHeight={220}>
            <Suspense fallback={<Skeleton active paragraph={{ rows: 4 }} />}>
              <RoundOverview round={round} />
            </Suspense>
          </Deferred>
          {hasResults ? null : <Alert type="info" showIcon title={t('overview.openOnly')} />}
        </>
      )}
      <Deferred>
        <Suspense fallback={null}>
          <RequestStatsCard />
        </Suspense>
      </Deferred>
    </>
  );
}
