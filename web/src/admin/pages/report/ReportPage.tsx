// The printable quarterly report (季度通报): A4, the app's menu and header hidden when printing. Title,
// overview, the ranking, the bottom three with their escalation level, the funnel and ranking charts,
// the round's escalation records, its rectification cases with what the call-backs found, and the rules. Loaded on demand with recharts.
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Skeleton } from 'antd';
import { RobustnessNote } from '../../components/integrity/RobustnessNote.tsx';
import { WeightedNote } from '../../components/integrity/WeightedNote.tsx';
import { useMemo } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { funnelSeries } from '#shared/charts/funnel.ts';
import { rankChange, rankingBars, splitRanking } from '#shared/charts/ranking.ts';
import type { AuditCheckpoint } from '#shared/schemas/audit.ts';
import type { EscalationRecord } from '#shared/schemas/results.ts';
import { ApiError } from '../../../api.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { QuarterState } from '../../components/QuarterState.tsx';
import {
  auditCheckpoint,
  getDepartmentStates,
  getEscalationBoard,
  getRoundResults,
  listCases,
  responseRates,
  roundProgress,
  type DepartmentStates,
  type RoundResults,
} from '../../endpoints.ts';
import { roundHeadline } from '#shared/results/disclosure.ts';
import type { ResponseRates } from '#shared/schemas/follow-ups.ts';
import { ReportRates } from './ReportRates.tsx';
import { ReportReasons } from './ReportReasons.tsx';
import type { CaseSummary } from '#shared/schemas/rectification.ts';
import { useIssuer } from '../../issuer.ts';
import { useLoad } from '../../useLoad.ts';
import { FunnelChart } from '../dashboard/charts/FunnelChart.tsx';
import { RankingBarChart } from '../dashboard/charts/RankingBarChart.tsx';
import { COLORS, fmtMean, fmtPct, LevelTag, useDates, useDeptName, useQuarter } from '../dashboard/format.tsx';
import { ChangeMark, RulesText } from '../dashboard/RankingTable.tsx';

/** A4 at 96 dpi less the margins: the charts get a fixed width so that print layout never waits for a resize. */
const CHART_WIDTH = 680;

const PRINT_CSS = `
@page { size: A4; margin: 14mm 12mm; }
.report-sheet { background: #fff; width: 210mm; max-width: 100%; margin: 0 auto; padding: 14mm 12mm; box-shadow: 0 1px 6px rgba(0,0,0,.12); color: #000; font-size: 13px; line-height: 1.7; }
.report-sheet h1 { text-align: center; font-size: 22px; margin: 0 0 4px; letter-spacing: 1px; }
.report-sheet .issuer { text-align: center; color: #595959; margin-bottom: 6px; }
.report-sheet .red-rule { border: 0; border-top: 3px solid ${COLORS.flagged}; margin: 0 0 16px; }
.report-sheet h2 { font-size: 16px; margin: 18px 0 8px; }
.report-sheet table { width: 100%; border-collapse: collapse; font-size: 12px; }
.report-sheet th, .report-sheet td { border: 1px solid #bfbfbf; padding: 2px 6px; text-align: center; }
.report-sheet th { word-break: keep-all; white-space: nowrap; }
.report-sheet td.name { text-align: left; }
.report-sheet tr.flagged td { background: ${COLORS.flaggedBg}; color: ${COLORS.flagged}; font-weight: 600; }
.report-sheet .report-checkpoint code { word-break: break-all; font-size: 12px; }
.report-sheet .draft-mark { color: ${COLORS.flagged}; border: 2px solid ${COLORS.flagged}; padding: 0 8px; font-weight: 700; margin-left: 8px; }
/* On a phone the A4-wide charts scroll inside their own box; the page itself never scrolls sideways. */
.report-sheet .report-chart { max-width: 100%; overflow-x: auto; }
@media screen and (max-width: 700px) { .report-sheet table { display: block; overflow-x: auto; } }
@media print {
  .report-sheet .report-chart { overflow: visible; }
  .ant-layout-sider, .ant-layout-header, .no-print { display: none !important; }
  .ant-layout, .ant-layout-content { background: #fff !important; padding: 0 !important; margin: 0 !important; min-height: 0 !important; }
  .report-sheet { width: auto; padding: 0; box-shadow: none; }
  .report-sheet .keep { break-inside: avoid; }
  .report-sheet h1, .report-sheet h2, .report-sheet h3 { break-after: avoid; page-break-after: avoid; }
  .report-sheet h2 + p, .report-sheet h3 + p { break-before: avoid; page-break-before: avoid; }
  .report-sheet tr { break-inside: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

/**
 * The audit chain's head at the foot of the report: a printed copy carries a checkpoint to verify the log
 * against later. A published round's is the head stored at its publication, the one its public page shows
 * and every verification requires.
 */
function CheckpointFoot({ checkpoint }: { checkpoint: AuditCheckpoint }) {
  const { t } = useTranslation('dashboard');
  const dates = useDates();
  return (
    <footer className="keep report-checkpoint" data-testid="report-checkpoint">
      <h2>{t('report.checkpoint.title')}</h2>
      {checkpoint.id === 0 ? (
        <p>{t('report.checkpoint.empty')}</p>
      ) : (
        <p>
          {t(checkpoint.roundId ? 'report.checkpoint.published' : 'report.checkpoint.text', {
            id: checkpoint.id,
            at: dates.dateTime(checkpoint.at),
          })}
          <br />
          <code data-testid="report-checkpoint-hash">{checkpoint.hash}</code>
        </p>
      )}
      <p style={{ color: '#595959', fontSize: 12 }}>
        <Trans t={t} i18nKey="report.checkpoint.how" components={{ c: <code /> }} />
      </p>
    </footer>
  );
}

type Issuer = NonNullable<ReturnType<typeof useIssuer>>;

function Report({
  results,
  records,
  invited,
  rates,
  cases,
  checkpoint,
  states,
  issuer,
}: {
  results: RoundResults;
  records: EscalationRecord[];
  invited: number | null;
  rates: ResponseRates | null;
  cases: CaseSummary[];
  checkpoint: AuditCheckpoint;
  states: DepartmentStates | undefined;
  issuer: Issuer;
}) {
  const { t } = useTranslation('dashboard');
  const { t: tc } = useTranslation('common');
  const { t: ts } = useTranslation('state');
  const headline = useMemo(() => roundHeadline(results.departments), [results]);
  const { t: tr } = useTranslation('rectification');
  const name = useDeptName();
  const quarter = useQuarter();
  const dates = useDates();
  const { rules } = results;
  const { ranked, insufficient } = useMemo(() => splitRanking(results.departments), [results]);
  const funnel = useMemo(() => funnelSeries(results), [results]);
  const bars = useMemo(() => rankingBars(results.departments), [results]);
  const bottom = ranked.filter((d) => d.flagged).sort((a, b) => (b.rank ?? 0) - (a.rank ?? 0));
  const nameById = useMemo(() => new Map(results.departments.map((d) => [d.departmentId, name(d)])), [results, name]);
  const recordOf = (id: number) => records.find((r) => r.departmentId === id && r.status !== 'withdrawn');
  const overview = {
    invited: invited ?? 0,
    responses: results.round.responses,
    rate: invited ? fmtPct(results.round.responses / invited) : '—',
    departments: results.departments.length,
    ranked: ranked.length,
    min: rules.minRatings,
  };
  return (
    <article className="report-sheet" data-testid="report">
      <h1 data-testid="report-title">{t('report.title', { city: issuer.city, quarter: quarter(results.round.id) })}</h1>
      <div className="issuer" data-testid="report-issuer">
        {issuer.office || t('report.issuer')} · {issuer.phone ? <>{tc('helpPhone', { phone: issuer.phone })} · </> : null}
        {results.round.publishedAt ? (
          t('report.publishedOn', { date: dates.date(results.round.publishedAt) })
        ) : (
          <span className="draft-mark">{t('report.draftMark')}</span>
        )}
      </div>
      <hr className="red-rule" />
      {!results.round.publishedAt ? <Alert type="warning" showIcon title={t('report.notPublished')} style={{ marginBottom: 12 }} /> : null}

      <section className="keep">
        <h2>{t('report.sections.overview')}</h2>
        <p>{invited ? t('report.overviewText', overview) : t('report.overviewTextNoProgress', overview)}</p>
        <p data-testid="report-headline">
          <strong>
            {ts('headline.mean')}：{fmtMean(headline.meanScore)}
          </strong>
          ；
          <strong>
            {ts('headline.dissatisfied')}：{fmtPct(headline.dissatisfiedRate)}
          </strong>
          ；{ts('headline.satisfaction')}：{fmtPct(headline.satisfactionRate)}
          {ts('headline.satisfactionDefinition')}
        </p>
      </section>

      {rates ? <ReportRates rates={rates} /> : null}

      <section>
        <h2>{t('report.sections.ranking')}</h2>
        <table data-testid="report-ranking">
          <thead>
            <tr>
              <th>{t('ranking.columns.rank')}</th>
              <th>{t('ranking.columns.department')}</th>
              <th>{t('charts.mean')}</th>
              <th>95%</th>
              <th>{t('ranking.columns.n')}</th>
              <th>{ts('headline.dissatisfied')}</th>
              <th>{t('ranking.columns.satisfaction')}</th>
              <th>{t('ranking.columns.votes')}</th>
              <th>{t('ranking.columns.change')}</th>
            </tr>
          </thead>
          <tbody>
            {ranked.map((d) => (
              <tr key={d.departmentId} className={d.flagged ? 'flagged' : undefined}>
                <td>{d.rank}</td>
                <td className="name">{name(d)}</td>
                <td>{fmtMean(d.mean)}</td>
                <td>{d.ci95 ? `${fmtMean(d.ci95[0])}–${fmtMean(d.ci95[1])}` : '—'}</td>
                <td>{d.n}</td>
                <td>{fmtPct(d.dissatisfiedRate)}</td>
                <td>{fmtPct(d.satisfactionRate)}</td>
                <td>{d.leastSatisfiedVotes}</td>
                <td>
                  <ChangeMark change={rankChange(d.rank, d.previousRank)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {insufficient.length ? (
          <p>
            {t('report.insufficient', {
              min: rules.minRatings,
              names: insufficient.map((d) => t('report.insufficientName', { name: name(d), n: d.n })).join(t('report.listSeparator')),
            })}
          </p>
        ) : null}
      </section>

      <section className="keep">
        <h2>{t('report.sections.bottom')}</h2>
        <p>{t('report.bottomText')}</p>
        <table data-testid="report-bottom">
          <HeadRow
            labels={[
              t('ranking.columns.rank'),
              t('ranking.columns.department'),
              t('charts.mean'),
              t('ranking.columns.votes'),
              t('escalations.columns.head'),
              t('escalations.columns.streak'),
              t('ranking.columns.level'),
            ]}
          />
          <tbody>
            {bottom.map((d) => {
              const r = recordOf(d.departmentId);
              return (
                <tr key={d.departmentId} className="flagged">
                  <td>{d.rank}</td>
                  <td className="name">{name(d)}</td>
                  <td>{fmtMean(d.mean)}</td>
                  <td>{d.leastSatisfiedVotes}</td>
                  <td>{r?.headName ? `${r.headName}${r.headTitle ? `（${r.headTitle}）` : ''}` : '—'}</td>
                  <td>{r ? t('report.streakText', { count: r.streak }) : '—'}</td>
                  <td>{r ? <LevelTag level={r.level} /> : t('report.noEscalation')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {bottom.map((d) => {
          const state = states?.states.find((x) => x.departmentId === d.departmentId && x.roundId === results.round.id);
          return state ? (
            <div key={d.departmentId} style={{ margin: '8px 0' }}>
              <strong>{name(d)}</strong>
              <QuarterState state={state} code={state.departmentCode} />
            </div>
          ) : null;
        })}
        <RobustnessNote results={results} print />
        <WeightedNote results={results} print />
        <ReportReasons results={results} cases={cases} />
      </section>

      <section>
        <h2>{t('report.sections.charts')}</h2>
        <div className="keep">
          <h3 style={{ fontSize: 14 }}>{t('charts.funnel')}</h3>
          <p style={{ color: '#595959', fontSize: 12 }}>{t('charts.funnelHelp')}</p>
          <div className="report-chart">
            <FunnelChart series={funnel} width={CHART_WIDTH} height={340} />
          </div>
        </div>
        <div className="keep">
          <h3 style={{ fontSize: 14 }}>{t('charts.ranking')}</h3>
          <p style={{ color: '#595959', fontSize: 12 }}>{t('charts.rankingHelp')}</p>
          <div className="report-chart">
            <RankingBarChart bars={bars} width={CHART_WIDTH} rowHeight={15} />
          </div>
        </div>
      </section>

      <section className="keep">
        <h2>{t('report.sections.escalations')}</h2>
        {records.length ? (
          <table data-testid="report-escalations">
            <HeadRow
              labels={(['department', 'recordLevel', 'head', 'status', 'scheduledFor', 'doneAt'] as const).map((k) =>
                t(`escalations.columns.${k}`),
              )}
            />
            <tbody>
              {records.map((r) => (
                <tr key={r.id}>
                  <td className="name">{nameById.get(r.departmentId) ?? r.departmentName}</td>
                  <td>
                    <LevelTag level={r.level} />
                  </td>
                  <td>{r.headName ?? '—'}</td>
                  <td>{t(`escalations.status.${r.status}`)}</td>
                  <td>{r.scheduledFor ?? '—'}</td>
                  <td>{r.doneAt ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>{t('report.noEscalations')}</p>
        )}
      </section>

      <section className="keep">
        <h2>{t('report.sections.rectification')}</h2>
        {cases.length ? (
          <>
            <p>{t('report.callbacks.intro')}</p>
            <table data-testid="report-callbacks">
              <HeadRow labels={CALLBACK_COLUMNS.map((k) => t(`report.callbacks.${k}`))} />
              <tbody>
                {cases.map((c) => (
                  <tr key={c.id}>
                    <td className="name">{nameById.get(c.departmentId) ?? c.departmentName}</td>
                    <td>{tr(`status.${c.status}`)}</td>
                    <td>{c.callbacks.entries}</td>
                    <td>{c.callbacks.calledBack}</td>
                    <td>{c.callbacks.reached}</td>
                    <td>{c.callbacks.solved}</td>
                    <td>{c.callbacks.satisfied}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : (
          <p>{t('report.callbacks.none')}</p>
        )}
      </section>

      <section className="keep">
        <h2>{t('report.sections.rules')}</h2>
        <RulesText results={results} />
      </section>
      <CheckpointFoot checkpoint={checkpoint} />
    </article>
  );
}

const CALLBACK_COLUMNS = ['department', 'status', 'entries', 'calledBack', 'reached', 'solved', 'satisfied'] as const;

/** A table's header row. */
function HeadRow({ labels }: { labels: string[] }) {
  return (
    <thead>
      <tr>
        {labels.map((l) => (
          <th key={l}>{l}</th>
        ))}
      </tr>
    </thead>
  );
}

export default function ReportPage() {
  const { t } = useTranslation('dashboard');
  const { roundId = '' } = useParams();
  const results = useLoad((signal) => getRoundResults(roundId, signal), [roundId]);
  const board = useLoad((signal) => getEscalationBoard(signal), [roundId]);
  const progress = useLoad((signal) => roundProgress(roundId, signal), [roundId]);
  const rates = useLoad((signal) => responseRates(roundId, signal), [roundId]);
  const cases = useLoad((signal) => listCases({ roundId }, signal), [roundId]);
  const checkpoint = useLoad((signal) => auditCheckpoint(signal, roundId), [roundId]);
  const issuer = useIssuer();
  const states = useLoad((signal) => getDepartmentStates({ roundId }, signal), [roundId]);
  const records = useMemo(() => (board.data?.records ?? []).filter((r) => r.roundId === roundId), [board.data, roundId]);
  // A printed report must not say "no escalation records" or leave out the sample because a call failed:
  // it waits for both, and a failure is shown with a retry. Only a round without invitations has no progress.
  const noProgress = progress.error instanceof ApiError && progress.error.status === 404;
  // Rates are for the admin, leaders and supervisors; anyone else reads the report without them.
  const noRates = rates.error instanceof ApiError && [403, 404].includes(rates.error.status);
  const partError =
    (!states.data && states.error) ||
    (!board.data && board.error) ||
    (!progress.data && !noProgress && progress.error) ||
    (!rates.data && !noRates && rates.error) ||
    (!cases.data && cases.error) ||
    (!checkpoint.data && checkpoint.error);
  const retryParts = () => {
    if (states.error) states.reload();
    if (board.error) board.reload();
    if (progress.error) progress.reload();
    if (rates.error) rates.reload();
    if (cases.error) cases.reload();
    if (checkpoint.error) checkpoint.reload();
  };
  const ready =
    results.data &&
    states.data &&
    board.data &&
    cases.data &&
    checkpoint.data &&
    issuer &&
    (progress.data || noProgress) &&
    (rates.data || noRates);

  return (
    <div className="pingyi-report">
      <style>{PRINT_CSS}</style>
      <Flex className="no-print" justify="space-between" gap={8} wrap style={{ marginBottom: 16 }}>
        <Link to={`/dashboard?round=${encodeURIComponent(roundId)}`}>
          <Button icon={<ArrowLeftOutlined />}>{t('report.back')}</Button>
        </Link>
        <Button type="primary" icon={<PrinterOutlined />} disabled={!ready} onClick={() => window.print()}>
          {t('report.print')}
        </Button>
      </Flex>
      {results.error && !results.data ? (
        results.error instanceof ApiError && (results.error.status === 404 || results.error.status === 409) ? (
          <Alert type="info" showIcon title={t('report.notFound')} />
        ) : (
          <LoadError error={results.error} onRetry={results.reload} />
        )
      ) : partError ? (
        <LoadError error={partError} onRetry={retryParts} />
      ) : !ready || !results.data || !cases.data || !checkpoint.data || !issuer ? (
        <Skeleton active paragraph={{ rows: 16 }} />
      ) : (
        <Report
          results={results.data}
          records={records}
          invited={progress.data?.invited ?? null}
          rates={rates.data ?? null}
          cases={cases.data}
          checkpoint={checkpoint.data}
          states={states.data}
          issuer={issuer}
        />
      )}
    </div>
  );
}
