// Mean and rank across rounds for the chosen departments; a round in the bottom N is a large red dot.
import { Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis, type DotItemDotProps } from 'recharts';
import { rankTicks } from '#shared/charts/axis.ts';
import { trendKey, type TrendRow, type TrendSeries } from '#shared/charts/trends.ts';
import { COLORS, fmtMean, useDeptName, useQuarter } from '../format.tsx';
import { ChartFrame } from './ChartFrame.tsx';

function flagDot(departmentId: number, color: string) {
  return function FlagDot(props: DotItemDotProps) {
    const { cx, cy, payload, index } = props;
    if (typeof cx !== 'number' || typeof cy !== 'number') return <g key={index} />;
    const flagged = (payload as TrendRow)[trendKey('flagged', departmentId)] === true;
    return flagged ? (
      <circle key={index} cx={cx} cy={cy} r={6} fill={COLORS.flagged} stroke="#fff" strokeWidth={1.5} data-flagged="true" />
    ) : (
      <circle key={index} cx={cx} cy={cy} r={3} fill="#fff" stroke={color} strokeWidth={1.5} />
    );
  };
}

export function TrendsChart({
  rows,
  series,
  height = 300,
}: {
  rows: readonly TrendRow[];
  series: readonly TrendSeries[];
  height?: number;
}) {
  const { t } = useTranslation('dashboard');
  const name = useDeptName();
  const quarter = useQuarter();
  const maxRank = Math.max(1, ...rows.map((r) => r.rankedCount ?? 0));
  const ranks = rankTicks(maxRank);
  const lines = (what: 'mean' | 'rank') =>
    series.map((s, i) => {
      const color = COLORS.series[i % COLORS.series.length]!;
      return (
        <Line
          key={s.departmentId}
          type="linear"
          dataKey={trendKey(what, s.departmentId)}
          name={name(s)}
          stroke={color}
          strokeWidth={2}
          dot={flagDot(s.departmentId, color)}
          activeDot={{ r: 5 }}
          isAnimationActive={false}
        />
      );
    });
  return (
    <Flex gap={16} wrap>
      <div style={{ flex: '1 1 420px', minWidth: 0 }}>
        <ChartFrame testId="trend-mean-chart" label={t('charts.trendsMean')} height={height}>
          <LineChart data={rows as TrendRow[]} margin={{ top: 10, right: 20, bottom: 4, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="roundId" tick={{ fontSize: 11 }} interval={0} />
            <YAxis
              domain={[0, 100]}
              ticks={[0, 20, 40, 60, 80, 100]}
              label={{ value: t('charts.trendsMean'), angle: -90, position: 'insideLeft', offset: 16 }}
            />
            <Tooltip labelFormatter={(l) => quarter(String(l))} formatter={(v) => fmtMean(typeof v === 'number' ? v : null)} />
            <Legend itemSorter={null} />
            {lines('mean')}
          </LineChart>
        </ChartFrame>
      </div>
      <div style={{ flex: '1 1 420px', minWidth: 0 }}>
        <ChartFrame testId="trend-rank-chart" label={t('charts.trendsRank')} height={height}>
          <LineChart data={rows as TrendRow[]} margin={{ top: 10, right: 20, bottom: 4, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="roundId" tick={{ fontSize: 11 }} interval={0} />
            <YAxis
              reversed
              domain={[1, maxRank]}
              ticks={ranks}
              allowDecimals={false}
              label={{ value: t('charts.trendsRank'), angle: -90, position: 'insideLeft', offset: 16 }}
            />
            <Tooltip
              labelFormatter={(l) => quarter(String(l))}
              formatter={(v, _n, item) =>
                typeof v === 'number' ? t('charts.rankOf', { rank: v, count: (item.payload as TrendRow).rankedCount ?? '—' }) : '—'
              }
            />
            <Legend itemSorter={null} />
            {lines('rank')}
          </LineChart>
        </ChartFrame>
      </div>
    </Flex>
  );
}
