// /public/rounds/<id>: what the city publishes of one round (公开通报), and the draw anyone can check.
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Spin, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { PublicDepartment, PublicRound } from '#shared/schemas/public.ts';
import { ApiError } from '../../../api.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { QuarterState } from '../../components/QuarterState.tsx';
import { DrawVerify } from '../../draw/DrawVerify.tsx';
import { publicRound } from '../../endpoints.ts';
import { useLoad } from '../../useLoad.ts';
import { placeFromBottom } from '../../views/rank.ts';
import { cityDate, cityDateTime } from '../../views/time.ts';
import { COLORS, fmtMean, fmtPct, isEnglish, useDeptName, useQuarter } from '../dashboard/format.tsx';
import { ReasonsList } from '../../components/ReasonsList.tsx';
import { CaseTimeline } from './CaseTimeline.tsx';
import { PublicLayout } from './PublicLayout.tsx';

const interval = (ci: [number, number] | null) => (ci ? `${fmtMean(ci[0])}–${fmtMean(ci[1])}` : '—');

export default function PublicRoundPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('public');
  const quarter = useQuarter();
  const { data, error, reload } = useLoad((signal) => publicRound(id, signal), [id]);

  if (error instanceof ApiError && (error.status === 404 || error.status === 400)) {
    return (
      <PublicLayout>
        <Alert type="warning" showIcon title={t('notFound')} action={<Link to="/public">{t('back')}</Link>} />
      </PublicLayout>
    );
  }
  return (
    <PublicLayout>
      <Link to="/public" className="no-print">
        ← {t('back')}
      </Link>
      <Typography.Title level={2} style={{ marginTop: 8 }}>
        {t('roundTitle', { quarter: quarter(id) })}
      </Typography.Title>
      {error && !data ? <LoadError error={error} onRetry={reload} /> : null}
      {!data && !error ? (
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin size="large" />
        </Flex>
      ) : null}
      {data ? (
        <Flex vertical gap={16} data-testid="public-round">
          <Typography.Text type="secondary">{t('published', { date: cityDate(data.round.publishedAt, i18n.language) })}</Typography.Text>
          {data.round.correctionReason ? (
            <Alert type="info" showIcon title={t('correction', { version: data.round.version, reason: data.round.correctionReason })} />
          ) : null}
          <Summary data={data} />
          <Flagged data={data} />
          <Ranking data={data} />
          <Method data={data} />
          <Card title={t('draw.title')} className="keep-together">
            <Typography.Paragraph>{t('draw.intro')}</Typography.Paragraph>
            <Descriptions column={1} size="small" bordered style={{ marginBottom: 16 }} styles={{ content: { overflowWrap: 'anywhere' } }}>
              <Descriptions.Item label={t('draw.poolSize')}>{data.method.poolSize ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('draw.poolHash')}>
                <code>{data.method.poolHash ?? '—'}</code>
              </Descriptions.Item>
              <Descriptions.Item label={t('draw.seed')}>
                <code>{data.method.seed ?? '—'}</code>
              </Descriptions.Item>
              <Descriptions.Item label={t('draw.seedSource')}>
                {data.method.seedSource ? t(`draw.seedSources.${data.method.seedSource}`) : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('draw.drawnAt')}>{cityDateTime(data.method.drawnAt, i18n.language)}</Descriptions.Item>
            </Descriptions>
            <a href={data.drawRecordUrl} download={`draw-record-${data.round.id}.json`} className="no-print">
              <Button icon={<DownloadOutlined />} style={{ marginBottom: 16 }}>
                {t('draw.download')}
              </Button>
            </a>
            <DrawVerify roundId={data.round.id} recordUrl={data.drawRecordUrl} />
          </Card>
          {data.auditHead ? (
            <Card title={t('auditHead.title')} className="keep-together" data-testid="public-audit-head">
              <Typography.Paragraph>{t('auditHead.intro')}</Typography.Paragraph>
              <Descriptions column={1} size="small" bordered styles={{ content: { overflowWrap: 'anywhere' } }}>
                <Descriptions.Item label={t('auditHead.entry')}>{data.auditHead.id}</Descriptions.Item>
                <Descriptions.Item label={t('auditHead.at')}>{cityDateTime(data.auditHead.at, i18n.language)}</Descriptions.Item>
                <Descriptions.Item label={t('auditHead.hash')}>
                  <code>{data.auditHead.hash}</code>
                </Descriptions.Item>
              </Descriptions>
            </Card>
          ) : null}
        </Flex>
      ) : null}
    </PublicLayout>
  );
}

/** The headline is what ranks: the mean score and the share dissatisfied lead; 满意率 follows with its definition. */
function Summary({ data }: { data: PublicRound }) {
  const { t } = useTranslation('public');
  const name = useDeptName();
  const best = data.summary.best;
  return (
    <Card title={t('summary.title')} className="keep-together">
      <Flex gap={32} wrap style={{ marginBottom: 12 }} data-testid="public-headline">
        <Statistic title={t('summary.mean')} value={fmtMean(data.summary.meanScore)} />
        <Statistic title={t('summary.dissatisfied')} value={fmtPct(data.summary.dissatisfiedRate)} />
      </Flex>
      <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
        <Descriptions.Item label={t('summary.responses')}>
          {t('summary.responsesValue', { responses: data.round.responses, sample: data.round.sampleSize })}
        </Descriptions.Item>
        <Descriptions.Item label={t('summary.departments')}>
          {t('summary.departmentsValue', { departments: data.round.departments, ranked: data.round.ranked })}
        </Descriptions.Item>
        <Descriptions.Item label={t('summary.satisfaction')}>
          <span data-testid="public-satisfaction">
            {fmtPct(data.summary.satisfactionRate)}
            <Typography.Text type="secondary">{t('summary.satisfactionDefinition')}</Typography.Text>
          </span>
        </Descriptions.Item>
        {best ? (
          <Descriptions.Item label={t('summary.best')}>
            {name(best)}（{fmtMean(best.mean)}）
          </Descriptions.Item>
        ) : null}
      </Descriptions>
    </Card>
  );
}

function Flagged({ data }: { data: PublicRound }) {
  const { t } = useTranslation('public');
  const name = useDeptName();
  return (
    <Card title={t('flagged.title')} styles={{ header: { background: COLORS.flaggedBg } }} data-testid="public-flagged">
      <Flex vertical gap={16}>
        {data.flagged.length === 0 ? <Typography.Text>{t('flagged.none')}</Typography.Text> : null}
        {[...data.flagged].reverse().map((d) => (
          <div key={d.code} className="keep-together" style={{ borderInlineStart: `4px solid ${COLORS.flagged}`, paddingInlineStart: 12 }}>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {name(d)}
            </Typography.Title>
            <Typography.Text strong style={{ color: COLORS.flagged }}>
              {t('flagged.place', { rank: d.rank, fromBottom: placeFromBottom(d.rank, data.round.ranked) })}
            </Typography.Text>
            {d.streak > 1 ? <Typography.Text type="secondary"> · {t('flagged.streak', { streak: d.streak })}</Typography.Text> : null}
            <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small" style={{ marginTop: 8 }}>
              <Descriptions.Item label={t('flagged.score')}>{fmtMean(d.mean)}</Descriptions.Item>
              <Descriptions.Item label={t('flagged.dissatisfied')}>{fmtPct(d.dissatisfiedRate)}</Descriptions.Item>
              <Descriptions.Item label={t('flagged.interval')}>{interval(d.ci95)}</Descriptions.Item>
              <Descriptions.Item label={t('flagged.pBottom')}>{fmtPct(d.pBottom, 0)}</Descriptions.Item>
              <Descriptions.Item label={t('flagged.votes')}>{d.leastSatisfiedVotes}</Descriptions.Item>
            </Descriptions>
            {data.method.reasons.length ? (
              <div data-testid="public-reasons" style={{ marginTop: 8 }}>
                <Typography.Text type="secondary">{t('flagged.reasons')}</Typography.Text>
                <ReasonsList reasons={d.reasons} offered={data.method.reasons} />
              </div>
            ) : null}
            {d.state ? <QuarterState state={d.state} code={d.code} /> : null}
            {d.watch ? (
              <Typography.Paragraph data-testid="public-watch" style={{ marginTop: 8 }}>
                <Tag color="gold">{t('watch.tag')}</Tag>
                {d.watch.reasons.map((r) => t(`watch.reasons.${r}`)).join('；')}（
                {d.watch.review ? t(`watch.review.${d.watch.review}`) : t('watch.pending')}）
              </Typography.Paragraph>
            ) : null}
            {d.rectification ? <CaseTimeline timeline={d.rectification.timeline} /> : null}
          </div>
        ))}
      </Flex>
    </Card>
  );
}

function Ranking({ data }: { data: PublicRound }) {
  const { t } = useTranslation('public');
  const name = useDeptName();
  if (data.disclosure === 'bottom') return <Alert type="info" showIcon title={t('ranking.bottomOnly')} />;
  const columns: ColumnsType<PublicDepartment> = [
    { title: t('ranking.rank'), dataIndex: 'rank', width: 64, render: (r: number | null) => r ?? '—' },
    {
      title: t('ranking.department'),
      key: 'name',
      render: (_, d) => (
        <span style={{ color: d.flagged ? COLORS.flagged : undefined, fontWeight: d.flagged ? 600 : undefined }}>{name(d)}</span>
      ),
    },
    {
      title: t('ranking.score'),
      dataIndex: 'mean',
      align: 'right',
      render: (m: number | null, d) => (d.status === 'ranked' ? fmtMean(m) : t('ranking.notRanked')),
    },
    { title: t('ranking.interval'), key: 'ci', render: (_, d) => interval(d.ci95) },
    { title: t('ranking.n'), dataIndex: 'n', align: 'right' },
    { title: t('ranking.dissatisfied'), dataIndex: 'dissatisfiedRate', align: 'right', render: (x: number | null) => fmtPct(x) },
    { title: t('ranking.satisfaction'), dataIndex: 'satisfactionRate', align: 'right', render: (x: number | null) => fmtPct(x) },
    { title: t('ranking.votes'), dataIndex: 'leastSatisfiedVotes', align: 'right' },
    { title: t('ranking.pBottom'), dataIndex: 'pBottom', align: 'right', render: (x: number | null) => fmtPct(x, 0) },
  ];
  return (
    <Card title={t('ranking.title')} styles={{ body: { padding: 0 } }}>
      <Table<PublicDepartment>
        rowKey="code"
        columns={columns}
        dataSource={data.departments}
        pagination={false}
        size="small"
        scroll={{ x: 'max-content' }}
        data-testid="public-ranking"
        className="nowrap-headers"
      />
    </Card>
  );
}

function Method({ data }: { data: PublicRound }) {
  const { t, i18n } = useTranslation('public');
  const en = isEnglish(i18n.language);
  const m = data.method;
  const scale = [...m.scale]
    .sort((a, b) => b.score - a.score)
    .map((s) => `${en ? s.labelEn : s.labelZh} ${s.score}`)
    .join(en ? ', ' : '、');
  return (
    <Card title={t('method.title')} className="keep-together">
      <ul style={{ paddingInlineStart: 20, margin: 0 }}>
        <li>{t('method.scale', { scale })}</li>
        <li>{t('method.minRatings', { min: m.minRatings })}</li>
        <li>{t('method.ranking', { rule: en ? m.rankingRule.en : m.rankingRule.zh })}</li>
        <li data-testid="public-official-ranking">{t(`method.official.${m.officialRanking}`)}</li>
        {m.reasons.length ? <li>{t('method.reasons')}</li> : null}
        <li>{t('method.interval', { simulations: m.simulations })}</li>
        <li>{t('method.escalation', { policy: m.escalationPolicy })}</li>
      </ul>
    </Card>
  );
}
