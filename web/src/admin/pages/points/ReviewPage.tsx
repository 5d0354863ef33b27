// 积分审核: the pending entries, oldest first. Four eyes: your own submissions wait for someone else.
import { App, Button, Flex, Input, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PointsEntry } from '#shared/schemas/points.ts';
import { useUser } from '../../auth.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { approveEntry, listEntries, rejectEntry } from '../../endpoints.ts';
import { useErrorText } from '../../errors.ts';
import { useLoad } from '../../useLoad.ts';
import { EntryTable } from './EntryTable.tsx';

export default function ReviewPage() {
  const { t } = useTranslation('points');
  const user = useUser();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [notes, setNotes] = useState<Record<number, string>>({});
  const [busy, setBusy] = useState<number | null>(null);
  const [selected, setSelected] = useState<number[]>([]);
  const [bulkBusy, setBulkBusy] = useState(false);
  const data = useLoad((signal) => listEntries({ status: 'pending', pageSize: 200 }, signal), []);

  const decide = async (e: PointsEntry, approve: boolean) => {
    setBusy(e.id);
    try {
      await (approve ? approveEntry : rejectEntry)(e.id, notes[e.id]);
      message.success(approve ? t('review.approved') : t('review.rejected'));
      setSelected((ids) => ids.filter((id) => id !== e.id));
      data.reload();
    } catch (error) {
      message.error(errorText(error));
    } finally {
      setBusy(null);
    }
  };

  // One by one, so that each approval is its own audited four-eyes decision; stops at the first refusal.
  const approveSelected = async () => {
    setBulkBusy(true);
    let done = 0;
    try {
      for (const id of selected) {
        await approveEntry(id, notes[id]);
        done += 1;
      }
      message.success(t('review.bulkApproved', { count: done }));
    } catch (error) {
      message.error(`${t('review.bulkStopped', { count: done })}${errorText(error)}`);
    } finally {
      setSelected([]);
      setBulkBusy(false);
      data.reload();
    }
  };

  const items = data.data?.items ?? [];
  // Four eyes: what this reviewer submitted waits for someone else, so it is listed apart, not in the queue.
  const mine = items.filter((e) => e.submittedBy === user.username);
  const theirs = items.filter((e) => e.submittedBy !== user.username);

  return (
    <>
      <PageHeader title={t('review.title')} subtitle={t('review.subtitle')} />
      {data.error ? <LoadError error={data.error} onRetry={data.reload} /> : null}
      <Flex gap={8} align="center" wrap style={{ marginBottom: 8 }}>
        <Popconfirm
          title={t('review.bulkConfirm', { count: selected.length })}
          onConfirm={approveSelected}
          okText={t('review.approve')}
          disabled={!selected.length}
        >
          <Button type="primary" disabled={!selected.length} loading={bulkBusy} data-testid="review-bulk-approve">
            {t('review.bulkApprove', { count: selected.length })}
          </Button>
        </Popconfirm>
        <Typography.Text type="secondary">{t('review.bulkHint')}</Typography.Text>
      </Flex>
      <EntryTable
        entries={theirs}
        loading={data.loading}
        empty={t('review.empty')}
        testId="review-table"
        selection={{ selected, onChange: setSelected }}
        actions={(e) => (
          <Flex vertical gap={4}>
            <Input
              size="small"
              placeholder={t('review.note')}
              aria-label={t('review.note')}
              value={notes[e.id] ?? ''}
              onChange={(ev) => setNotes({ ...notes, [e.id]: ev.target.value })}
            />
            <Flex gap={4}>
              <Button size="small" type="primary" loading={busy === e.id} onClick={() => decide(e, true)} data-testid="review-approve">
                {t('review.approve')}
              </Button>
              <Button size="small" danger disabled={busy === e.id} onClick={() => decide(e, false)}>
                {t('review.reject')}
              </Button>
            </Flex>
          </Flex>
        )}
      />
      {mine.length ? (
        <>
          <Typography.Title level={5} style={{ marginTop: 24 }} data-testid="review-own">
            {t('review.ownTitle', { count: mine.length })}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('review.own')}</Typography.Paragraph>
          <EntryTable entries={mine} loading={data.loading} empty={null} testId="review-own-table" />
        </>
      ) : null}
    </>
  );
}
