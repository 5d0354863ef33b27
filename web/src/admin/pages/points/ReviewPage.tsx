// 积分审核: the pending entries, oldest first. Four eyes: your own submissions wait for someone else.
import { App, Button, Flex, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PointsEntry } from '../../../../../shared/schemas/points.ts';
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
  const data = useLoad((signal) => listEntries({ status: 'pending', pageSize: 200 }, signal), []);

  const decide = async (e: PointsEntry, approve: boolean) => {
    setBusy(e.id);
    try {
      await (approve ? approveEntry : rejectEntry)(e.id, notes[e.id]);
      message.success(approve ? t('review.approved') : t('review.rejected'));
      data.reload();
    } catch (error) {
      message.error(errorText(error));
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <PageHeader title={t('review.title')} subtitle={t('review.subtitle')} />
      {data.error ? <LoadError error={data.error} onRetry={data.reload} /> : null}
      <EntryTable
        entries={data.data?.items ?? []}
        loading={data.loading}
        empty={t('review.empty')}
        testId="review-table"
        actions={(e) => (e.submittedBy === user.username
          ? <Typography.Text type="secondary" data-testid="review-own">{t('review.own')}</Typography.Text>
          : (
            <Flex vertical gap={4}>
              <Input size="small" placeholder={t('review.note')} value={notes[e.id] ?? ''} onChange={(ev) => setNotes({ ...notes, [e.id]: ev.target.value })} />
              <Flex gap={4}>
                <Button size="small" type="primary" loading={busy === e.id} onClick={() => decide(e, true)} data-testid="review-approve">{t('review.approve')}</Button>
                <Button size="small" danger disabled={busy === e.id} onClick={() => decide(e, false)}>{t('review.reject')}</Button>
              </Flex>
            </Flex>
          ))}
      />
    </>
  );
}
