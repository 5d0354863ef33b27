// /public: every published round, newest first, with its bottom three.
import { Card, Empty, Flex, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { LoadError } from '../../components/LoadError.tsx';
import { publicRounds } from '../../endpoints.ts';
import { useLoad } from '../../useLoad.ts';
import { cityDate } from '../../views/time.ts';
import { useDeptName, useQuarter } from '../dashboard/format.tsx';
import { PublicLayout } from './PublicLayout.tsx';

export default function PublicRoundsPage() {
  const { t, i18n } = useTranslation('public');
  const quarter = useQuarter();
  const name = useDeptName();
  const { data, error, reload } = useLoad((signal) => publicRounds(signal), []);
  return (
    <PublicLayout>
      <Typography.Title level={2} style={{ marginTop: 8 }}>
        {t('listTitle')}
      </Typography.Title>
      <Typography.Paragraph>{t('listIntro')}</Typography.Paragraph>
      {error && !data ? <LoadError error={error} onRetry={reload} /> : null}
      {!data && !error ? (
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin size="large" />
        </Flex>
      ) : null}
      {data && data.length === 0 ? (
        <Card>
          <Empty description={t('empty')} />
        </Card>
      ) : null}
      <Flex vertical gap={12} data-testid="public-rounds">
        {data?.map((r) => (
          <Card
            key={r.id}
            title={<Link to={`/public/rounds/${r.id}`}>{t('roundTitle', { quarter: quarter(r.id) })}</Link>}
            extra={<Link to={`/public/rounds/${r.id}`}>{t('open')}</Link>}
          >
            <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
              {t('published', { date: cityDate(r.publishedAt, i18n.language) })}
            </Typography.Paragraph>
            <Typography.Text>
              {t('bottomThree')}：{r.flagged.map((d) => name(d)).join('、') || t('flagged.none')}
            </Typography.Text>
          </Card>
        ))}
      </Flex>
    </PublicLayout>
  );
}
