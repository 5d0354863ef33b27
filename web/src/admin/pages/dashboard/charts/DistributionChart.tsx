// Each department's ratings as a 100% stacked bar: 满意 … 不满意 (不了解 left out, its count in the tooltip).
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import { DISTRIBUTION_LEVELS, wholePercents, type DistributionRow } from '#shared/charts/distribution.ts';
import type { ScaleEntry } from '#shared/results/scale.ts';
import { COLORS, isEnglish, useDeptName } from '../format.tsx';
import { ChartFrame, tooltipBox } from './ChartFrame.tsx';

function DistributionTip({ active, payload, scale }: TooltipContentProps & { scale: readonly ScaleEntry[] }) {
  const { t, i18n } = useTranslation('dashboard');
  const name = useDeptName();
  const row = payload?.[0]?.payload as DistributionRow | undefined;
  if (!active || !row) return null;
  const percents = wholePercents(DISTRIBUTION_LEVELS.map((l) => row.counts[l]));
  return (
    <div style={tooltipBox}>
      <div style={{ fontWeight: 600, color: row.flagged ? COLORS.flagged : undefined }}>{name(row)}</div>
      {DISTRIBUTION_LEVELS.map((level, i) => {
        const entry = scale.find((s) => s.level === level);
        return (
          <div key={level}>
            <span style={{ display: 'inline-block', width: 8, height: 8, background: COLORS.levels[level], marginInlineEnd: 6 }} />
            {t('charts.distributionCount', {
              label: entry ? (isEnglish(i18n.language) ? entry.labelEn : entry.labelZh) : level,
              count: row.counts[level],
              share: `${percents[i]}%`,
            })}
          </div>
        );
      })}
      <div style={{ color: COLORS.muted }}>{t('charts.notApplicableCount', { count: row.notApplicable })}</div>
    </div>
  );
}

export function DistributionChart({
  rows,
  scale,
  width,
  rowHeight = 18,
}: {
  rows: readonly DistributionRow[];
  scale: readonly ScaleEntry[];
  width?: number;
  rowHeight?: number;
}) {
  const { t, i18n } = useTranslation('dashboard');
  const name = useDeptName();
  const data = rows.map((r) => ({ ...r, label: name(r) }));
  const labelOf = (level: string) => {
    const entry = scale.find((s) => s.level === level);
    return entry ? (isEnglish(i18n.language) ? entry.labelEn : entry.labelZh) : level;
  };
  return (
    <ChartFrame
      testId="distribution-chart"
      label={t('charts.distribution')}
      width={width}
      height={Math.max(160, data.length * rowHeight + 80)}
    >
      <BarChart data={data} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 4 }} barCategoryGap={2}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis
          type="number"
          domain={[0, 1]}
          ticks={[0, 0.25, 0.5, 0.75, 1]}
          tickFormatter={(v: number) => `${Math.round(v * 100)}%`}
          orientation="top"
        />
        <YAxis type="category" dataKey="label" width={width ? 200 : 230} interval={0} tick={{ fontSize: 11 }} />
        {DISTRIBUTION_LEVELS.map((level) => (
          <Bar key={level} dataKey={level} stackId="ratings" name={labelOf(level)} fill={COLORS.levels[level]} isAnimationActive={false} />
        ))}
        <Tooltip content={(props) => <DistributionTip {...props} scale={scale} />} cursor={{ fill: 'rgba(0,0,0,0.04)' }} />
        <Legend verticalAlign="bottom" height={28} itemSorter={null} />
      </BarChart>
    </ChartFrame>
  );
}
