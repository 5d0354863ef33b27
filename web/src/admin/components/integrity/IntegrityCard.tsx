// 数据质量: the round's integrity signals for admins and the supervisor (the server refuses anyone else).
import { Alert, Card, Descriptions, Empty, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api.ts';
import { getIntegrity, type Integrity } from '../../endpoints.ts';
import { LoadError } from '../LoadError.tsx';
import { useLoad } from '../../useLoad.ts';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const chance = (x: number) => (x < 0.0001 ? '< 0.0001' : x.toFixed(4));

export function IntegrityCard({ roundId }: { roundId: string }) {
  const { t, i18n } = useTranslation('integrity');
  const { t: tc } = useTranslation('common');
  const { data, error, reload, loading } = useLoad((signal) => getIntegrity(roundId, signal), [roundId]);
  const en = i18n.language === 'en';

  let body;
  if (error && !data) {
    body =
      error instanceof ApiError && (error.code === 'round_not_closed' || error.code === 'not_computed') ? (
        <Typography.Text type="secondary" data-testid="compute-first">
          {tc(`errors.${error.code}`)}
        </Typography.Text>
      ) : (
        <LoadError error={error} onRetry={reload} />
      );
  } else if (data) {
    body = <IntegrityBody data={data} en={en} />;
  }
  return (
    <Card
      title={t('panel.title')}
      loading={loading && !data && !error}
      data-testid="integrity-card"
      extra={
        data ? (
          data.raised ? (
            <Tag color="orange">{t('panel.raisedCount', { n: data.raised })}</Tag>
          ) : (
            <Tag color="green">{t('panel.clean')}</Tag>
          )
        ) : null
      }
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('panel.help')}
      </Typography.Paragraph>
      {body}
    </Card>
  );
}

function IntegrityBody({ data, en }: { data: Integrity; en: boolean }) {
  const { t } = useTranslation('integrity');
  const nameOf = (d: { code: string; name: string }) => {
    const ref = data.departments.find((x) => x.code === d.code);
    return en && ref?.nameEn ? ref.nameEn : d.name;
  };
  return (
    <Flex vertical gap={8}>
      <Typography.Text>{t('panel.answers', { n: data.answers, flagged: data.flaggedAnswers })}</Typography.Text>
      <List
        size="small"
        dataSource={data.signals}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
        renderItem={(s) => (
          <List.Item data-testid={`signal-${s.kind}`}>
            <Flex vertical gap={4} style={{ width: '100%' }}>
              <Flex gap={8} align="center" wrap>
                <Typography.Text strong>{t(`kinds.${s.kind}`)}</Typography.Text>
                {s.raised ? <Tag color="orange">{t('panel.raised')}</Tag> : <Tag>{t('panel.notRaised')}</Tag>}
                {s.raised ? (
                  <Typography.Text type="secondary">
                    {t('panel.touches')}: {t('panel.touchesValue', { n: s.answers })}
                  </Typography.Text>
                ) : null}
              </Flex>
              <Descriptions
                size="small"
                column={1}
                items={[
                  { key: 'm', label: t('panel.measured'), children: en ? s.measured.en : s.measured.zh },
                  { key: 't', label: t('panel.threshold'), children: en ? s.threshold.en : s.threshold.zh },
                ]}
              />
              {s.kind === 'straight_lining' && s.observed !== null ? (
                <Typography.Text type="secondary">{t('panel.share', { share: pct(s.observed) })}</Typography.Text>
              ) : null}
              {s.clusterSizes.length ? (
                <Typography.Text>{t('panel.clusters', { sizes: s.clusterSizes.join(en ? ', ' : '、') })}</Typography.Text>
              ) : null}
              {s.departments.map((d) => (
                <Alert
                  key={d.departmentId}
                  type="warning"
                  showIcon
                  title={
                    s.kind === 'votes_unexplained'
                      ? t('panel.departmentVotes', {
                          name: nameOf(d),
                          observed: d.observed,
                          expected: d.expected.toFixed(1),
                          chance: chance(d.chance),
                        })
                      : t('panel.department', {
                          name: nameOf(d),
                          observed: pct(d.observed),
                          expected: pct(d.expected),
                          chance: chance(d.chance),
                        })
                  }
                />
              ))}
            </Flex>
          </List.Item>
        )}
      />
    </Flex>
  );
}
