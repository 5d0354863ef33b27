// 积分台账: every entry, newest first. The organisation department adds entries and reverses wrong ones.
import { Button, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ENTRY_SOURCES, ENTRY_STATUSES, type EntrySource, type EntryStatus } from '#shared/points/vocabulary.ts';
import type { PointsEntry } from '#shared/schemas/points.ts';
import { useUser } from '../../auth.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { listEntries } from '../../endpoints.ts';
import { useLoad } from '../../useLoad.ts';
import { EntryForm, ReverseForm } from './EntryForms.tsx';
import { EntryTable } from './EntryTable.tsx';
import { SelectFilter } from '../../components/Filters.tsx';

const PAGE_SIZE = 50;

export default function LedgerPage() {
  const { t } = useTranslation('points');
  const user = useUser();
  const [status, setStatus] = useState<EntryStatus | undefined>();
  const [source, setSource] = useState<EntrySource | undefined>();
  const [page, setPage] = useState(1);
  // A new filter starts again at the first page.
  const filtered =
    <V,>(set: (v: V) => void) =>
    (v: V) => {
      set(v);
      setPage(1);
    };
  const [adding, setAdding] = useState(false);
  const [reversing, setReversing] = useState<PointsEntry | null>(null);
  const data = useLoad((signal) => listEntries({ status, source, page, pageSize: PAGE_SIZE }, signal), [status, source, page]);
  const org = user.role === 'org';

  return (
    <>
      <PageHeader
        title={t('ledger.title')}
        subtitle={t('ledger.subtitle')}
        extra={
          org ? (
            <Button type="primary" onClick={() => setAdding(true)} data-testid="entry-add">
              {t('ledger.add')}
            </Button>
          ) : null
        }
      />
      <Flex gap={12} wrap style={{ marginBottom: 12 }}>
        <SelectFilter
          label={t('ledger.filterStatus')}
          placeholder={`${t('ledger.filterStatus')}：${t('ledger.all')}`}
          width={180}
          value={status}
          onChange={filtered(setStatus)}
          options={ENTRY_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
        <SelectFilter
          label={t('ledger.filterSource')}
          placeholder={`${t('ledger.filterSource')}：${t('ledger.all')}`}
          width={220}
          value={source}
          onChange={filtered(setSource)}
          options={ENTRY_SOURCES.map((s) => ({ value: s, label: t(`source.${s}`) }))}
        />
      </Flex>
      {data.error ? <LoadError error={data.error} onRetry={data.reload} /> : null}
      <EntryTable
        entries={data.data?.items ?? []}
        loading={data.loading}
        empty={t('ledger.empty')}
        testId="ledger-table"
        pagination={{ current: page, pageSize: PAGE_SIZE, total: data.data?.total ?? 0, onChange: setPage }}
        actions={
          org
            ? (e) =>
                e.status === 'approved' && !e.reversedById && !e.reversesId ? (
                  <Button size="small" onClick={() => setReversing(e)}>
                    {t('ledger.reverse')}
                  </Button>
                ) : null
            : undefined
        }
      />
      {adding ? (
        <EntryForm
          onClose={() => setAdding(false)}
          onSaved={() => {
            setAdding(false);
            data.reload();
          }}
        />
      ) : null}
      {reversing ? (
        <ReverseForm
          entry={reversing}
          onClose={() => setReversing(null)}
          onSaved={() => {
            setReversing(null);
            data.reload();
          }}
        />
      ) : null}
    </>
  );
}
