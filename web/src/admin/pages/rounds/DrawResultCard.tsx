// What the draw produced: the seed and its source, quotas per stratum, sample and backups.
import { Card, Col, Descriptions, Row, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { compareBytes } from '#shared/draw/draw.ts';
import type { Round } from '#shared/schemas/rounds.ts';
import { useStratumLabel, useTimeFormat } from './labels.tsx';
import { PublishedValue } from './PublishedValue.tsx';

export function DrawResultCard({ round }: { round: Round }) {
  const { t } = useTranslation('rounds');
  const time = useTimeFormat();
  const stratumLabel = useStratumLabel();
  if (!round.drawnAt || round.seed === null || !round.quotas) return null;
  const quotas = Object.entries(round.quotas).sort(([a], [b]) => compareBytes(a, b));
  const sample = quotas.reduce((n, [, q]) => n + q, 0);
  // Every pool member not sampled is a numbered backup of its stratum (draw-spec.md).
  const backups = (round.poolSize ?? sample) - sample;
  return (
    <Card title={t('result.title')} data-testid="draw-result">
      <Typography.Text type="secondary">{t('result.seed')}</Typography.Text>
      <PublishedValue value={round.seed} fontSize={24} testId="drawn-seed" />
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          {
            key: 'source',
            label: t('result.source'),
            children: (
              <Tag color={round.seedSource === 'ceremony' ? 'gold' : 'blue'}>{t(`result.sources.${round.seedSource ?? 'server'}`)}</Tag>
            ),
          },
          { key: 'drawnAt', label: t('result.drawnAt'), children: time.dateTime(round.drawnAt) },
        ]}
      />
      <Row gutter={16} style={{ margin: '12px 0' }}>
        <Col span={8}>
          <Statistic title={t('result.sample')} value={sample} data-testid="sample-count" />
        </Col>
        <Col span={8}>
          <Statistic title={t('result.backups')} value={backups} />
        </Col>
        <Col span={8}>
          <Statistic title={t('result.strata')} value={quotas.length} />
        </Col>
      </Row>
      {round.stratifyBy ? (
        <Table
          size="small"
          rowKey={([k]) => k}
          dataSource={quotas}
          pagination={quotas.length > 10 ? { pageSize: 10, size: 'small' } : false}
          columns={[
            { title: t('result.stratum'), key: 'stratum', render: (_, [k]) => stratumLabel(k, round.stratifyBy) },
            { title: t('result.quota'), key: 'quota', width: 120, align: 'right', render: (_, [, q]) => q },
          ]}
        />
      ) : (
        <Typography.Text type="secondary">{t('result.unstratified', { count: sample })}</Typography.Text>
      )}
    </Card>
  );
}
