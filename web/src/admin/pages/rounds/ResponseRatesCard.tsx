// AAPOR response rates beside the progress: RR1, RR3, cooperation and contact, the dispositions behind
// them and, where the progress page's rule allows, the same per stratum.
import { QuestionCircleOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Row, Statistic, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RateFigures, ResponseRates } from '#shared/schemas/follow-ups.ts';
import type { Round } from '#shared/schemas/rounds.ts';
import { LoadError, StaleDataWarning } from '../../components/LoadError.tsx';
import { responseRates } from '../../endpoints.ts';
import { useLoad } from '../../useLoad.ts';
import { dispositionRows, RATE_KEYS, rateCells, ratePercent } from '../../views/responseRates.ts';
import { useStratumLabel } from './labels.tsx';

type Stratum = ResponseRates['strata'][number];

function StrataTable({ rows, stratifyBy }: { rows: Stratum[]; stratifyBy: Round['stratifyBy'] }) {
  const { t } = useTranslation('followUps');
  const stratumLabel = useStratumLabel();
  const columns: TableColumnsType<Stratum> = [
    { title: t('rates.stratum'), dataIndex: 'key', render: (k: string) => stratumLabel(k, stratifyBy) },
    { title: t('disposition.complete'), key: 'complete', align: 'right', width: 70, render: (_, s) => s.dispositions.complete },
    ...RATE_KEYS.map((key) => ({
      title: t(`rates.${key}`),
      key,
      align: 'right' as const,
      width: 110,
      render: (_: unknown, s: Stratum) => ratePercent(s[key]) ?? t('rates.notAvailable'),
    })),
  ];
  return <Table<Stratum> size="small" rowKey="key" columns={columns} dataSource={rows} pagination={false} scroll={{ x: 560 }} />;
}

function Figures({ figures }: { figures: RateFigures }) {
  const { t } = useTranslation('followUps');
  return (
    <>
      <Row gutter={[16, 16]}>
        {rateCells(figures).map((c) => (
          <Col key={c.key} xs={12} md={6}>
            <Statistic
              title={
                <Tooltip title={t(`rates.explain.${c.key}`)}>
                  <span>
                    {t(`rates.${c.key}`)} <QuestionCircleOutlined />
                  </span>
                </Tooltip>
              }
              value={c.text ?? t('rates.notAvailable')}
              data-testid={`rate-${c.key}`}
            />
          </Col>
        ))}
      </Row>
      <Flex gap={4} wrap data-testid="dispositions">
        {dispositionRows(figures).map((r) => (
          <Tag key={r.disposition}>
            {t(`disposition.${r.disposition}`)} {r.count}
          </Tag>
        ))}
        <Typography.Text type="secondary">{t('rates.cases', { count: figures.cases })}</Typography.Text>
      </Flex>
    </>
  );
}

export function ResponseRatesCard({ round }: { round: Round }) {
  const { t } = useTranslation('followUps');
  const { data, error, loading, reload } = useLoad((signal) => responseRates(round.id, signal), [round.id, round.status]);
  return (
    <Card
      title={t('rates.title')}
      extra={<Button type="text" icon={<ReloadOutlined />} onClick={reload} loading={loading} aria-label={t('rates.title')} />}
      data-testid="rates-card"
    >
      {error && !data ? <LoadError error={error} onRetry={reload} /> : null}
      <StaleDataWarning error={data ? error : undefined} onRetry={reload} />
      {data ? (
        <Flex vertical gap={12}>
          <Figures figures={data} />
          <Typography.Text type="secondary">{t(data.final ? 'rates.final' : 'rates.interim')}</Typography.Text>
          {round.stratifyBy ? (
            data.groups === 'after_close' ? (
              <Typography.Text type="secondary">{t('rates.strataAfterClose')}</Typography.Text>
            ) : (
              <>
                <Typography.Text strong>{t('rates.byStratum')}</Typography.Text>
                {data.groups === 'suppressed' ? <Typography.Text type="secondary">{t('rates.strataSuppressed')}</Typography.Text> : null}
                <StrataTable rows={data.strata} stratifyBy={round.stratifyBy} />
              </>
            )
          ) : null}
        </Flex>
      ) : null}
    </Card>
  );
}
