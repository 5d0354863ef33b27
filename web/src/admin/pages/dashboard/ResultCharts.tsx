// The dashboard's charts, below the first screen: a chunk of their own (with recharts), so the bottom
// three and the ranking are drawn before any chart code has arrived.
import { Card, Col, Empty, Row, Select, Skeleton, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ratingDistribution } from '#shared/charts/distribution.ts';
import { funnelSeries } from '#shared/charts/funnel.ts';
import { rankingBars } from '#shared/charts/ranking.ts';
import { defaultTrendDepartments, trendSeries } from '#shared/charts/trends.ts';
import type { VotesPoint } from '#shared/charts/votes.ts';
import type { RoundResults } from '../../endpoints.ts';
import { DistributionChart } from './charts/DistributionChart.tsx';
import { FunnelChart } from './charts/FunnelChart.tsx';
import { RankingBarChart } from './charts/RankingBarChart.tsx';
import { TrendsChart } from './charts/TrendsChart.tsx';
import { VotesChart } from './charts/VotesChart.tsx';
import { useDeptName } from './format.tsx';

const MAX_TRENDS = 8;

function Trends({ history, results }: { history: readonly RoundResults[]; results: RoundResults }) {
  const { t } = useTranslation('dashboard');
  const name = useDeptName();
  const [picked, setPicked] = useState<number[] | null>(null);
  const chosen = picked ?? defaultTrendDepartments(history, 5);
  const { rows, series } = useMemo(() => trendSeries(history, chosen), [history, chosen]);
  const options = useMemo(
    () => [...results.departments].sort((a, b) => a.code.localeCompare(b.code)).map((d) => ({ value: d.departmentId, label: name(d) })),
    [results, name],
  );
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

export default function ResultCharts({
  results,
  history,
  votes,
}: {
  results: RoundResults;
  history: readonly RoundResults[] | undefined;
  votes: VotesPoint[] | null;
}) {
  const { t } = useTranslation('dashboard');
  const funnel = useMemo(() => funnelSeries(results), [results]);
  const bars = useMemo(() => rankingBars(results.departments), [results]);
  const distribution = useMemo(() => ratingDistribution(results.departments), [results]);
  return (
    <div data-testid="result-charts">
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} xl={14}>
          <Card title={t('charts.funnel')} style={{ height: '100%' }}>
            <Typography.Paragraph type="secondary">{t('charts.funnelHelp')}</Typography.Paragraph>
            {funnel.normal.length + funnel.flagged.length + funnel.insufficient.length ? (
              <FunnelChart series={funnel} />
            ) : (
              <Empty description={t('charts.funnelEmpty')} />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('charts.votes')} style={{ height: '100%' }} data-testid="votes-chart">
            <Typography.Paragraph type="secondary">{t('charts.votesHelp')}</Typography.Paragraph>
            {votes ? <VotesChart points={votes} /> : <Skeleton active />}
          </Card>
        </Col>
      </Row>
      {history ? <Trends history={history} results={results} /> : <Skeleton active />}
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
            <DistributionChart rows={distribution} scale={results.rules.scale} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
