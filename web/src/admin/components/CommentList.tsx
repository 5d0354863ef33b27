// Enterprise comments as plain text (React escapes it), line breaks kept, identical ones grouped "×N".
import { MessageOutlined } from '@ant-design/icons';
import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { groupComments } from '../views/comments.ts';

export function CommentList({ items, testId }: { items: readonly string[]; testId?: string }) {
  const { t } = useTranslation('comments');
  return (
    <Flex vertical gap={8} component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid={testId}>
      {groupComments(items).map((g) => (
        <li key={g.text} style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
          <MessageOutlined style={{ marginTop: 4, color: '#8c8c8c' }} />
          <Typography.Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', flex: 1 }} data-testid="comment">
            {g.text}
          </Typography.Text>
          {g.count > 1 ? (
            <Tag color="blue" title={t('sameCount', { n: g.count })} data-testid="comment-count-same">
              ×{g.count}
            </Tag>
          ) : null}
        </li>
      ))}
    </Flex>
  );
}
