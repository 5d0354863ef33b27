// One request as the office reads it: the enterprise's text, the replies, its feedback, and the reply box
// for whoever may answer. Texts are rendered as text (React escapes them), never as HTML.
import { App, Button, Flex, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REPLY_TEXT_MAX } from '#shared/requests/vocabulary.ts';
import { useUser } from '../../auth.tsx';
import { replyToRequest, type RequestItem } from '../../endpoints.ts';
import { useErrorText } from '../../errors.ts';
import { useDates } from '../rectification/labels.tsx';

/** The head of the request's department answers; the admin may too. */
export const canReply = (user: { role: string; departmentId: number | null }, item: RequestItem) =>
  user.role === 'admin' || (user.role === 'dept_head' && user.departmentId === item.department.id);

export function RequestStateTags({ item }: { item: RequestItem }) {
  const { t } = useTranslation('requests');
  return (
    <Space size={4} wrap>
      <Tag color={item.state === 'waiting' ? 'gold' : item.state === 'replied' ? 'blue' : 'green'}>{t(`states.${item.state}`)}</Tag>
      {item.overdue && (
        <Tag color="red" data-testid="overdue-tag">
          {t('overdue')}
        </Tag>
      )}
      {item.lateReply && <Tag color="orange">{t('lateReply')}</Tag>}
    </Space>
  );
}

export function RequestThreadView({ item, onReplied }: { item: RequestItem; onReplied: (item: RequestItem) => void }) {
  const { t } = useTranslation('requests');
  const user = useUser();
  const dates = useDates();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);

  async function send() {
    if (!text.trim()) return void message.warning(t('reply.required'));
    setSending(true);
    try {
      onReplied(await replyToRequest(item.id, text.trim()));
      setText('');
      message.success(t('reply.sent'));
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setSending(false);
    }
  }

  const fb = item.feedback;
  return (
    <Flex vertical gap={8} style={{ maxWidth: 'min(760px, calc(100vw - 72px))' }} data-testid={`request-thread-${item.id}`}>
      <Typography.Text strong>{t('thread.text')}</Typography.Text>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{item.text}</Typography.Paragraph>
      {item.contactLeft && (
        <Typography.Text>
          {t('columns.contact')}：{item.contact ?? t('hiddenContact')}
        </Typography.Text>
      )}
      <Typography.Text strong>{t('thread.replies')}</Typography.Text>
      {item.replies.length ? (
        item.replies.map((r, i) => (
          <div key={i}>
            <Typography.Text type="secondary">{t('thread.by', { name: r.by, time: dates.dateTime(r.at) })}</Typography.Text>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{r.text}</Typography.Paragraph>
          </div>
        ))
      ) : (
        <Typography.Text type="secondary">{t('thread.noReplies')}</Typography.Text>
      )}
      <Typography.Text data-testid="request-feedback">
        {fb
          ? t('thread.feedback', {
              resolved: fb.resolved ? t('thread.resolvedYes') : t('thread.resolvedNo'),
              satisfied: fb.satisfied ? t('thread.satisfiedYes') : t('thread.satisfiedNo'),
            })
          : t('thread.noFeedback')}
      </Typography.Text>
      {canReply(user, item) && (
        <Flex vertical gap={8} style={{ maxWidth: 640 }}>
          <label htmlFor={`reply-${item.id}`}>{t('reply.label')}</label>
          <Input.TextArea
            id={`reply-${item.id}`}
            value={text}
            onChange={(e) => setText(e.target.value)}
            maxLength={REPLY_TEXT_MAX}
            showCount
            autoSize={{ minRows: 3, maxRows: 8 }}
            placeholder={t('reply.placeholder')}
            data-testid="reply-text"
          />
          <div>
            <Button type="primary" loading={sending} onClick={() => void send()} data-testid="reply-send">
              {t('reply.submit')}
            </Button>
          </div>
        </Flex>
      )}
    </Flex>
  );
}
