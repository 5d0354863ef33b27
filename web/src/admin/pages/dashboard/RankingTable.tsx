// The ranking: rank, mean with its interval, n, rates, votes, the move since last round and how likely
// the department is to be in the bottom. The bottom N stand out in red; the unranked are listed apart.
import { Alert, Card, Flex, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { rankChange, rankChangeOrder, splitRanking, type RankChange } from '#shared/charts/ranking.ts';
import type { EscalationLevel } from '#shared/results/escalation.ts';
import type { DepartmentResultView } from '#shared/schemas/results.ts';
import type { RoundResults } from '../../endpoints.ts';
import { categoryLabel, categoryOptions } from '../../labels.ts';
import { RobustnessMark } from '../../components/integrity/RobustnessNote.tsx';
import { COLORS, fmtMean, fmtPct, isEnglish, LevelTag, useDeptName } from './format.tsx';
import { ReasonsList } from '../../components/ReasonsList.tsx';
import { reasonItems, reasonLine } from '../../views/reasons.ts';
import { SearchFilter, SelectFilter } from '../../components/Filters.tsx';

export type RankingRow = DepartmentResultView & { change: RankChange; level: EscalationLevel | null };

export const FLAGGED_ROW_CSS = `
.pingyi-flagged-row > td { background: ${COLORS.flaggedBg} !important; }
.pingyi-flagged-row:hover > td { background: #ffccc7 !important; }
`;

export function useRankingRows(results: RoundResults, levels: ReadonlyMap<number, EscalationLevel>): RankingRow[] {
  return useMemo(
    () =>
      results.departments.map((d) => ({
        ...d,
        change: rankChange(d.rank, d.previousRank),
        level: levels.get(d.departmentId) ?? null,
      })),
    [results, levels],
  );
}

export function ChangeMark({ change }: { change: RankChange }) {
  const { t } = useTranslation('dashboard');
  switch (change.kind) {
    case 'up':
      return (
        <span style={{ color: '#389e0d' }} title={t('ranking.changeUp', { count: change.places })}>
          ▲{change.places}
        </span>
      );
    case 'down':
      return (
        <span style={{ color: COLORS.flagged }} title={t('ranking.changeDown', { count: change.places })}>
          ▼{change.places}
        </span>
      );
    case 'same':
      return <span title={t('ranking.changeSame')}>—</span>;
    case 'new':
      return <Tag>{t('ranking.changeNew')}</Tag>;
    case 'none':
      return <span>{t('ranking.changeNone')}</span>;
  }
}

function matches(d: RankingRow, q: string): boolean {
  const s = q.trim().toLowerCase();
  return !s || [d.code, d.name, d.nameEn ?? ''].some((v) => v.toLowerCase().includes(s));
}

/** The rules printed under every ranking: the ranking rule, the scale, the minimum, the statistics. */
export function RulesText({ results }: { results: Pick<RoundResults, 'rules'> }) {
  const { t, i18n } = useTranslation('dashboard');
  const { rules } = results;
  const en = isEnglish(i18n.language);
  const scale = rules.scale.map((s) => `${en ? s.labelEn : s.labelZh} ${s.score}`).join(' · ');
  return (
    <Flex vertical gap={4}>
      <span>{en ? rules.rankingRule.en : rules.rankingRule.zh}</span>
      <span data-testid="official-ranking">{t(`ranking.official.${rules.officialRanking}`)}</span>
      <span>{t('ranking.scaleLine', { scale })}</span>
      <span>{t('ranking.minRatings', { min: rules.minRatings })}</span>
      <span>{t('ranking.stats', { runs: rules.simulations, seed: rules.simulationSeed })}</span>
    </Flex>
  );
}

export function RankingTable({ results, rows }: { results: RoundResults; rows: readonly RankingRow[] }) {
  const { t, i18n } = useTranslation('dashboard');
  const lang = i18n.language;
  const name = useDeptName();
  const [category, setCategory] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const { rules } = results;
  const { ranked, insufficient } = useMemo(
    () => splitRanking(rows.filter((d) => (!category || d.category === category) && matches(d, q))),
    [rows, category, q],
  );

  const columns: TableColumnsType<RankingRow> = [
    {
      title: t('ranking.columns.rank'),
      dataIndex: 'rank',
      width: 84,
      fixed: 'left',
      sorter: (a, b) => (a.rank ?? 0) - (b.rank ?? 0),
      defaultSortOrder: 'ascend',
      render: (rank: number, d) => (
        <Flex gap={4} align="center">
          <Typography.Text strong style={d.flagged ? { color: COLORS.flagged } : undefined}>
            {rank}
          </Typography.Text>
          {d.flagged ? (
            <Tag color="red" style={{ marginInlineEnd: 0 }}>
              {t('ranking.bottomTag')}
            </Tag>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('ranking.columns.department'),
      key: 'name',
      sorter: (a, b) => a.code.localeCompare(b.code),
      render: (_, d) => (
        <Flex vertical>
          <Typography.Text strong={d.flagged} data-testid="dept-name">
            {name(d)}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {categoryLabel(d.category, lang)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: <Tooltip title={t('ranking.intervalHelp')}>{t('ranking.columns.mean')}</Tooltip>,
      dataIndex: 'mean',
      width: 170,
      sorter: (a, b) => (a.mean ?? -1) - (b.mean ?? -1),
      render: (mean: number | null, d) => (
        <span>
          <Typography.Text strong>{fmtMean(mean)}</Typography.Text>
          {d.ci95 ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{` (${fmtMean(d.ci95[0])}–${fmtMean(d.ci95[1])})`}</Typography.Text>
          ) : null}
        </span>
      ),
    },
    { title: t('ranking.columns.n'), dataIndex: 'n', width: 84, align: 'right', sorter: (a, b) => a.n - b.n },
    {
      title: t('ranking.columns.satisfaction'),
      dataIndex: 'satisfactionRate',
      width: 96,
      align: 'right',
      sorter: (a, b) => (a.satisfactionRate ?? -1) - (b.satisfactionRate ?? -1),
      render: (r: number | null) => fmtPct(r),
    },
    {
      title: t('ranking.columns.votes'),
      dataIndex: 'leastSatisfiedVotes',
      width: 100,
      align: 'right',
      sorter: (a, b) => a.leastSatisfiedVotes - b.leastSatisfiedVotes,
    },
    {
      // The most chosen reasons for 不满意; the whole list (with "<3") on hover.
      title: t('ranking.columns.reasons'),
      key: 'reasons',
      width: 170,
      render: (_, d) => {
        const text = d.reasons ? reasonLine(reasonItems(d.reasons, rules.reasons, isEnglish(lang))) : '';
        return text && d.reasons ? (
          <Tooltip title={<ReasonsList reasons={d.reasons} offered={rules.reasons} />} color="#fff">
            <span data-testid="ranking-reasons" style={{ fontSize: 12 }}>
              {text}
            </span>
          </Tooltip>
        ) : (
          '—'
        );
      },
    },
    {
      title: t('ranking.columns.change'),
      key: 'change',
      width: 84,
      align: 'center',
      sorter: (a, b) => rankChangeOrder(a.change) - rankChangeOrder(b.change),
      render: (_, d) => <ChangeMark change={d.change} />,
    },
    {
      title: t('ranking.columns.pBottom'),
      dataIndex: 'pBottom',
      width: 110,
      align: 'right',
      sorter: (a, b) => (a.pBottom ?? -1) - (b.pBottom ?? -1),
      render: (p: number | null, d) =>
        p === null ? (
          '—'
        ) : (
          <>
            <Tooltip
              title={t('ranking.pBottomHelp', {
                runs: rules.simulations,
                bottomN: rules.bottomN,
                lo: d.rankInterval?.[0] ?? '—',
                hi: d.rankInterval?.[1] ?? '—',
              })}
            >
              <span style={{ color: p >= 0.5 ? COLORS.flagged : undefined }}>{fmtPct(p, 0)}</span>
            </Tooltip>
            <RobustnessMark results={results} departmentId={d.departmentId} />
          </>
        ),
    },
    { title: t('ranking.columns.level'), key: 'level', width: 180, render: (_, d) => (d.flagged ? <LevelTag level={d.level} /> : null) },
  ];

  const insufficientColumns: TableColumnsType<RankingRow> = [
    { title: t('ranking.columns.department'), key: 'name', render: (_, d) => name(d) },
    { title: t('ranking.columns.category'), dataIndex: 'category', render: (c: string) => categoryLabel(c, lang) },
    { title: t('ranking.columns.n'), dataIndex: 'n', align: 'right' },
    { title: t('charts.mean'), dataIndex: 'mean', align: 'right', render: (m: number | null) => fmtMean(m) },
  ];

  return (
    <Card title={t('ranking.title')} style={{ marginBottom: 16 }}>
      <style>{FLAGGED_ROW_CSS}</style>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <SearchFilter label={t('ranking.searchPlaceholder')} width={240} onSearch={setQ} />
        <SelectFilter
          label={t('ranking.allCategories')}
          width={240}
          value={category}
          onChange={setCategory}
          options={categoryOptions(lang)}
        />
      </Flex>
      <div data-testid="ranking-table">
        <Table<RankingRow>
          rowKey="departmentId"
          size="small"
          columns={columns}
          dataSource={ranked}
          rowClassName={(d) => (d.flagged ? 'pingyi-flagged-row' : '')}
          pagination={false}
          scroll={{ x: 1230 }}
          locale={{ emptyText: t('ranking.noMatch') }}
        />
      </div>
      {insufficient.length ? (
        <div style={{ marginTop: 16 }} data-testid="insufficient-table">
          <Typography.Title level={5}>{t('ranking.insufficientTitle')}</Typography.Title>
          <Typography.Paragraph type="secondary">{t('ranking.insufficientNote', { min: rules.minRatings })}</Typography.Paragraph>
          <Table<RankingRow>
            rowKey="departmentId"
            size="small"
            columns={insufficientColumns}
            dataSource={insufficient}
            pagination={false}
          />
        </div>
      ) : null}
      <div data-testid="ranking-rules" style={{ marginTop: 16 }}>
        <Alert type="info" title={t('ranking.rule')} description={<RulesText results={results} />} />
      </div>
    </Card>
  );
}
