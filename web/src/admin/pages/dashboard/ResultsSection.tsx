// A computed round: the bottom three first (who, by how much, how sure, what happens), the headline
// figures and the ranking; the charts follow from a chunk of their own.
import { Alert, Card, Col, Row, Skeleton, Statistic, Typography } from 'antd';
import { lazy, Suspense, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { votesOverTime, votesRoundsThrough } from '#shared/charts/votes.ts';
import type { EscalationLevel } from '#shared/results/escalation.ts';
import { ApiError } from '../../../api.ts';
import { LoadError, StaleDataWarning } from '../../components/LoadError.tsx';
import { Deferred } from '../../components/Deferred.tsx';
import { getDepartmentStates, type RoundResults, type RoundSummary } from '../../endpoints.ts';
import { useLoad } from '../../useLoad.ts';
import { BottomThreeCard } from './BottomThreeCard.tsx';
import { COLORS, fmtMean, fmtPct, useDeptName, useQuarter } from './format.tsx';
import { roundHeadline } from '#shared/results/disclosure.ts';
import { answeredBoard, answeredResults, historyIds, readBoard, readResults } from './reads.ts';

const ResultCharts = lazy(() => import('./ResultCharts.tsx'));
const RankingSection = lazy(() => import('./RankingSection.tsx'));

/** Levels of the round's escalation records (withdrawn ones aside), by department; the load itself for its error and retry. */
export function useRoundLevels(roundId: string) {
  const board = useLoad(() => readBoard(), [roundId], answeredBoard());
  const records = useMemo(
    () => (board.data?.records ?? []).filter((r) => r.roundId === roundId && r.status !== 'withdrawn'),
    [board.data, roundId],
  );
  const levels: ReadonlyMap<number, EscalationLevel> = useMemo(() => new Map(records.map((r) => [r.departmentId, r.level])), [records]);
  return { levels, board, records };
}

function Headlines({ results, history }: { results: RoundResults; history: readonly RoundResults[] | undefined }) {
  const { t } = useTranslation('dashboard');
  const { t: ts } = useTranslation('state');
  const headline = useMemo(() => roundHeadline(results.departments), [results]);
  const name = useDeptName();
  const quarter = useQuarter();
  const ranked = results.departments.filter((d) => d.status === 'ranked').length;
  const votes = useMemo(() => (history ? votesOverTime(history) : null), [history]);
  const votesLine = votes?.headline ?? null;
  const first = votes?.points[0];
  const last = votes?.points.at(-1);
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      {/* What ranks leads: the mean score and the share dissatisfied; 满意率 follows with its definition. */}
      <Col xs={12} lg={4}>
        <Card size="small" data-testid="headline-mean">
          <Statistic title={ts('headline.mean')} value={fmtMean(headline.meanScore)} />
        </Card>
      </Col>
      <Col xs={12} lg={4}>
        <Card size="small" data-testid="headline-dissatisfied">
          <Statistic title={ts('headline.dissatisfied')} value={fmtPct(headline.dissatisfiedRate)} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {ts('headline.satisfaction')} {fmtPct(headline.satisfactionRate)}
            {ts('headline.satisfactionDefinition')}
          </Typography.Text>
        </Card>
      </Col>
      <Col xs={12} lg={4}>
        <Card size="small">
          <Statistic title={t('results.responses')} value={results.round.responses} />
        </Card>
      </Col>
      <Col xs={12} lg={4}>
        <Card size="small">
          <Statistic title={t('results.ranked')} value={ranked} suffix={`/ ${results.departments.length}`} />
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Card size="small" data-testid="votes-headline">
          <Statistic
            title={t('results.votesHeadline')}
            value={votesLine ? t('results.votesHeadlineValue', { from: votesLine.from, to: votesLine.to }) : '—'}
            styles={{
              content: {
                color: votesLine && votesLine.change < 0 ? '#389e0d' : votesLine && votesLine.change > 0 ? COLORS.flagged : undefined,
              },
            }}
          />
          <Typography.Text type="secondary" style={{ fontSize: 13 }} data-testid="votes-headline-names">
            {votesLine && first && last
              ? t('results.votesHeadlineNames', {
                  fromName: first.worstName ? name({ name: first.worstName, nameEn: first.worstNameEn }) : '—',
                  fromRound: quarter(votesLine.fromRound),
                  toName: last.worstName ? name({ name: last.worstName, nameEn: last.worstNameEn }) : '—',
                  toRound: quarter(votesLine.toRound),
                })
              : t('results.noVotesHeadline')}
          </Typography.Text>
        </Card>
      </Col>
    </Row>
  );
}

/** `onShown`: the results (or why there are none) are on the screen; what waits for the first screen may load. */
export function ResultsSection({ round, rounds, onShown }: { round: RoundSummary; rounds: readonly RoundSummary[]; onShown?: () => void }) {
  const { t } = useTranslation('dashboard');
  // One results request per round, shared with the prefetch started with the page (reads.ts).
  const results = useLoad(() => readResults(round.id), [round.id, round.status], answeredResults(round.id)?.[0]);
  const { levels, board, records } = useRoundLevels(round.id);
  // What happens next to each flagged department, by when: decided once by the server for every page.
  const states = useLoad(
    (signal) => (round.status === 'published' ? getDepartmentStates({ roundId: round.id }, signal) : Promise.resolve(undefined)),
    [round.id, round.status],
  );
  const otherIds = historyIds(rounds, round);
  const others = useLoad(() => Promise.all(otherIds.map((id) => readResults(id))), [otherIds.join(',')], answeredResults(...otherIds));
  const data = results.data;
  const history = useMemo(() => {
    if (!data || !others.data) return undefined;
    return data.round.publishedAt ? [...others.data, data] : others.data;
  }, [data, others.data]);
  // The votes card follows the selected round, published or not (the trend charts keep published rounds only).
  const votesRounds = useMemo(() => (data && others.data ? votesRoundsThrough(others.data, data) : undefined), [data, others.data]);
  const votes = useMemo(() => (history ? votesOverTime(history).points : null), [history]);
  const settled = data !== undefined || results.error !== undefined;
  useEffect(() => {
    if (settled) onShown?.();
  }, [settled]);

  if (results.error && !data) {
    // 409: the round is open, or closed with its results not computed yet (answer-derived reads wait for that).
    if (results.error instanceof ApiError && (results.error.status === 404 || results.error.status === 409))
      return <Alert type="info" showIcon title={t('results.notComputed')} />;
    return <LoadError error={results.error} onRetry={results.reload} />;
  }
  if (!data) return <Skeleton active paragraph={{ rows: 12 }} />;
  return (
    <div data-testid="results">
      {!data.round.publishedAt ? <Alert type="warning" showIcon title={t('results.unpublished')} style={{ marginBottom: 16 }} /> : null}
      {/* Without the board every level would read "none": say the levels are missing instead. */}
      {board.error && !board.data ? (
        <StaleDataWarning title={t('results.levelsFailed')} error={board.error} onRetry={board.reload} />
      ) : null}
      {data.round.correctionReason ? (
        <Alert
          type="info"
          showIcon
          title={t('results.corrected', { version: data.round.version, reason: data.round.correctionReason })}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <div style={{ marginBottom: 16 }}>
        <BottomThreeCard results={data} records={records} states={states.data} />
      </div>
      <Headlines results={data} history={votesRounds} />
      {/* Below the first screen: drawn once it is shown (or scrolled to), so the bottom three never wait for them. */}
      <Deferred minHeight={600}>
        <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>
          <RankingSection results={data} levels={levels} />
        </Suspense>
      </Deferred>
      {others.error && !others.data ? (
        <StaleDataWarning title={t('charts.historyFailed')} error={others.error} onRetry={others.reload} />
      ) : null}
      <Deferred minHeight={600}>
        <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>
          <ResultCharts results={data} history={history} votes={votes} />
        </Suspense>
      </Deferred>
    </div>
  );
}
