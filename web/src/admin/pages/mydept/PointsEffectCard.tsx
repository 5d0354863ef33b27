// The points effect of the department's escalation measures on the responsible heads' records.
import { Card, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { netEffect } from '#shared/charts/points.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { listEntries } from '../../endpoints.ts';
import { useLoad } from '../../useLoad.ts';
import { EntryTable } from '../points/EntryTable.tsx';

export function PointsEffectCard() {
  const { t } = useTranslation('points');
  // The server shows a head their own unit's entries only.
  const data = useLoad((signal) => listEntries({ source: 'survey', pageSize: 200 }, signal), []);
  const entries = data.data?.items ?? [];
  return (
    <Card
      title={t('effect.title')}
      data-testid="points-effect"
      extra={<Statistic value={netEffect(entries)} title={t('effect.net')} valueStyle={{ fontSize: 18 }} />}
    >
      <Typography.Paragraph type="secondary">{t('effect.help')}</Typography.Paragraph>
      {data.error ? (
        <LoadError error={data.error} onRetry={data.reload} />
      ) : (
        <EntryTable entries={entries} loading={data.loading} empty={t('effect.empty')} testId="points-effect-table" />
      )}
    </Card>
  );
}
