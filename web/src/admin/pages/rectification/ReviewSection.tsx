// Review (审核): an admin accepts a submitted case (closing it) or returns it with a comment; everyone
// sees the review history.
import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, Form, Input, Timeline, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { entriesBlockingClose } from '#shared/rectification-callbacks.ts';
import { useTranslation } from 'react-i18next';
import { reviewBodySchema, type CaseDetail } from '#shared/schemas/rectification.ts';
import type { ReviewBody } from '../../endpoints.ts';
import { useDates } from './labels.tsx';

export function ReviewPanel({ c, onReview }: { c: CaseDetail; onReview(body: ReviewBody): Promise<boolean> }) {
  const { t } = useTranslation('rectification');
  const [form] = Form.useForm<{ comment?: string }>();
  const [busy, setBusy] = useState<'accept' | 'return' | null>(null);
  // Open entries with neither a call-back nor a reason: closing asks for one or the other.
  const blocking = useMemo(() => {
    const ids = new Set(
      entriesBlockingClose(c.ledger.map((e) => ({ id: e.id, status: e.status, callbacks: e.callbacks.length, waiver: e.callbackWaiver }))),
    );
    return c.ledger.filter((e) => ids.has(e.id));
  }, [c.ledger]);
  const [reasons, setReasons] = useState<Record<number, string>>({});

  const review = async (decision: 'accept' | 'return') => {
    const comment = (form.getFieldValue('comment') as string | undefined)?.trim();
    const waivers =
      decision === 'accept'
        ? blocking.flatMap((e) => (reasons[e.id]?.trim() ? [{ entryId: e.id, reason: reasons[e.id]!.trim() }] : []))
        : [];
    const parsed = reviewBodySchema.safeParse({ decision, ...(comment ? { comment } : {}), waivers });
    if (!parsed.success) {
      form.setFields([{ name: 'comment', errors: [t('review.commentRequired')] }]);
      return;
    }
    form.setFields([{ name: 'comment', errors: [] }]);
    setBusy(decision);
    try {
      if (await onReview(parsed.data)) form.resetFields();
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card title={t('review.title')} data-testid="review-panel" style={{ borderColor: '#ffd666' }}>
      <Typography.Paragraph type="secondary">{t('review.caption')}</Typography.Paragraph>
      <Form form={form} layout="vertical">
        {blocking.length ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('review.waiversTitle')}
            data-testid="review-waivers"
            description={
              <Flex vertical gap={8}>
                {blocking.map((e) => (
                  <label key={e.id}>
                    {t('review.waiverReason', { enterprise: e.enterprise })}
                    <Input
                      value={reasons[e.id] ?? ''}
                      maxLength={1000}
                      onChange={(ev) => setReasons((r) => ({ ...r, [e.id]: ev.target.value }))}
                      data-testid={`waiver-${e.id}`}
                    />
                  </label>
                ))}
              </Flex>
            }
          />
        ) : null}
        <Form.Item name="comment" label={t('review.comment')}>
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={5000}
            placeholder={t('review.commentPlaceholder')}
            data-testid="review-comment"
          />
        </Form.Item>
        <Flex gap={12} wrap>
          <Button
            type="primary"
            icon={<CheckOutlined />}
            loading={busy === 'accept'}
            disabled={busy !== null}
            onClick={() => {
              void review('accept');
            }}
            data-testid="review-accept"
          >
            {t('review.accept')}
          </Button>
          <Button
            danger
            icon={<RollbackOutlined />}
            loading={busy === 'return'}
            disabled={busy !== null}
            onClick={() => {
              void review('return');
            }}
            data-testid="review-return"
          >
            {t('review.return')}
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}

export function ReviewHistory({ c }: { c: CaseDetail }) {
  const { t } = useTranslation('rectification');
  const dates = useDates();
  return (
    <Card title={t('review.history')} data-testid="review-history">
      {c.reviews.length === 0 ? (
        <Empty description={t('review.noHistory')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Timeline
          items={c.reviews.map((r, i) => ({
            key: i,
            color: r.decision === 'accept' ? 'green' : 'orange',
            content: (
              <Flex vertical gap={2}>
                <Typography.Text strong>
                  {t(`review.decision.${r.decision}`)}{' '}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{`${r.reviewer} · ${dates.dateTime(r.at)}`}</Typography.Text>
                </Typography.Text>
                <Typography.Text style={{ whiteSpace: 'pre-wrap' }} type={r.comment ? undefined : 'secondary'}>
                  {r.comment ?? t('review.noComment')}
                </Typography.Text>
              </Flex>
            ),
          }))}
        />
      )}
    </Card>
  );
}
