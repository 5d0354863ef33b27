// 分组统计: a closed round's means by township, industry or size, each department a row and each group
// shown a column; cells under the anonymity threshold read "<5" (views/breakdowns.ts). A wide table scrolls
// inside the card.
import { Card, Segmented, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { getBreakdowns } from '../../endpoints.ts';
import { sizeLabel } from '../../labels.ts';
import { useLoad } from '../../useLoad.ts';
import { breakdownTable, cellText, type BreakdownRow, type Dimension } from '../../views/breakdowns.ts';

const DIMENSIONS: Dimension[] = ['township', 'industry', 'size'];

export function BreakdownsCard({ roundId }: { roundId: string }) {
  const { t, i18n } = useTranslation('rounds');
  const { t: tc } = useTranslation('common');
  const [dimension, setDimension] = useState<Dimension>('township');
  const breakdowns = useLoad((signal) => getBreakdowns(roundId, signal), [roundId]);
  const min = breakdowns.data?.minGroup ?? 5;
  const table = useMemo(() => (breakdowns.data ? breakdownTable(breakdowns.data, dimension) : null), [breakdowns.data, dimension]);
  const groupName = (value: string) => (dimension === 'size' ? sizeLabel(value, i18n.language) : value);

  const columns: TableColumnsType<BreakdownRow> = [
    { title: t('breakdowns.department'), key: 'name', fixed: 'left', width: 150, render: (_, r) => r.name },
    ...(table?.groups ?? []).map((g, i) => ({
      title: t('breakdowns.groupTitle', { value: groupName(g.value), n: g.respondents }),
      key: `g${i}`,
      width: 110,
      align: 'right' as const,
      render: (_: unknown, r: BreakdownRow) => {
        const cell = r.cells[i] ?? null;
        return cell ? (
          <span>
            {cellText(cell, min)}{' '}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              ({cell.n})
            </Typography.Text>
          </span>
        ) : (
          <Tooltip title={t('breakdowns.suppressedCell', { min })}>
            <Typography.Text type="secondary" data-testid="suppressed-cell">
              {cellText(null, min)}
            </Typography.Text>
          </Tooltip>
        );
      },
    })),
  ];

  return (
    <Card title={t('breakdowns.title')} data-testid="breakdowns-card" loading={breakdowns.loading && !breakdowns.data}>
      {breakdowns.error && !breakdowns.data ? (
        breakdowns.error instanceof ApiError && breakdowns.error.code === 'not_computed' ? (
          <Typography.Text type="secondary" data-testid="compute-first">
            {tc('errors.not_computed')}
          </Typography.Text>
        ) : (
          <LoadError error={breakdowns.error} onRetry={breakdowns.reload} />
        )
      ) : null}
      {table ? (
        <>
          <Typography.Paragraph type="secondary">{t('breakdowns.help', { min })}</Typography.Paragraph>
          <Segmented
            value={dimension}
            onChange={(v) => setDimension(v as Dimension)}
            options={DIMENSIONS.map((d) => ({ value: d, label: t(`breakdowns.dimensions.${d}`) }))}
            style={{ marginBottom: 12 }}
            data-testid="breakdowns-dimension"
          />
          {table.groups.length ? (
            <Table<BreakdownRow>
              rowKey="departmentId"
              size="small"
              columns={columns}
              dataSource={table.rows}
              pagination={false}
              scroll={{ x: 150 + 110 * table.groups.length, y: 480 }}
              data-testid="breakdowns-table"
            />
          ) : (
            <Typography.Paragraph>{t('breakdowns.noGroups', { min })}</Typography.Paragraph>
          )}
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {table.hiddenRespondents ? `${t('breakdowns.hidden', { n: table.hiddenRespondents })} ` : ''}
            {table.suppressedCells ? t('breakdowns.suppressed', { n: table.suppressedCells, min }) : ''}
          </Typography.Paragraph>
        </>
      ) : null}
    </Card>
  );
}
