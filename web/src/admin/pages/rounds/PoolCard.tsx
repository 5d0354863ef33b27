// The frozen pool: its hash, published before any seed exists.
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Card, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Round } from '#shared/schemas/rounds.ts';
import { PublishedValue } from './PublishedValue.tsx';
import { useTimeFormat } from './labels.tsx';

export function PoolCard({ round }: { round: Round }) {
  const { t } = useTranslation('rounds');
  const time = useTimeFormat();
  if (!round.poolHash) return null;
  return (
    <Card
      title={
        <>
          <SafetyCertificateOutlined /> {t('pool.title')}
        </>
      }
      data-testid="pool-card"
    >
      <Alert type="success" showIcon title={t('pool.frozenNote')} description={t('pool.why')} style={{ marginBottom: 16 }} />
      <Typography.Text type="secondary">{t('pool.hash')}</Typography.Text>
      <PublishedValue value={round.poolHash} fontSize={18} testId="pool-hash" />
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        items={[
          { key: 'size', label: t('pool.size'), children: t('pool.sizeValue', { count: round.poolSize ?? 0 }) },
          { key: 'frozenAt', label: t('pool.frozenAt'), children: time.dateTime(round.frozenAt) },
          {
            key: 'strata',
            label: t('settings.stratifyBy'),
            children: round.stratifyBy ? t(`stratify.${round.stratifyBy}`) : t('stratify.none'),
          },
        ]}
      />
    </Card>
  );
}
