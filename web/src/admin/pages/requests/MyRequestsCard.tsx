// 本部门: the department's requests at a glance (waiting, overdue) with the way to the queue.
import { Button, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { listRequests } from '../../endpoints.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useLoad } from '../../useLoad.ts';
import { requestCounts } from '../../views/requests.ts';

export function MyRequestsCard() {
  const { t } = useTranslation('requests');
  const list = useLoad((signal) => listRequests({}, signal), []);
  const counts = list.data ? requestCounts(list.data.items) : null;
  return (
    <Card
      title={t('mydept.title')}
      size="small"
      data-testid="mydept-requests"
      extra={
        <Link to="/requests">
          <Button size="small" type="primary">
            {t('mydept.open')}
          </Button>
        </Link>
      }
    >
      {list.error && !list.data ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : (
        counts && (
          <Flex gap={16} wrap>
            {counts.waiting ? (
              <>
                <Typography.Text strong>{t('mydept.waiting', { count: counts.waiting })}</Typography.Text>
                {counts.overdue ? <Typography.Text type="danger">{t('mydept.overdue', { count: counts.overdue })}</Typography.Text> : null}
              </>
            ) : (
              <Typography.Text type="secondary">{t('mydept.none')}</Typography.Text>
            )}
          </Flex>
        )
      )}
    </Card>
  );
}
