// 本部门: a department head's own results, trend, ratings, comments and escalation. Only their
// department's figures are shown; the API refuses anything else anyway.
import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Result, Row, Select, Spin, Statistic, Typography } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { rankChange } from '#shared/charts/ranking.ts';
import type { DepartmentResultView } from '#shared/schemas/results.ts';
import { ReasonsList } from '../../components/ReasonsList.tsx';
import { useUser } from '../../auth.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import {
  getDepartmentHistory,
  getDepartmentStates,
  getEscalationBoard,
  getRoundComments,
  getRoundResults,
  listCases,
  type DepartmentHistory,
  type DepartmentStates,
  type RoundResults,
} from '../../endpoints.ts';
import { QuarterState } from '../../components/QuarterState.tsx';
import { placeFromBottom } from '../../views/rank.ts';
import { departmentName } from '../../labels.ts';
import { useLoad } from '../../useLoad.ts';
import { percent, score, useDates, useQuarter } from '../rectification/labels.tsx';
import { MyRequestsCard } from '../requests/MyRequestsCard.tsx';
import { AppealCard } from './AppealCard.tsx';
import { CommentsCard } from './CommentsCard.tsx';
import { DistributionChart } from './DistributionChart.tsx';
import { EscalationCard } from './EscalationCard.tsx';
import { PointsEffectCard } from './PointsEffectCard.tsx';
import { distributionBars, trendRows } from './series.ts';
import { TrendChart } from './TrendChart.tsx';

export function MyDepartmentPage() {
  const { t } = useTranslation('mydept');
  const user = useUser();
  if (user.departmentId === null) {
    return <Result status="info" title={t('noDepartment.title')} subTitle={t('noDepartment.description')} data-testid="no-department" />;
  }
  return <DepartmentView departmentId={user.departmentId} />;
}

function DepartmentView({ departmentId }: { departmentId: number }) {
  const { t, i18n } = useTranslation('mydept');
  const quarter = useQuarter();
  const dates = useDates();
  const history = useLoad((signal) => getDepartmentHistory(departmentId, signal), [departmentId]);
  const board = useLoad((signal) => getEscalationBoard(signal), []);
  // Every quarter of this department, decided by the server once: the banner and the escalation card read it.
  const states = useLoad((signal) => getDepartmentStates({ departmentId, all: true }, signal), [departmentId]);
  const reloadAll = () => {
    board.reload();
    states.reload();
  };
  const rounds = useMemo(() => [...(history.data?.rounds ?? [])].sort((a, b) => (a.roundId < b.roundId ? 1 : -1)), [history.data]);
  const [chosen, setChosen] = useState<string | null>(null);
  const roundId = chosen ?? rounds[0]?.roundId ?? null;

  if (!history.data) {
    if (history.error) return <LoadError error={history.error} onRetry={history.reload} />;
    return <Spin size="large" style={{ display: 'block', marginTop: 96 }} />;
  }
  const name = departmentName(history.data.department, i18n.language);
  const header = (
    <PageHeader
      title={<span data-testid="mydept-title">{t('title', { name })}</span>}
      subtitle={t('subtitle')}
      extra={
        rounds.length ? (
          <Flex gap={8} align="center">
            <Typography.Text type="secondary">{t('round')}</Typography.Text>
            <Select
              aria-label={t('round')}
              style={{ minWidth: 260 }}
              value={roundId}
              onChange={setChosen}
              options={rounds.map((r) => ({
                value: r.roundId,
                label: t('roundOption', { quarter: quarter(r.roundId), date: dates.date(r.publishedAt) }),
              }))}
              data-testid="round-select"
            />
          </Flex>
        ) : null
      }
    />
  );
  if (!roundId) {
    return (
      <>
        {header}
        <Result status="info" title={t('noResults.title')} subTitle={t('noResults.description')} data-testid="no-results" />
        <MyRequestsCard />
      </>
    );
  }
  return (
    <Flex vertical gap={16} style={{ maxWidth: 1280 }}>
      {header}
      <RoundView
        key={roundId}
        roundId={roundId}
        departmentId={departmentId}
        history={history.data}
        states={states.data}
        onAppealFiled={reloadAll}
      />
      <MyRequestsCard />
      <EscalationCard
        board={board.data}
        states={states.data}
        error={board.error ?? states.error}
        loading={board.loading || states.loading}
        onRetry={reloadAll}
        departmentId={departmentId}
      />
      <PointsEffectCard />
    </Flex>
  );
}

function RoundView({
  roundId,
  departmentId,
  history,
  states,
  onAppealFiled,
}: {
  roundId: string;
  departmentId: number;
  history: DepartmentHistory;
  states: DepartmentStates | undefined;
  onAppealFiled: () => void;
}) {
  const { t, i18n } = useTranslation('mydept');
  const { t: tc } = useTranslation();
  const quarter = useQuarter();
  const results = useLoad((signal) => getRoundResults(roundId, signal), [roundId]);
  const comments = useLoad((signal) => getRoundComments(roundId, signal), [roundId]);
  const cases = useLoad((signal) => listCases({ roundId }, signal), [roundId]);
  const rows = useMemo(() => trendRows(history, quarter), [history, quarter]);

  if (!results.data) {
    if (results.error) return <LoadError error={results.error} onRetry={results.reload} />;
    return <Spin size="large" style={{ display: 'block', margin: '48px 0' }} />;
  }
  const own = results.data.departments.find((d) => d.departmentId === departmentId);
  const myCase = (cases.data ?? []).find((c) => c.departmentId === departmentId && c.roundId === roundId);
  const { rules } = results.data;
  const rankedCount = results.data.departments.filter((d) => d.status === 'ranked' && d.rank !== null).length;
  const state = states?.states.find((x) => x.roundId === roundId && x.departmentId === departmentId);

  return (
    <>
      {!own ? (
        <Alert type="info" showIcon title={t('notInRound', { quarter: quarter(roundId) })} />
      ) : (
        <>
          {own.flagged ? (
            <Alert
              type="error"
              showIcon
              title={
                <span style={{ fontSize: 18 }} data-testid="flagged-place">
                  {t('flagged.place', { quarter: quarter(roundId), rank: own.rank, fromBottom: placeFromBottom(own.rank, rankedCount) })}
                </span>
              }
              description={<Verdict state={state} code={history.department.code} />}
              // When the cases could not be loaded, the button still leads to the list (which says so, with a retry).
              action={
                myCase || cases.error ? (
                  <Link to={myCase ? `/rectification/${myCase.id}` : '/rectification'}>
                    <Button danger type="primary">
                      {t('flagged.action')}
                    </Button>
                  </Link>
                ) : undefined
              }
              data-testid="flagged-alert"
            />
          ) : null}
          {own.status === 'insufficient' ? <Alert type="warning" showIcon title={t('insufficient', { min: rules.minRatings })} /> : null}
          <StatsCard own={own} results={results.data} />
          {own.reasons && results.data.rules.reasons.length ? (
            <Card
              title={`${tc('reasons.title')} · ${quarter(roundId)}`}
              size="small"
              style={{ marginBottom: 16 }}
              data-testid="reasons-card"
            >
              <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
                {tc('reasons.help')}
              </Typography.Paragraph>
              <ReasonsList reasons={own.reasons} offered={results.data.rules.reasons} />
            </Card>
          ) : null}
          <AppealCard roundId={roundId} flagged={own.flagged} onFiled={onAppealFiled} />
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              <Card title={t('trend.title')} style={{ height: '100%' }}>
                {rows.length < 2 ? <Typography.Paragraph type="secondary">{t('trend.onlyOne')}</Typography.Paragraph> : null}
                <TrendChart rows={rows} />
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <Card title={`${t('distribution.title')} · ${quarter(roundId)}`} style={{ height: '100%' }}>
                {own.counts ? (
                  <DistributionChart bars={distributionBars(own.counts, rules.scale, i18n.language, t('distribution.notApplicable'))} />
                ) : (
                  <Typography.Text type="secondary">{t('distribution.unavailable')}</Typography.Text>
                )}
              </Card>
            </Col>
          </Row>
        </>
      )}
      <CommentsCard
        data={comments.data?.roundId === roundId ? comments.data : undefined}
        error={comments.error}
        loading={comments.loading}
        onRetry={comments.reload}
        departmentId={departmentId}
      />
      <RulesNote results={results.data} />
    </>
  );
}

/** The banner's verdict: the quarter's state as every page words it, and what the head is asked to do. */
function Verdict({ state, code }: { state: DepartmentStates['states'][number] | undefined; code: string }) {
  const { t } = useTranslation('mydept');
  return (
    <Flex vertical gap={4} data-testid="verdict">
      {state ? <QuarterState state={state} code={code} caseLink /> : <Typography.Text>{t('flagged.noRecord')}</Typography.Text>}
      <Typography.Text type="secondary">{t('flagged.description')}</Typography.Text>
    </Flex>
  );
}

function Stat({
  title,
  value,
  suffix,
  note,
  testId,
  tone,
}: {
  title: string;
  value: ReactNode;
  suffix?: ReactNode;
  note?: ReactNode;
  testId: string;
  tone?: 'danger' | 'success';
}) {
  const color = tone === 'danger' ? '#cf1322' : tone === 'success' ? '#389e0d' : undefined;
  return (
    <Col xs={12} md={8} xl={6}>
      <Card size="small" style={{ height: '100%' }} data-testid={testId}>
        <Statistic title={title} value={0} formatter={() => value} suffix={suffix} styles={color ? { content: { color } } : undefined} />
        {note ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {note}
          </Typography.Text>
        ) : null}
      </Card>
    </Col>
  );
}

function StatsCard({ own, results }: { own: DepartmentResultView; results: RoundResults }) {
  const { t } = useTranslation('mydept');
  const ranked = results.departments.filter((d) => d.status === 'ranked').length;
  const bottomN = results.rules.bottomN;
  const change = rankChange(own.rank, own.previousRank);
  const changeView: { value: ReactNode; note: string; tone?: 'danger' | 'success' } = (() => {
    switch (change.kind) {
      case 'up':
        return {
          value: (
            <>
              <ArrowUpOutlined /> {change.places}
            </>
          ),
          note: t('stats.up', { n: change.places, previous: own.previousRank }),
          tone: 'success',
        };
      case 'down':
        return {
          value: (
            <>
              <ArrowDownOutlined /> {change.places}
            </>
          ),
          note: t('stats.down', { n: change.places, previous: own.previousRank }),
          tone: 'danger',
        };
      case 'same':
        return { value: <MinusOutlined />, note: t('stats.same', { previous: own.previousRank }) };
      default:
        return { value: '—', note: t('stats.noPrevious') };
    }
  })();
  return (
    <Card title={t('stats.title')} data-testid="stats-card">
      <Row gutter={[12, 12]}>
        <Stat
          testId="stat-mean"
          title={t('stats.mean')}
          value={score(own.mean)}
          tone={own.flagged ? 'danger' : undefined}
          note={own.ci95 ? t('stats.interval', { lo: own.ci95[0].toFixed(1), hi: own.ci95[1].toFixed(1) }) : t('stats.noInterval')}
        />
        <Stat
          testId="stat-rank"
          title={t('stats.rank')}
          value={own.rank === null ? t('stats.notRanked') : t('stats.rankValue', { rank: own.rank })}
          suffix={own.rank === null ? undefined : <span style={{ fontSize: 14 }}>{t('stats.rankOf', { total: ranked })}</span>}
          tone={own.flagged ? 'danger' : undefined}
          note={own.rankInterval ? t('stats.rankInterval', { lo: own.rankInterval[0], hi: own.rankInterval[1] }) : undefined}
        />
        <Stat testId="stat-change" title={t('stats.change')} value={changeView.value} note={changeView.note} tone={changeView.tone} />
        <Stat
          testId="stat-n"
          title={t('stats.n')}
          value={t('stats.nValue', { n: own.n })}
          note={own.notApplicable ? t('stats.notApplicable', { n: own.notApplicable }) : undefined}
        />
        <Stat
          testId="stat-satisfaction"
          title={t('stats.satisfaction')}
          value={percent(own.satisfactionRate)}
          note={
            own.dissatisfiedRate !== null ? t('stats.dissatisfied', { rate: percent(own.dissatisfiedRate) }) : t('stats.satisfactionHelp')
          }
        />
        <Stat testId="stat-votes" title={t('stats.votes')} value={String(own.leastSatisfiedVotes)} />
        <Stat
          testId="stat-pbottom"
          title={t('stats.pBottom', { bottomN })}
          value={percent(own.pBottom)}
          tone={own.pBottom !== null && own.pBottom >= 0.5 ? 'danger' : undefined}
          note={t('stats.pBottomHelp')}
        />
      </Row>
    </Card>
  );
}

function RulesNote({ results }: { results: RoundResults }) {
  const { t, i18n } = useTranslation('mydept');
  const en = i18n.language === 'en';
  const scale = results.rules.scale.map((s) => `${en ? s.labelEn : s.labelZh} ${s.score}`).join(en ? ', ' : '，');
  return (
    <Card size="small" title={t('rules.title')}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 4 }}>
        {t('rules.scale', { scale })}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 4 }}>
        {t('rules.minRatings', { n: results.rules.minRatings })}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>
        {en ? results.rules.rankingRule.en : results.rules.rankingRule.zh}
      </Typography.Paragraph>
    </Card>
  );
}
export default MyDepartmentPage;
