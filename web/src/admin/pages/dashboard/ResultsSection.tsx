// A computed round: headline figures, the ranking table and the charts (series from shared/charts).
import { Alert, Card, Col, Empty, Flex, Row, Select, Skeleton, Statistic, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ratingDistribution } from '../../../../../shared/charts/distribution.ts';
import { funnelSeries } from '../../../../../shared/charts/funnel.ts';
import { rankingBars } from '../../../../../shared/charts/ranking.ts';
import { publishedUpTo } from '../../../../../shared/charts/rounds.ts';
import { defaultTrendDepartments, trendSeries } from '../../../../../shared/charts/trends.ts';
import { votesOverTime } from '../../../../../shared/charts/votes.ts';
import type { EscalationLevel } from '../../../../../shared/results/escalation.ts';
import { ApiError } from '../../../api.ts';
import { LoadError, StaleDataWarning } from '../../components/LoadError.tsx';
import { getEscalationBoard, getRoundResults, type RoundResults, type RoundSummary } from '../../endpoints.ts';
import { useLoad } from '../../useLoad.ts';
import { DistributionChart } from './charts/DistributionChart.tsx';
import { FunnelChart } from './charts/FunnelChart.tsx';
import { RankingBarChart } from './charts/RankingBarChart.tsx';
import { TrendsChart } from './charts/TrendsChart.tsx';
import { VotesChart } from './charts/VotesChart.tsx';
import { COLORS, LevelTag, useDeptName, useQuarter } from './format.tsx';
import { RobustnessNote } from '../../components/integrity/RobustnessNote.tsx';
import { RankingTable, useRankingRows } from './RankingTable.tsx';

const MAX_TRENDS = 8;

/** Levels of the round's escalation records (withdrawn ones aside), by department; the load itself for its error and retry. */
export function useRoundLevels(roundId: string) {
  const board = useLoad((signal) => getEscalationBoard(signal), [roundId]);
  const levels: ReadonlyMap<number, EscalationLevel> = useMemo(() => new Map((board.data?.records ?? [])
    .filter((r) => r.roundId === roundId && r.status !== 'withdrawn')
    .map((r) => [r.departmentId, r.level])), [board.data, roundId]);
  return { levels, board };
}

function Headlines({ results, levels, history }: { results: RoundResults; levels: ReadonlyMap<number, EscalationLevel>; history: readonly RoundResults[] | undefined }) {
  const { t } = useTranslation('dashboard');
  const name = useDeptName();
  const quarter = useQuarter();
  const ranked = results.departments.filter((d) => d.status === 'ranked').length;
  const bottom = results.departments.filter((d) => d.flagged).sort((a, b) => (b.rank ?? 0) - (a.rank ?? 0));
  const headline = useMemo(() => (history ? votesOverTime(history).headline : null), [history]);
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <Col xs={12} lg={4}><Card size="small"><Statistic title={t('results.responses')} value={results.round.responses} /></Card></Col>
      <Col xs={12} lg={4}><Card size="small"><Statistic title={t('results.ranked')} value={ranked} suffix={`/ ${results.departments.length}`} /></Card></Col>
      <Col xs={24} lg={10}>
        <Card size="small" title={t('results.bottomN', { count: results.rules.bottomN })} data-testid="bottom-three">
          <Flex vertical gap={4}>
            {bottom.map((d) => (
              <Flex key={d.departmentId} justify="space-between" align="center" gap={8} wrap>
                <Typography.Text style={{ color: COLORS.flagged }} strong>{d.rank}. {name(d)}</Typography.Text>
                <LevelTag level={levels.get(d.departmentId) ?? null} />
              </Flex>
            ))}
            <RobustnessNote results={results} />
          </Flex>
        </Card>
      </Col>
      <Col xs={24} lg={6}>
        <Card size="small" data-testid="votes-headline">
          <Statistic
            title={t('results.votesHeadline')}
            value={headline ? t('results.votesHeadlineValue', { from: headline.from, to: headline.to }) : '—'}
            styles={{ content: { color: headline && headline.change < 0 ? '#389e0d' : headline && headline.change > 0 ? COLORS.flagged : undefined } }}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {headline ? t('results.votesHeadlineNote', { fromRound: quarter(headline.fromRound), toRound: quarter(headline.toRound) }) : t('results.noVotesHeadline')}
          </Typography.Text>
        </Card>
      </Col>
    </Row>
  );
}

function Trends({ history, results }: { history: readonly RoundResults[]; results: RoundResults }) {
  const { t } = useTranslation('dashboard');
  const name = useDeptName();
  const [picked, setPicked] = useState<number[] | null>(null);
  const chosen = picked ?? defaultTrendDepartments(history, 5);
  const { rows, series } = useMemo(() => trendSeries(history, chosen), [history, chosen]);
  const options = useMemo(() => [...results.departments].sort((a, b) => a.code.localeCompare(b.code)).map((d) => ({ value: d.departmentId, label: name(d) })), [results, name]);
  return (
    <Card title={t('charts.trends')} style={{ marginBottom: 16 }} data-testid="trends">
      <Typography.Paragraph type="secondary">{t('charts.trendsHelp')}</Typography.Paragraph>
      <Select
        mode="multiple"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: '100%', marginBottom: 16 }}
        placeholder={t('charts.trendsPick')}
        aria-label={t('charts.trendsPick')}
        value={chosen}
        onChange={(ids: number[]) => setPicked(ids.slice(0, MAX_TRENDS))}
        options={options}
        maxCount={MAX_TRENDS}
      />
      {history.length < 2 ? <Typography.Paragraph type="secondary">{t('charts.trendsSingle')}</Typography.Paragraph> : null}
      {series.length ? <TrendsChart rows={rows} series={series} /> : <Empty description={t('charts.trendsEmpty')} />}
    </Card>
  );
}

export function ResultsSection({ round, rounds }: { round: RoundSummary; rounds: readonly RoundSummary[] }) {
  const { t } = useTranslation('dashboard');
  const results = useLoad((signal) => getRoundResults(round.id, signal), [round.id, round.status]);
  const { levels, board } = useRoundLevels(round.id);
  const historyIds = publishedUpTo(rounds, round.id);
  const history = useLoad((signal) => Promise.all(historyIds.map((id) => getRoundResults(id, signal))), [historyIds.join(',')]);
  const data = results.data;
  const rows = useRankingRows(data ?? EMPTY, levels);
  const funnel = useMemo(() => (data ? funnelSeries(data) : null), [data]);
  const bars = useMemo(() => (data ? rankingBars(data.departments) : []), [data]);
  const distribution = useMemo(() => (data ? ratingDistribution(data.departments) : []), [data]);
  const votes = useMemo(() => (history.data ? votesOverTime(history.data) : null), [history.data]);

  if (results.error && !data) {
    if (results.error instanceof ApiError && results.error.status === 404) return <Alert type="info" showIcon title={t('results.notComputed')} />;
    return <LoadError error={results.error} onRetry={results.reload} />;
  }
  if (!data || !funnel) return <Skeleton active paragraph={{ rows: 12 }} />;
  return (
    <div data-testid="results">
      {!data.round.publishedAt ? <Alert type="warning" showIcon title={t('results.unpublished')} style={{ marginBottom: 16 }} /> : null}
      {/* Without the board every level would read "none": say the levels are missing instead. */}
      {board.error && !board.data ? <StaleDataWarning title={t('results.levelsFailed')} error={board.error} onRetry={board.reload} /> : null}
      {data.round.correctionReason ? <Alert type="info" showIcon title={t('results.corrected', { version: data.round.version, reason: data.round.correctionReason })} style={{ marginBottom: 16 }} /> : null}
      <Headlines results={data} levels={levels} history={history.data} />
      <RankingTable results={data} rows={rows} />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} xl={14}>
          <Card title={t('charts.funnel')} style={{ height: '100%' }}>
            <Typography.Paragraph type="secondary">{t('charts.funnelHelp')}</Typography.Paragraph>
            {funnel.normal.length + funnel.flagged.length + funnel.insufficient.length ? <FunnelChart series={funnel} /> : <Empty description={t('charts.funnelEmpty')} />}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('charts.votes')} style={{ height: '100%' }}>
            <Typography.Paragraph type="secondary">{t('charts.votesHelp')}</Typography.Paragraph>
            {history.error && !history.data ? <StaleDataWarning title={t('charts.historyFailed')} error={history.error} onRetry={history.reload} />
              : votes ? <VotesChart points={votes.points} /> : <Skeleton active />}
          </Card>
        </Col>
      </Row>
      {history.error && !history.data ? null : history.data ? <Trends history={history.data} results={data} /> : <Skeleton active />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={t('charts.ranking')}>
            <Typography.Paragraph type="secondary">{t('charts.rankingHelp')}</Typography.Paragraph>
            <RankingBarChart bars={bars} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('charts.distribution')}>
            <Typography.Paragraph type="secondary">{t('charts.distributionHelp')}</Typography.Paragraph>
            <DistributionChart rows={distribution} scale={data.rules.scale} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}

const EMPTY: RoundResults = {
  round: { id: '', status: 'closed', version: 0, computedAt: '', publishedAt: null, correctionReason: null, responses: 0 },
  rules: { minRatings: 0, bottomN: 0, simulations: 0, simulationSeed: '', escalationPolicy: '', scale: [], rankingRule: { zh: '', en: '' } },
  departments: [],
  funnel: { mean: null, sd: null, n: 0, points: [] },
  robustness: null,
};
