// A computed round: the bottom three first (who, by how much, how sure, what happens), the headline
// figures and the ranking; the charts follow from a chunk of their own.
import { Alert, Card, Col, Row, Skeleton, Statistic, Typography } from 'antd';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { publishedUpTo } from '../../../../../shared/charts/rounds.ts';
import { votesOverTime } from '../../../../../shared/charts/votes.ts';
import type { EscalationLevel } from '../../../../../shared/results/escalation.ts';
import { ApiError } from '../../../api.ts';
import { LoadError, StaleDataWarning } from '../../components/LoadError.tsx';
import { getEscalationBoard, getRoundResults, type RoundResults, type RoundSummary } from '../../endpoints.ts';
import { useLoad } from '../../useLoad.ts';
import { BottomThreeCard } from './BottomThreeCard.tsx';
import { COLORS, useDeptName, useQuarter } from './format.tsx';

const ResultCharts = lazy(() => import('./ResultCharts.tsx'));
const RankingSection = lazy(() => import('./RankingSection.tsx'));


/** Levels of the round's escalation records (withdrawn ones aside), by department; the load itself for its error and retry. */
export function useRoundLevels(roundId: string) {
  const board = useLoad((signal) => getEscalationBoard(signal), [roundId]);
  const records = useMemo(() => (board.data?.records ?? []).filter((r) => r.roundId === roundId && r.status !== 'withdrawn'), [board.data, roundId]);
  const levels: ReadonlyMap<number, EscalationLevel> = useMemo(() => new Map(records.map((r) => [r.departmentId, r.level])), [records]);
  return { levels, board, records };
}

function Headlines({ results, history }: { results: RoundResults; history: readonly RoundResults[] | undefined }) {
  const { t } = useTranslation('dashboard');
  const name = useDeptName();
  const quarter = useQuarter();
  const ranked = results.departments.filter((d) => d.status === 'ranked').length;
  const votes = useMemo(() => (history ? votesOverTime(history) : null), [history]);
  const headline = votes?.headline ?? null;
  const first = votes?.points[0];
  const last = votes?.points.at(-1);
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <Col xs={12} lg={5}><Card size="small"><Statistic title={t('results.responses')} value={results.round.responses} /></Card></Col>
      <Col xs={12} lg={5}><Card size="small"><Statistic title={t('results.ranked')} value={ranked} suffix={`/ ${results.departments.length}`} /></Card></Col>
      <Col xs={24} lg={14}>
        <Card size="small" data-testid="votes-headline">
          <Statistic
            title={t('results.votesHeadline')}
            value={headline ? t('results.votesHeadlineValue', { from: headline.from, to: headline.to }) : '—'}
            styles={{ content: { color: headline && headline.change < 0 ? '#389e0d' : headline && headline.change > 0 ? COLORS.flagged : undefined } }}
          />
          <Typography.Text type="secondary" style={{ fontSize: 13 }} data-testid="votes-headline-names">
            {headline && first && last
              ? t('results.votesHeadlineNames', {
                fromName: first.worstName ? name({ name: first.worstName, nameEn: first.worstNameEn }) : '—', fromRound: quarter(headline.fromRound),
                toName: last.worstName ? name({ name: last.worstName, nameEn: last.worstNameEn }) : '—', toRound: quarter(headline.toRound),
              })
              : t('results.noVotesHeadline')}
          </Typography.Text>
        </Card>
      </Col>
    </Row>
  );
}

export function ResultsSection({ round, rounds }: { round: RoundSummary; rounds: readonly RoundSummary[] }) {
  const { t } = useTranslation('dashboard');
  const results = useLoad((signal) => getRoundResults(round.id, signal), [round.id, round.status]);
  const { levels, board, records } = useRoundLevels(round.id);
  // One results request per round: the history reuses this round's results and fetches only the others.
  const otherIds = publishedUpTo(rounds, round.id).filter((id) => id !== round.id);
  const others = useLoad((signal) => Promise.all(otherIds.map((id) => getRoundResults(id, signal))), [otherIds.join(',')]);
  const data = results.data;
  const history = useMemo(() => {
    if (!data || !others.data) return undefined;
    return data.round.publishedAt ? [...others.data, data] : others.data;
  }, [data, others.data]);
  const votes = useMemo(() => (history ? votesOverTime(history).points : null), [history]);

  if (results.error && !data) {
    if (results.error instanceof ApiError && results.error.status === 404) return <Alert type="info" showIcon title={t('results.notComputed')} />;
    return <LoadError error={results.error} onRetry={results.reload} />;
  }
  if (!data) return <Skeleton active paragraph={{ rows: 12 }} />;
  return (
    <div data-testid="results">
      {!data.round.publishedAt ? <Alert type="warning" showIcon title={t('results.unpublished')} style={{ marginBottom: 16 }} /> : null}
      {/* Without the board every level would read "none": say the levels are missing instead. */}
      {board.error && !board.data ? <StaleDataWarning title={t('results.levelsFailed')} error={board.error} onRetry={board.reload} /> : null}
      {data.round.correctionReason ? <Alert type="info" showIcon title={t('results.corrected', { version: data.round.version, reason: data.round.correctionReason })} style={{ marginBottom: 16 }} /> : null}
      <div style={{ marginBottom: 16 }}><BottomThreeCard results={data} records={records} /></div>
      <Headlines results={data} history={history} />
      <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>
        <RankingSection results={data} levels={levels} />
      </Suspense>
      {others.error && !others.data ? <StaleDataWarning title={t('charts.historyFailed')} error={others.error} onRetry={others.reload} /> : null}
      <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>
        <ResultCharts results={data} history={history} votes={votes} />
      </Suspense>
    </div>
  );
}
