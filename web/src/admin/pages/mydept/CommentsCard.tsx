// Comments addressed to the department, once an admin has released them (the API answers 404 before).
import { Card, Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CommentList } from '../../components/CommentList.tsx';
import { ApiError } from '../../../api.ts';
import { LoadError } from '../../components/LoadError.tsx';
import type { RoundComments } from '../../endpoints.ts';

export function CommentsCard({
  data,
  error,
  loading,
  onRetry,
  departmentId,
}: {
  data: RoundComments | undefined;
  error: unknown;
  loading: boolean;
  onRetry(): void;
  departmentId: number;
}) {
  const { t } = useTranslation('mydept');
  const notReleased = error instanceof ApiError && error.status === 404;
  const mine = data?.departments.find((d) => d.departmentId === departmentId)?.comments ?? [];
  let body;
  if (notReleased) {
    body = (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={
          <>
            <Typography.Text strong>{t('comments.notReleased')}</Typography.Text>
            <br />
            <Typography.Text type="secondary">{t('comments.notReleasedHelp')}</Typography.Text>
          </>
        }
        data-testid="comments-not-released"
      />
    );
  } else if (error && !data) {
    body = <LoadError error={error} onRetry={onRetry} />;
  } else if (!mine.length) {
    body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('comments.none')} />;
  } else {
    body = (
      <>
        <Typography.Paragraph type="secondary">{t('comments.count', { n: mine.length })}</Typography.Paragraph>
        <CommentList items={mine} testId="comments-list" />
      </>
    );
  }
  return (
    <Card title={t('comments.title')} loading={loading && !data && !error} data-testid="comments-card">
      {body}
    </Card>
  );
}
